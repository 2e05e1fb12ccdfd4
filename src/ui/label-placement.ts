/**
 * Where the network view writes its labels (source, who tipped each line):
 * one label per account, to the right of it unless that runs off the view,
 * moved down while it would cover a label already placed. Pure, in layout
 * units, so it is tested without a canvas.
 */
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
  const placed: Array<{ left: number; right: number; top: number; bottom: number }> = [];
  const out: PlacedLabel[] = [];
  const { pixel, lineHeight } = view;
  for (const group of byAccount.values()) {
    const { x, y } = group[0];
    const text = group.map((r) => r.text).join(" · ");
    const width = measure(text);
    let left = x + 10 * pixel;
    if (left + width > view.right - 4 * pixel) left = x - 10 * pixel - width;
    left = Math.max(left, view.left + 4 * pixel);
    let baseline = y - 8 * pixel;
    const covers = (box: { left: number; right: number; top: number; bottom: number }) =>
      box.left < left + width && left < box.right && box.top < baseline && baseline - lineHeight < box.bottom;
    for (let tries = 0; tries < 8 && placed.some(covers); tries++) baseline += lineHeight;
    placed.push({ left, right: left + width, top: baseline - lineHeight, bottom: baseline });
    out.push({ text, x: left, y: baseline });
  }
  return out;
}
