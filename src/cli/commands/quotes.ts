import { parseArgs } from "node:util";
import { QUOTE_COLUMNS, quotes } from "../../store/queries/index.js";
import { DB_HELP, FORMAT_HELP, outputFormat, positiveInt, printRows, storeOptions, withStore } from "../store-cli.js";
import { EXIT_OK, UsageError } from "../usage.js";

export const help = `Usage: newsgraph quotes [options]

Who said what: stored quotes with their speaker, kind (direct, partial, indirect), cue ("said",
"according to"), the article and its date; the newest first.

Options:
  --speaker NAME             quotes by this speaker, by any of the names the articles give them
                             ("Putin" or "Vladimir Putin")
  --about TERM               quotes whose words match TERM (as in search)
  --from DATE                published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)
  --to DATE                  published on or before DATE
  --source S                 only articles from this outlet
  --limit N                  at most N quotes (default 100)
${DB_HELP}
${FORMAT_HELP}
  -h, --help                 this help

Exit codes: 0 done (also when nothing matches); 1 no store, or the store cannot be opened; 2 usage error.

Examples:
  newsgraph quotes --speaker "Xi Jinping"
  newsgraph quotes --about "interest rates" --from 2005 --format csv > rates.csv
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...storeOptions,
      speaker: { type: "string" },
      about: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      source: { type: "string" },
      limit: { type: "string" },
    },
  });
  if (values.help) {
    process.stdout.write(help);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`quotes takes options only, not "${positionals[0]}" (try --speaker or --about)`);
  const format = outputFormat(values.format);
  const limit = positiveInt("limit", values.limit);
  return withStore(values.db, async (store) => {
    const rows = await quotes(store.db, { speaker: values.speaker, about: values.about, from: values.from, to: values.to, source: values.source, limit });
    return printRows(rows, QUOTE_COLUMNS, format);
  });
}
