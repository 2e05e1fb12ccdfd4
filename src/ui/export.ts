/**
 * Saving what is on screen: each chart as a standalone SVG (the chart element
 * itself, serialised), as PNG at twice its size, its data as CSV and JSON,
 * and everything at once as one zip.
 */
import { strToU8, zipSync } from "fflate";
import { csvCell } from "../charts/export.ts";

export function svgMarkup(element: SVGSVGElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(element)}\n`;
}

export function download(name: string, content: string | Blob, type = "image/svg+xml"): void {
  const blob = typeof content === "string" ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = name;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Rasterises a chart at `scale` times its size through an <img> and a canvas. */
export async function svgToPng(element: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(element.getAttribute("width"));
  const height = Number(element.getAttribute("height"));
  const url = URL.createObjectURL(new Blob([svgMarkup(element)], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted. */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  // Account names come from users' files: the same guarded cells as the charts' data.
  return `${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

export interface ExportItem {
  /** File name stem, e.g. "time-series". */
  name: string;
  chart?: () => SVGSVGElement | null;
  csv?: () => string | null;
  json?: () => unknown;
}

/** One zip with every chart as SVG and PNG, and every data set as CSV and JSON. */
export async function exportAll(
  items: readonly ExportItem[],
  scenarioJson: unknown,
  readme: string,
): Promise<Blob> {
  const files: Record<string, Uint8Array> = {
    "README.txt": strToU8(readme),
    "scenario.json": strToU8(`${JSON.stringify(scenarioJson, null, 2)}\n`),
  };
  for (const item of items) {
    const chart = item.chart?.();
    if (chart) {
      files[`${item.name}.svg`] = strToU8(svgMarkup(chart));
      files[`${item.name}.png`] = new Uint8Array(await (await svgToPng(chart)).arrayBuffer());
    }
    const csv = item.csv?.();
    if (csv) files[`${item.name}.csv`] = strToU8(csv);
    const json = item.json?.();
    if (json !== undefined && json !== null)
      files[`${item.name}.json`] = strToU8(`${JSON.stringify(json)}\n`);
  }
  // PNGs are already compressed; level 6 for the text.
  return new Blob([zipSync(files, { level: 6 })], { type: "application/zip" });
}
