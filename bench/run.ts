/** `npm run bench`: each bench module prints a table; run them one after the other. */
import { availableParallelism, cpus } from "node:os";
import { benchCharts } from "./charts.bench.ts";
import { benchIndependentCascade } from "./ic.bench.ts";
import { benchInterventions } from "./interventions.bench.ts";
import { benchIo } from "./io.bench.ts";
import { benchModels } from "./models.bench.ts";
import { benchScale } from "./scale.bench.ts";

const BENCHES: Record<string, () => string | Promise<string>> = {
  "Independent Cascade: typed arrays vs graphology": benchIndependentCascade,
  "Every model, Monte Carlo path": benchModels,
  "Reading files: every format, 1,000,000 events": () => benchIo(),
  "Repost tree to SVG (jsdom)": benchCharts,
  "Interventions: compile, paired runs, searches": benchInterventions,
  "Scale: generate, compile, simulate, layout, SVG, parse": benchScale,
};

const only = process.argv[2];
console.log(
  `node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"})\n`,
);
for (const [name, bench] of Object.entries(BENCHES)) {
  if (only && !name.toLowerCase().includes(only.toLowerCase())) continue;
  console.log(`## ${name}\n`);
  console.log(`${await bench()}\n`);
}
