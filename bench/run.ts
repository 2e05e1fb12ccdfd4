/** `npm run bench`: every benchmark module, one table each. */
import { benchIo } from "./io.bench.ts";
import { benchPredict } from "./predict.bench.ts";

const benches: [string, () => string][] = [
  ["Reading files (events per second)", () => benchIo()],
  ["Early-warning estimators", benchPredict],
];
for (const [title, run] of benches) {
  console.log(`\n## ${title}\n`);
  console.log(run());
}
