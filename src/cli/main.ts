/**
 * repost-threshold: the command-line tool. Same core as the app.
 * Each command returns its output as text; errors exit with code 2 and a message.
 */

import { UsageError } from "./args.ts";
import { analyzeUsage, runAnalyze } from "./commands/analyze.ts";
import { backtestUsage, runBacktest } from "./commands/backtest.ts";
import { chartUsage, runChart } from "./commands/chart.ts";
import { interveneUsage, runIntervene } from "./commands/intervene.ts";
import { predictUsage, runPredict } from "./commands/predict.ts";
import { runSimulate, simulateUsage } from "./commands/simulate.ts";

type Command = { run: (argv: string[]) => string | Promise<string>; usage: string };

/** Commands by name; later commands register here. */
const COMMANDS: Record<string, Command> = {
  simulate: { run: runSimulate, usage: simulateUsage },
  predict: { run: runPredict, usage: predictUsage },
  backtest: { run: runBacktest, usage: backtestUsage },
  analyze: { run: runAnalyze, usage: analyzeUsage },
  chart: { run: runChart, usage: chartUsage },
  intervene: { run: runIntervene, usage: interveneUsage },
};

function usage(): string {
  return `usage: repost-threshold <command> [options]\n\ncommands: ${Object.keys(COMMANDS).join(", ")}\n\n${Object.values(
    COMMANDS,
  )
    .map((c) => c.usage)
    .join("\n\n")}`;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`repost-threshold: unknown command '${name}'.\n\n${usage()}\n`);
    return 2;
  }
  try {
    process.stdout.write(`${await command.run(rest)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof Error && (error.name.endsWith("Error") || error instanceof UsageError)) {
      process.stderr.write(`repost-threshold ${name}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
