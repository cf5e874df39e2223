import { parseArgs } from "node:util";
import { formatRecord, formatRows } from "../../store/format.js";
import { OUTLET_COLUMNS, outletRows, storyById, STORY_COLUMNS } from "../../store/queries/index.js";
import { DB_HELP, outputFormat, storeOptions, withStore } from "../store-cli.js";
import { EXIT_INPUT, EXIT_OK, UsageError } from "../usage.js";

export const help = `Usage: newsgraph story ID [options]

One story, outlet by outlet: when each published, its headline, its articles (duplicates marked), the
speakers it quoted and how often, the quotes only it carries, the entities only it names. IDs come from
\`newsgraph stories\`.

Options:
${DB_HELP}
  --format table|json|csv    table: the story, then one row per outlet (default); json: the whole story
                             with its articles and timeline; csv: one row per outlet
  -h, --help                 this help

Exit codes: 0 done; 1 no such story, no store, or the store cannot be opened; 2 usage error.

Examples:
  newsgraph story 12
  newsgraph story 12 --format json
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...storeOptions } });
  if (values.help) {
    process.stdout.write(help);
    return EXIT_OK;
  }
  const format = outputFormat(values.format);
  if (positionals.length !== 1 || !/^\d+$/.test(positionals[0]!)) throw new UsageError("story takes one story ID (a number; see `newsgraph stories`)");
  const id = Number(positionals[0]);
  return withStore(values.db, async (store) => {
    const detail = await storyById(store.db, id);
    if (!detail) {
      process.stderr.write(`newsgraph: no story ${id}\n`);
      return EXIT_INPUT;
    }
    const rows = outletRows(detail);
    let out: string;
    if (format === "json") out = JSON.stringify(detail, null, 2) + "\n";
    else if (format === "csv") out = formatRows(rows, OUTLET_COLUMNS, "csv");
    else out = `${formatRecord(detail, STORY_COLUMNS, "table")}\n${formatRows(rows, OUTLET_COLUMNS, "table")}`;
    process.stdout.write(out.endsWith("\n") ? out : out + "\n");
    return EXIT_OK;
  });
}
