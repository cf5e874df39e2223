import { parseArgs } from "node:util";
import { search, SEARCH_COLUMNS } from "../../store/queries/index.js";
import { DB_HELP, FORMAT_HELP, outputFormat, positiveInt, printRows, storeOptions, withStore } from "../store-cli.js";
import { EXIT_OK, UsageError } from "../usage.js";

export const help = `Usage: newsgraph search QUERY [options]

Finds stored articles by their words, best first, with passages where they match (**highlighted**).
QUERY reads as in a web search engine: words (all must appear, any form: "cut" finds "cuts"),
"a phrase", -excluded, or.

Options:
  --from DATE                published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)
  --to DATE                  published on or before DATE
  --source S                 only articles from this outlet (case aside)
  --limit N                  at most N articles (default 20)
${DB_HELP}
${FORMAT_HELP}
  -h, --help                 this help

Exit codes: 0 done (also when nothing matches); 1 no store, or the store cannot be opened; 2 usage error.

Examples:
  newsgraph search "oil prices" --from 2005-01 --limit 5
  newsgraph search 'Putin -Ukraine' --source CNN --format json
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...storeOptions, from: { type: "string" }, to: { type: "string" }, source: { type: "string" }, limit: { type: "string" } },
  });
  if (values.help) {
    process.stdout.write(help);
    return EXIT_OK;
  }
  const format = outputFormat(values.format);
  const limit = positiveInt("limit", values.limit);
  if (positionals.length === 0 || positionals.join(" ").trim() === "") throw new UsageError("search needs a QUERY (see --help)");
  const query = positionals.join(" ");
  return withStore(values.db, async (store) => {
    const rows = await search(store.db, { query, from: values.from, to: values.to, source: values.source, limit });
    return printRows(rows, SEARCH_COLUMNS, format);
  });
}
