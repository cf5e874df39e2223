import * as analyzeCommand from "./commands/analyze.js";
import * as evalCommand from "./commands/eval.js";
import { EXIT_OK, EXIT_USAGE, UsageError } from "./usage.js";

const COMMANDS: Record<string, { summary: string; run(argv: string[]): Promise<number> }> = {
  analyze: { summary: "analyze articles: entities (with titles, affiliations, pronouns), dates, amounts", run: analyzeCommand.run },
  eval: { summary: "score a stage on a benchmark (ner, timex, ...)", run: evalCommand.run },
};

const HELP = `newsgraph — reads news and records who said what, who did what, when and where.

Usage: newsgraph <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`)
  .join("\n")}

Run \`newsgraph <command> --help\` for a command's options and examples.

Examples:
  newsgraph analyze examples/seed/000_dbf82c7d13769c2b.txt --format text
  newsgraph analyze examples/meantime/meantime-en.jsonl --format jsonl > out.jsonl
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "-h" || command === "--help" || command === "help") {
    process.stdout.write(HELP);
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === "--version" || command === "-v") {
    process.stdout.write("newsgraph 0.1.0\n");
    return EXIT_OK;
  }
  const entry = COMMANDS[command];
  try {
    if (!entry) throw new UsageError(`unknown command "${command}" (try --help)`);
    return await entry.run(rest);
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      process.stderr.write(`newsgraph: ${(e as Error).message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
