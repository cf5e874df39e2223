import { parseArgs } from "node:util";
import { stats, STATS_COLUMNS } from "../../store/queries/index.js";
import { DB_HELP, FORMAT_HELP, outputFormat, printRecord, storeOptions, withStore } from "../store-cli.js";
import { EXIT_OK, UsageError } from "../usage.js";

export const help = `Usage: newsgraph stats [options]

How much the store holds: articles, sources, entities (across articles and per article),
mentions, quotes, time expressions, amounts, events, the publication dates it spans, its schema
version and its size on disk.

Options:
${DB_HELP}
${FORMAT_HELP.replace("an array of objects", "one object")}
  -h, --help                 this help

Exit codes: 0 done; 1 no store, or the store cannot be opened; 2 usage error.

Examples:
  newsgraph stats
  newsgraph stats --db postgres://localhost/news --format json
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...storeOptions } });
  if (values.help) {
    process.stdout.write(help);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`stats takes no arguments, not "${positionals[0]}"`);
  const format = outputFormat(values.format);
  return withStore(values.db, async (store) => printRecord(await stats(store), STATS_COLUMNS, format));
}
