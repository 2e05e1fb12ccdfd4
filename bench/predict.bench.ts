/**
 * Speed of the early-warning estimators: one prediction at T = 1 h on
 * synthetic cascades of growing size (reposts spread over the hour, lognormal
 * followers). Run alone with `npx tsx bench/predict.bench.ts`, or import
 * `benchPredict` from a runner.
 */
import { pathToFileURL } from "node:url";
import type { Cascade, CascadeEvent } from "../src/core/cascade.ts";
import { ESTIMATORS } from "../src/core/predict/index.ts";
import { createRng } from "../src/core/random.ts";

function synthetic(n: number, seed: string): Cascade {
  const rng = createRng(seed);
  const events: CascadeEvent[] = [{ account: "s", parent: -1, time: 0, depth: 0, audience: 50_000 }];
  for (let i = 1; i <= n; i++) {
    // Denser early, as real cascades are: t = 2 h · u².
    const u = i / n;
    events.push({
      account: `a${i}`,
      parent: 0,
      time: 7200 * u * u,
      depth: 1,
      audience: Math.round(rng.logNormal(5, 1.5)),
    });
  }
  return { id: `synthetic-${n}`, events, format: "bench", warnings: [] };
}

export function benchPredict(): string {
  const lines = ["estimator   reposts by T   ms per prediction"];
  for (const n of [100, 1000, 10_000]) {
    const cascade = synthetic(n, `bench-${n}`);
    const training = [1, 2, 3, 4].map((k) => synthetic(n, `train-${n}-${k}`));
    for (const estimator of Object.values(ESTIMATORS)) {
      const runs = n >= 10_000 ? 1 : 3;
      const start = performance.now();
      let observed = 0;
      for (let r = 0; r < runs; r++) {
        const result = estimator.predict(cascade, 3600, { training });
        if (!("unavailable" in result)) observed = result.observedReposts;
      }
      const ms = (performance.now() - start) / runs;
      lines.push(
        `${estimator.id.padEnd(11)} ${String(observed).padStart(12)}   ${ms.toFixed(0).padStart(17)}`,
      );
    }
  }
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(benchPredict());
