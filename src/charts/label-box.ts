/**
 * A one-line label beside a point, on the side where it fits: the rule behind
 * the charts' crossing and tipping labels and the network view's account
 * labels. Pure and in the caller's units (SVG pixels, or layout units on the
 * canvas), so it is tested with plain numbers.
 *
 * The label goes `gap` from the point on the preferred side; on the other side
 * when it would leave the span there; when it fits on neither, one side's box
 * is slid inside the span (the left end wins if the span is narrower than the
 * label). Then, while it would overlap a label already placed, it moves down.
 */

/** The space a one-line label takes: its baseline is `bottom`. */
export interface LabelBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** A label placed: its box, and how to write it (`x` with `anchor`, on `baseline`). */
export interface LabelPlace extends LabelBox {
  x: number;
  baseline: number;
  anchor: "start" | "end";
}

export interface BesideOptions {
  /** The label's width (estimated or measured), in the units of the point. */
  width: number;
  /** Its height above the baseline: the box that collides. */
  height: number;
  /** From the point to the near end of the label. */
  gap: number;
  /** The horizontal span the label must stay in. */
  within: { left: number; right: number };
  /** The side tried first (default right). */
  prefer?: "left" | "right";
  /** When neither side fits, the side whose box is slid inside the span (default the preferred one). */
  slide?: "preferred" | "other";
  /** Labels already placed: while the label overlaps one of them, it moves down by `step`, at most `tries` times. */
  avoid?: { placed: readonly LabelBox[]; step: number; tries: number };
}

/** The label for a point at `x`, written on `baseline` unless it has to move down. */
export function besideLabel(x: number, baseline: number, options: BesideOptions): LabelPlace {
  const { width, gap, within } = options;
  const rightOf = { left: x + gap, right: x + gap + width, anchor: "start" as const };
  const leftOf = { left: x - gap - width, right: x - gap, anchor: "end" as const };
  const [preferred, other] = options.prefer === "left" ? [leftOf, rightOf] : [rightOf, leftOf];
  const fits = (side: { left: number; right: number }) =>
    side.left >= within.left && side.right <= within.right;
  let side: { left: number; right: number; anchor: "start" | "end" };
  if (fits(preferred)) side = preferred;
  else if (fits(other)) side = other;
  else {
    const slid = options.slide === "other" ? other : preferred;
    const left = Math.max(within.left, Math.min(slid.left, within.right - width));
    side = { left, right: left + width, anchor: "start" };
  }
  const { left, right, anchor } = side;
  const box = (at: number): LabelBox => ({ left, right, top: at - options.height, bottom: at });
  const { placed, step, tries } = options.avoid ?? { placed: [], step: 0, tries: 0 };
  for (let k = 0; k < tries && placed.some((done) => labelsOverlap(box(baseline), done)); k++)
    baseline += step;
  return { ...box(baseline), x: anchor === "end" ? right : left, baseline, anchor };
}

/** Whether two labels overlap, or come closer than `margin` across and `marginY` down. */
export function labelsOverlap(a: LabelBox, b: LabelBox, margin = 0, marginY = 0): boolean {
  return (
    a.left < b.right + margin &&
    b.left < a.right + margin &&
    a.top < b.bottom + marginY &&
    b.top < a.bottom + marginY
  );
}
