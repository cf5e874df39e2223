import { parseArgs } from "node:util";
import { entity, ENTITY_COLUMNS } from "../../store/queries/index.js";
import { formatRecord } from "../../store/format.js";
import { write } from "../io.js";
import { DB_HELP, FORMAT_HELP, outputFormat, positiveInt, printRows, storeOptions, withStore } from "../store-cli.js";
import { EXIT_OK, UsageError } from "../usage.js";

export const help = `Usage: newsgraph entity NAME [options]

What the store knows of a person, organization or place across articles: type, the names it goes
by, titles, affiliations, how many articles and quotes, first and last seen, and the entities it
appears with most. NAME is any name the articles use ("Putin", "Vladimir Putin"); when it fits
several records (two people called Smith), each is shown, the one in most articles first.

Options:
  --limit N                  at most N records (default 5)
  --with N                   list N entities it appears with (default 10)
${DB_HELP}
${FORMAT_HELP}
  -h, --help                 this help

Exit codes: 0 done (also when nothing matches); 1 no store, or the store cannot be opened; 2 usage error.

Examples:
  newsgraph entity "Xi Jinping"
  newsgraph entity Gazprom --format json
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...storeOptions, limit: { type: "string" }, with: { type: "string" } },
  });
  if (values.help) {
    process.stdout.write(help);
    return EXIT_OK;
  }
  const format = outputFormat(values.format);
  const limit = positiveInt("limit", values.limit);
  const withCount = positiveInt("with", values.with);
  const name = positionals.join(" ").trim();
  if (name === "") throw new UsageError("entity needs a NAME (see --help)");
  return withStore(values.db, async (store) => {
    const profiles = await entity(store.db, name, { limit, with: withCount });
    if (format !== "table" || profiles.length === 0) return printRows(profiles, ENTITY_COLUMNS, format);
    await write(process.stdout, profiles.map((p) => formatRecord(p, ENTITY_COLUMNS, "table")).join("\n"));
    return EXIT_OK;
  });
}
