import { parseArgs } from "node:util";
import { timeline, TIMELINE_COLUMNS } from "../../store/queries/index.js";
import { DB_HELP, FORMAT_HELP, outputFormat, positiveInt, printRows, storeOptions, withStore } from "../store-cli.js";
import { EXIT_OK } from "../usage.js";

export const help = `Usage: newsgraph timeline [TERM] [options]

Dated statements in the order of the time they refer to, not of publication: every sentence with a
date or time in it, placed at that date ("talks in the spring of 2023" stands in March 2023,
whenever the article came out), with the speaker when the sentence is a quote.

Options:
  --entity NAME              only statements that mention this entity (by any of its names)
  --from DATE                dates that reach DATE or later (YYYY, YYYY-MM or YYYY-MM-DD)
  --to DATE                  dates that begin by DATE
  --source S                 only articles from this outlet
  --limit N                  at most N statements (default 100)
${DB_HELP}
${FORMAT_HELP}
  -h, --help                 this help

Exit codes: 0 done (also when nothing matches); 1 no store, or the store cannot be opened; 2 usage error.

Examples:
  newsgraph timeline --entity "Xi Jinping" --from 2023
  newsgraph timeline election --format json
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...storeOptions, entity: { type: "string" }, from: { type: "string" }, to: { type: "string" }, source: { type: "string" }, limit: { type: "string" } },
  });
  if (values.help) {
    process.stdout.write(help);
    return EXIT_OK;
  }
  const format = outputFormat(values.format);
  const limit = positiveInt("limit", values.limit);
  const term = positionals.join(" ").trim() || undefined;
  return withStore(values.db, async (store) => {
    const rows = await timeline(store.db, { term, entity: values.entity, from: values.from, to: values.to, source: values.source, limit });
    return printRows(rows, TIMELINE_COLUMNS, format);
  });
}
