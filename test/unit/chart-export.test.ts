import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { chartDataCsv, serializeSvg } from "../../src/charts/export.ts";
import { chartRoot, LIGHT_THEME, SVG_NS, svg } from "../../src/charts/svg.ts";

const window = new JSDOM("").window;
const context = { document: window.document };

function parse(text: string): Document {
  return new window.DOMParser().parseFromString(text, "image/svg+xml");
}

describe("serializeSvg", () => {
  it("writes well-formed XML where outerHTML would not", () => {
    const root = chartRoot(context, 100, 50, LIGHT_THEME, "A & B <test>", "desc");
    root.appendChild(svg(context, "text", { "data-note": 'a<b & "c"' }, "x\u00a0<y> & z\u0007"));
    const text = serializeSvg(root);
    expect(
      text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'),
    ).toBe(true);
    // The namespace is written once.
    expect(text.match(/xmlns=/g)).toHaveLength(1);
    const doc = parse(text);
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.namespaceURI).toBe(SVG_NS);
    expect(doc.querySelector("title")?.textContent).toBe("A & B <test>");
    const note = doc.querySelector("text[data-note]")!;
    expect(note.getAttribute("data-note")).toBe('a<b & "c"');
    // The non-breaking space survives as a character; the control character is dropped.
    expect(note.textContent).toBe("x\u00a0<y> & z");
    // HTML serialisation would have written &nbsp;, which XML does not know.
    expect(parse(root.outerHTML).getElementsByTagName("parsererror").length).toBeGreaterThan(0);
  });

  it("adds the namespace to a root that lacks the attribute", () => {
    const bare = window.document.createElementNS(SVG_NS, "svg") as SVGSVGElement;
    expect(serializeSvg(bare)).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="${SVG_NS}"/>\n`);
  });
});

describe("chartDataCsv", () => {
  it("writes a header from the keys and quotes what needs quoting (RFC 4180)", () => {
    const csv = chartDataCsv([
      { label: "suspend, top 5", estimate: -0.31, note: 'say "no"' },
      { label: "plain", estimate: 0.5, extra: null },
    ]);
    expect(csv).toBe('label,estimate,note,extra\r\n"suspend, top 5",-0.31,"say ""no""",\r\nplain,0.5,,\r\n');
  });

  it("keeps spreadsheet formulas from running", () => {
    expect(chartDataCsv([{ account: "=HYPERLINK(1)" }])).toBe("account\r\n'=HYPERLINK(1)\r\n");
  });

  it("writes only a newline for no rows", () => {
    expect(chartDataCsv([])).toBe("\r\n");
  });
});

describe("toCsv (the app's network and tree tables)", () => {
  it("guards account names from users' files like the charts' data: no formula, quoted when needed", async () => {
    const { toCsv } = await import("../../src/ui/export.ts");
    const csv = toCsv(
      ["account", "reposts"],
      [
        ['=HYPERLINK("x")', 3],
        ["plain, with comma", null],
      ],
    );
    expect(csv).toBe('account,reposts\r\n"\'=HYPERLINK(""x"")",3\r\n"plain, with comma",\r\n');
  });
});
