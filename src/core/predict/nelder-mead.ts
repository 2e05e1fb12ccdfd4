/**
 * Nelder–Mead simplex minimisation (Nelder & Mead, Computer Journal 1965),
 * with the standard coefficients (reflection 1, expansion 2, contraction ½,
 * shrink ½). Small and derivative-free: enough for the two-parameter profile
 * likelihood of the Hawkes fit.
 */

export interface MinimiseResult {
  x: number[];
  value: number;
  evaluations: number;
}

export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  step: readonly number[],
  { maxEvaluations = 200, tolerance = 1e-6 } = {},
): MinimiseResult {
  const n = start.length;
  let evaluations = 0;
  const evaluate = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  const simplex: { x: number[]; v: number }[] = [{ x: [...start], v: evaluate([...start]) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] += step[i];
    simplex.push({ x, v: evaluate(x) });
  }
  const combine = (a: number[], b: number[], t: number) => a.map((ai, i) => ai + t * (b[i] - ai));
  while (evaluations < maxEvaluations) {
    simplex.sort((a, b) => a.v - b.v);
    const best = simplex[0];
    const worst = simplex[n];
    if (Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + tolerance)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < n; d++) centroid[d] += simplex[i].x[d] / n;
    const reflected = combine(centroid, worst.x, -1);
    const vr = evaluate(reflected);
    if (vr < best.v) {
      const expanded = combine(centroid, worst.x, -2);
      const ve = evaluate(expanded);
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
    } else if (vr < simplex[n - 1].v) {
      simplex[n] = { x: reflected, v: vr };
    } else {
      const contracted = vr < worst.v ? combine(centroid, reflected, 0.5) : combine(centroid, worst.x, 0.5);
      const vc = evaluate(contracted);
      if (vc < Math.min(vr, worst.v)) {
        simplex[n] = { x: contracted, v: vc };
      } else {
        for (let i = 1; i <= n; i++) {
          const x = combine(best.x, simplex[i].x, 0.5);
          simplex[i] = { x, v: evaluate(x) };
        }
      }
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0].x, value: simplex[0].v, evaluations };
}
