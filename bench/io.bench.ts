/**
 * Parse speed of every reader: synthetic files generated in memory (a random
 * repost tree: each repost picks an earlier post, times increasing), read
 * with readCascadeFile, reported as events per second. One million events for
 * the line formats; fewer for CED and the XML formats, whose real files are small
 * (CED caps at 1,000 entries). Run alone with `npx tsx bench/io.bench.ts [events]`,
 * or import `benchIo` from a runner.
 */
import { pathToFileURL } from "node:url";
import type { Cascade, CascadeEvent } from "../src/core/cascade.ts";
import { createRng } from "../src/core/random.ts";
import { type FormatId, readCascadeFile, writeCascade } from "../src/io/index.ts";

function syntheticTree(n: number): Cascade {
  const rng = createRng(`io-bench-${n}`);
  const events: CascadeEvent[] = [{ account: "0", parent: -1, time: 0, depth: 0, audience: 1000 }];
  for (let i = 1; i <= n; i++) {
    // Mostly reposts of recent posts, some of the source: realistic depth.
    const parent = rng.next() < 0.3 ? 0 : Math.floor(rng.next() * i);
    events.push({
      account: String(i),
      parent,
      time: i,
      depth: events[parent].depth + 1,
      audience: 1 + (i % 500),
    });
  }
  return { id: "bench", events, format: "bench", warnings: [] };
}

function twitterText(c: Cascade): string {
  const node = (i: number): string =>
    `['${c.events[i].account}', '${1e17 + i}', '${(c.events[i].time / 60).toFixed(2)}']`;
  const lines = [`['ROOT', 'ROOT', '0.0']->${node(0)}`];
  for (let i = 1; i < c.events.length; i++) lines.push(`${node(c.events[i].parent)}->${node(i)}`);
  return lines.join("\n");
}

function casflowText(c: Cascade): string {
  const paths: string[] = [c.events[0].account];
  const entries = [`${paths[0]}:0`];
  for (let i = 1; i < c.events.length; i++) {
    // Long paths are what DeepHawkes files hold; cap the depth so lines stay realistic.
    const parentPath = paths[c.events[i].parent];
    paths.push(
      parentPath.length > 60 ? `${paths[0]}/${c.events[i].account}` : `${parentPath}/${c.events[i].account}`,
    );
    entries.push(`${paths[i]}:${c.events[i].time}`);
  }
  return `1\t${paths[0]}\t1464739203\t${entries.length}\t${entries.join(" ")}\n`;
}

function cedText(c: Cascade): string {
  const entries = c.events.slice(1).map((e, k) => {
    const s = 1357023235 + 8 * 3600 + e.time;
    const d = new Date(s * 1000).toISOString().slice(0, 19).replace("T", " ");
    return `{"kids":[],"uid":"${e.account}","parent":"${e.parent === 0 ? "" : `m${e.parent}`}","text":"","mid":"m${k + 1}","date":"${d}"}`;
  });
  return `[\n${entries.join(",\n")}\n]`;
}

const generators: {
  format: FormatId;
  name: string;
  events: (n: number) => number;
  text: (c: Cascade) => string;
}[] = [
  { format: "twitter-tree", name: "t.txt", events: (n) => n, text: twitterText },
  { format: "casflow", name: "d.txt", events: (n) => n, text: casflowText },
  {
    format: "seismic",
    name: "s.csv",
    events: (n) => n,
    text: (c) =>
      `time,magnitude,user_id\n${c.events.map((e) => `${e.time},${e.audience},${e.account}`).join("\n")}`,
  },
  {
    format: "tideh",
    name: "RT.txt",
    events: (n) => n,
    text: (c) => `${c.events.length - 1} 1.5 \n${c.events.map((e) => `${e.time} ${e.audience} `).join("\n")}`,
  },
  { format: "csv", name: "e.csv", events: (n) => n, text: (c) => writeCascade(c, "csv") },
  { format: "json", name: "g.json", events: (n) => n, text: (c) => writeCascade(c, "json") },
  { format: "ced", name: "rumor-repost/1_src_9.json", events: (n) => Math.min(n, 200_000), text: cedText },
  {
    format: "gexf",
    name: "g.gexf",
    events: (n) => Math.min(n, 20_000),
    text: (c) => writeCascade(c, "gexf"),
  },
  {
    format: "graphml",
    name: "g.graphml",
    events: (n) => Math.min(n, 20_000),
    text: (c) => writeCascade(c, "graphml"),
  },
];

export function benchIo(n = 1_000_000): string {
  const lines = ["format         events      MB   wall s    CPU s   events per CPU s"];
  const trees = new Map<number, Cascade>();
  for (const g of generators) {
    const size = g.events(n);
    let tree = trees.get(size);
    if (!tree) {
      tree = syntheticTree(size);
      trees.set(size, tree);
    }
    const text = g.text(tree);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const result = readCascadeFile(g.name, text, { format: g.format });
    const cpu = process.cpuUsage(cpuStart);
    const seconds = (performance.now() - start) / 1000;
    // CPU time (all threads, GC included) is the fairer figure on a shared machine.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const events = result.cascades[0].events.length - 1;
    if (events !== size) throw new Error(`${g.format}: read ${events} events, wrote ${size}`);
    const rate = Math.round(events / cpuSeconds).toLocaleString("en-US");
    lines.push(
      `${g.format.padEnd(12)} ${String(events).padStart(8)} ${(text.length / 1e6).toFixed(1).padStart(7)} ${seconds.toFixed(2).padStart(8)} ${cpuSeconds.toFixed(2).padStart(8)} ${rate.padStart(18)}`,
    );
  }
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(benchIo(process.argv[2] ? Number(process.argv[2]) : undefined));
}
