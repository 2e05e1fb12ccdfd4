/**
 * Where the network view writes its labels (source, who tipped each line):
 * one label per account, beside it by the charts' rule (`besideLabel`): to the
 * right of it unless that runs off the view, moved down while it would cover a
 * label already placed. Pure, in layout units, so it is tested without a canvas.
 */
import { besideLabel, type LabelBox } from "../charts/label-box.ts";

export interface LabelRequest {
  account: number;
  text: string;
  x: number;
  y: number;
}

export interface PlacedLabel {
  text: string;
  /** Left end of the text and its baseline. */
  x: number;
  y: number;
}

export interface LabelView {
  left: number;
  right: number;
  /** Layout units per screen pixel (1 / zoom). */
  pixel: number;
  lineHeight: number;
}

export function placeLabels(
  requests: readonly LabelRequest[],
  measure: (text: string) => number,
  view: LabelView,
): PlacedLabel[] {
  const byAccount = new Map<number, LabelRequest[]>();
  for (const request of requests)
    byAccount.set(request.account, [...(byAccount.get(request.account) ?? []), request]);
  const placed: LabelBox[] = [];
  const out: PlacedLabel[] = [];
  const { pixel, lineHeight } = view;
  for (const group of byAccount.values()) {
    const { x, y } = group[0];
    const text = group.map((r) => r.text).join(" · ");
    const place = besideLabel(x, y - 8 * pixel, {
      width: measure(text),
      height: lineHeight,
      gap: 10 * pixel,
      within: { left: view.left + 4 * pixel, right: view.right - 4 * pixel },
      // Fitting on neither side, the box left of the account is slid into view.
      slide: "other",
      avoid: { placed, step: lineHeight, tries: 8 },
    });
    placed.push(place);
    out.push({ text, x: place.left, y: place.baseline });
  }
  return out;
}
