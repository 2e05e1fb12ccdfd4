/** Each reader on small hand-built files with known answers. */
import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, evaluateLine } from "../../src/core/legal.ts";
import { detectFormat, InputError, readCascadeFile } from "../../src/io/index.ts";

const rows = (c: { events: { account: string; parent: number; time: number; depth: number }[] }) =>
  c.events.map((e) => [e.account, e.parent, e.time, e.depth]);

describe("detectFormat", () => {
  const cases: [string, string, string][] = [
    ["t.txt", "['ROOT', 'ROOT', '0.0']->['1', '2', '0.0']\n", "twitter-tree"],
    ["x.json", '[{"uid":"1"}]', "ced"],
    ["x.json", '{"attributes":{},"nodes":[]}', "json"],
    ["d.txt", "1\t2\t3\t1\t2:0\n", "casflow"],
    ["RT1.txt", "2032 1.37038194444 \n0 589257 \n", "tideh"],
    ["tweet.csv", "relative_time_second,number_of_followers\n0,2290\n", "seismic"],
    ["smh.csv", "time,magnitude,user_id\n0,991,419\n", "seismic"],
    ["e.tsv", "from\tto\ttime\n", "csv"],
    ["g.xml", '<?xml version="1.0"?><gexf version="1.3">', "gexf"],
    ["g.graphml", "<?xml version='1.0'?>\n<graphml>", "graphml"],
  ];
  for (const [name, text, format] of cases) {
    it(`${name} ${JSON.stringify(text.slice(0, 20))} is ${format}`, () => {
      expect(detectFormat(name, text)).toBe(format);
    });
  }
  it("refuses what it does not know, naming the formats", () => {
    expect(() => detectFormat("notes.txt", "hello world\n")).toThrow(
      /notes.txt:1: expected a file in one of the known formats/,
    );
  });
});

describe("CED", () => {
  const original = {
    name: "original-microblog/1_src_999.json",
    // 2013-01-01 06:53:55 UTC = 14:53:55 China time.
    text: JSON.stringify({ time: 1357023235, user: { followers: 50 }, reposts: 3 }),
  };
  const reposts = JSON.stringify([
    { kids: [], uid: "3", parent: "m2", text: "", mid: "m3", date: "01月01日 15:10" },
    { kids: [], uid: "2", parent: "", text: "<script>x</script>", mid: "m2", date: "2013-01-01 14:54:55" },
    { kids: [], uid: "4", parent: "src", text: "", mid: "m4", date: "2013-01-01 14:53:55" },
    { kids: [], uid: "5", parent: "gone", text: "", mid: "m5", date: "2013-01-01 14:00:00" },
  ]);
  it("reads China time, completes 'MM月DD日 HH:MM' with the source's year, links parents by mid", () => {
    const { cascades } = readCascadeFile("rumor-repost/1_src_999.json", reposts, { original });
    const [c] = cascades;
    expect(c.label).toBe("rumor");
    expect(rows(c)).toEqual([
      ["999", -1, 0, 0],
      ["3", 2, 965, 2],
      ["2", 0, 60, 1],
      ["4", 0, 0, 1],
      ["5", 0, 0, 1],
    ]);
    expect(c.events.every((e) => e.audience === null)).toBe(true);
    const warnings = c.warnings.join(" ");
    expect(warnings).toContain("1 entries are dated before the source post");
    expect(warnings).toContain("1 entries answer a post that is not in the file");
    expect(evaluateLine(c).reposts).toBe(4);
  });
  it("reads the 'Sat Jun 29 12:40:09 +0800 2013' source time of the files whose user is empty", () => {
    const text = JSON.stringify({ time: "Tue Jan 01 14:53:55 +0800 2013", user: "empty" });
    const { cascades } = readCascadeFile("rumor-repost/1_src_999.json", reposts, {
      original: { name: "o.json", text },
    });
    expect(cascades[0].startEpoch).toBe(1357023235);
  });
  it("without the original, counts from the first entry and says so", () => {
    const { cascades } = readCascadeFile("rumor-repost/1_src_999.json", reposts);
    expect(cascades[0].events[1].time).toBe(4200);
    expect(cascades[0].warnings[0]).toContain("source time is unknown");
  });
});

describe("CasFlow", () => {
  const line = "7\t100\t1464739203\t5\t100:0 100/2/3:50 100/2:40 100/9/4:70 100/100:5\n";
  it("links each path to the path without its last user, and reroutes unlisted paths", () => {
    const { cascades } = readCascadeFile("c.txt", line);
    const [c] = cascades;
    expect(c.id).toBe("casflow:7");
    expect(c.startEpoch).toBe(1464739203);
    expect(rows(c)).toEqual([
      ["100", -1, 0, 0],
      ["3", 2, 50, 2],
      ["2", 0, 40, 1],
      ["4", 0, 70, 1],
      ["100", 0, 5, 1],
    ]);
    expect(c.warnings.join(" ")).toContain("1 reposts come through a path that is not listed");
    expect(evaluateLine(c).reposts).toBe(4);
  });
  it("--line past the end names the file's length", () => {
    expect(() => readCascadeFile("c.txt", line, { line: 3 })).toThrow(InputError);
  });
});

describe("series", () => {
  it("TiDeH: header count checked, rows are reposts of the original with followers", () => {
    const { cascades } = readCascadeFile("RT9.txt", "3 1.5 \n0 100 \n5 10 \n9 20 \n");
    const [c] = cascades;
    expect(c.events.map((e) => [e.time, e.audience, e.parent])).toEqual([
      [0, 100, -1],
      [5, 10, 0],
      [9, 20, 0],
    ]);
    expect(c.warnings.join(" ")).toContain("The header says 3 retweets but the file lists 2");
  });
  it("time,magnitude,user_id keeps the users as accounts", () => {
    const { cascades } = readCascadeFile("s.csv", "time,magnitude,user_id\n0,1000,7\n30,4000,8\n");
    // 1000 + 4000 followers at a view rate of 1 reach 5,000 at the second row.
    const report = evaluateLine(cascades[0], { ...DEFAULT_RULES, viewRate: 1 });
    expect(report.crossing.views).toEqual({ time: 30, index: 1, account: "8", depth: 1 });
  });
});

describe("edge lists", () => {
  it("a forest is one cascade per root; dates become seconds after each source", () => {
    const text = [
      "source;target;time;followers",
      ";r1;2024-05-01T08:00:00Z;100",
      "r1;a;2024-05-01T08:00:30Z;5",
      "r2;b;2024-05-01T09:00:00+01:00;7",
      ";r2;2024-05-01T07:59:00Z;50",
    ].join("\n");
    const { cascades } = readCascadeFile("e.csv", text);
    expect(cascades.map((c) => [c.id, c.startEpoch, rows(c)])).toEqual([
      [
        "csv:e:r1",
        1714550400,
        [
          ["r1", -1, 0, 0],
          ["a", 0, 30, 1],
        ],
      ],
      [
        "csv:e:r2",
        1714550340,
        [
          ["r2", -1, 0, 0],
          ["b", 0, 60, 1],
        ],
      ],
    ]);
  });
  it("a file with several parents per node and no times is a network", () => {
    const { cascades, graph, warnings } = readCascadeFile("n.csv", "from,to\na,b\nc,b\nb,a\n__proto__,a\n");
    expect(cascades).toEqual([]);
    expect(graph?.order).toBe(4);
    expect(graph?.getNodeAttribute("b", "followers")).toBe(1);
    expect(warnings.join(" ")).toContain('"__proto__" is renamed');
  });
  it("quoted fields keep commas and quotes", () => {
    const { cascades } = readCascadeFile("q.csv", 'source,target,time\nr,"a,""b""",4\n');
    expect(cascades[0].events[1].account).toBe('a,"b"');
  });
});
