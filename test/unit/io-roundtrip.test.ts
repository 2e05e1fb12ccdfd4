/**
 * Every writer read back through our reader (same events) and through
 * graphology's own readers (same nodes, edges and attributes).
 */
import { readFileSync } from "node:fs";
import Graph from "graphology";
import gexf from "graphology-gexf";
import graphml from "graphology-graphml";
import { describe, expect, it } from "vitest";
import type { Cascade } from "../../src/core/cascade.ts";
import { emptySocialGraph } from "../../src/core/generators/social-graph.ts";
import { readCascadeFile, WRITE_FORMATS, writeCascade, writeGraph } from "../../src/io/index.ts";
import { skipWithoutPath } from "../shared-data.ts";

function sample(withAudience: boolean): Cascade {
  const a = (n: number): number | null => (withAudience ? n : null);
  return {
    id: "sample",
    format: "test",
    platform: "hand-built",
    label: '<script>alert("x")</script> & rumour',
    startEpoch: 1_400_000_000,
    warnings: [],
    events: [
      { account: "src", parent: -1, time: 0, depth: 0, audience: a(1000) },
      { account: "__proto__", parent: 0, time: 12.5, depth: 1, audience: a(30) },
      { account: 'a,"b"', parent: 1, time: 40, depth: 2, audience: a(7) },
      { account: "constructor", parent: 0, time: 41, depth: 1, audience: a(0) },
      // The same account reposting twice is two events.
      { account: "__proto__", parent: 3, time: 90, depth: 2, audience: a(30) },
      { account: "<b>x</b>", parent: 2, time: 3600, depth: 3, audience: a(2) },
    ],
  };
}

const shape = (c: Cascade) => c.events.map((e) => [e.account, e.parent, e.time, e.depth, e.audience]);

describe("writeCascade -> readCascadeFile", () => {
  for (const withAudience of [true, false]) {
    for (const format of WRITE_FORMATS) {
      it(`${format}${withAudience ? " with followers" : " without followers"} reads back to the same events`, () => {
        const cascade = sample(withAudience);
        const text = writeCascade(cascade, format);
        const { cascades, format: detected } = readCascadeFile(`out.${format}`, text);
        expect(detected).toBe(format);
        expect(cascades).toHaveLength(1);
        expect(shape(cascades[0])).toEqual(shape(cascade));
        if (format !== "csv") {
          expect(cascades[0].label).toBe(cascade.label);
          expect(cascades[0].startEpoch).toBe(cascade.startEpoch);
        }
      });
    }
  }
});

describe("writers through graphology's own readers", () => {
  const cascade = sample(true);
  const check = (graph: Graph) => {
    expect(graph.order).toBe(6);
    expect(graph.size).toBe(5);
    // Nodes are keyed by event index; the account is an attribute.
    expect(graph.getNodeAttribute("4", "account")).toBe("__proto__");
    expect(graph.getNodeAttribute("5", "account")).toBe("<b>x</b>");
    expect(graph.getNodeAttribute("5", "time")).toBe(3600);
    expect(graph.getNodeAttribute("0", "followers")).toBe(1000);
    expect(graph.hasEdge("2", "5")).toBe(true);
  };
  it("JSON through Graph.from", () => {
    check(Graph.from(JSON.parse(writeCascade(cascade, "json"))));
  });
  it("GEXF through graphology-gexf", () => {
    check(gexf.parse(Graph, writeCascade(cascade, "gexf")));
  });
  it("GraphML through graphology-graphml", () => {
    check(graphml.parse(Graph, writeCascade(cascade, "graphml")));
  });
});

describe("writeGraph", () => {
  const graph = emptySocialGraph(4, "test");
  graph.mergeEdge("0", "1");
  graph.mergeEdge("0", "2");
  graph.mergeEdge("1", "2");
  graph.mergeEdge("3", "2");
  graph.forEachNode((node) => graph.setNodeAttribute(node, "followers", Number(node) * 10));
  for (const format of WRITE_FORMATS) {
    it(`a network in ${format} reads back as a network`, () => {
      const result = readCascadeFile(`net.${format}`, writeGraph(graph, format));
      expect(result.cascades).toEqual([]);
      const back = result.graph!;
      expect(back.order).toBe(4);
      expect(
        back
          .edges()
          .map((e) => `${back.source(e)}>${back.target(e)}`)
          .sort(),
      ).toEqual(["0>1", "0>2", "1>2", "3>2"]);
      expect(back.getNodeAttribute("3", "followers")).toBe(30);
    });
  }
});

const DATA = "../shared/data/";
describe.skipIf(skipWithoutPath(DATA))("a real cascade round-trips (needs ../shared/data)", () => {
  it("CasFlow 75991 through every writer", () => {
    const { cascades } = readCascadeFile(
      "casflow_weibo/dataset.txt",
      readFileSync(`${DATA}casflow_weibo/dataset.txt`, "utf8"),
      { line: 5 },
    );
    for (const format of WRITE_FORMATS) {
      const back = readCascadeFile(`x.${format}`, writeCascade(cascades[0], format)).cascades[0];
      expect(shape(back)).toEqual(shape(cascades[0]));
    }
  });
});
