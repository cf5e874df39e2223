/** What the store commands share: --db and --format, opening the store, and printing results. */
import { openStore, resolveTarget, StoreError, type Store } from "../store/db.js";
import { formatRecord, formatRows, OUTPUT_FORMATS, type OutputFormat } from "../store/format.js";
import { QueryArgumentError } from "../store/queries/index.js";
import { write } from "./io.js";
import { EXIT_INPUT, EXIT_OK, UsageError } from "./usage.js";

export const DB_HELP = `  --db DIR|URL               the store: a directory (embedded PostgreSQL, PGlite) or a postgres:// URL
                             (default: $NEWSGRAPH_DB, else ./newsgraph-data)`;
export const FORMAT_HELP = `  --format table|json|csv    table: aligned columns (default); json: an array of objects; csv: a header and rows`;

export const storeOptions = {
  db: { type: "string" },
  format: { type: "string", default: "table" },
  help: { type: "boolean", short: "h" },
} as const;

export function outputFormat(value: string | undefined): OutputFormat {
  const format = (value ?? "table") as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(", ")}, not "${value}"`);
  return format;
}

export function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`--${name} takes a positive whole number, not "${value}"`);
  return Number(value);
}

/**
 * Opens the store for a reading command, runs `body`, closes it. A missing or damaged store, a refused login, a
 * store in use: one line on stderr, exit 1. A wrong argument found by a query (a bad date): a usage error.
 */
export async function withStore(dbFlag: string | undefined, body: (store: Store) => Promise<number>, create = false): Promise<number> {
  let store: Store;
  try {
    store = await openStore(resolveTarget(dbFlag), { create });
  } catch (e) {
    if (e instanceof StoreError) {
      process.stderr.write(`newsgraph: ${e.message}\n`);
      return EXIT_INPUT;
    }
    throw e;
  }
  try {
    return await body(store);
  } catch (e) {
    if (e instanceof QueryArgumentError) throw new UsageError(e.message);
    if (e instanceof StoreError) {
      process.stderr.write(`newsgraph: ${e.message}\n`);
      return EXIT_INPUT;
    }
    throw e;
  } finally {
    await store.close();
  }
}

export async function printRows(rows: readonly object[], columns: readonly string[], format: OutputFormat): Promise<number> {
  const out = process.stdout;
  const width = format === "table" && out.isTTY ? out.columns : undefined;
  await write(out, formatRows(rows, columns, format, { width }));
  if (rows.length === 0 && format === "table") process.stderr.write("newsgraph: no results\n");
  return EXIT_OK;
}

export async function printRecord(record: object, columns: readonly string[], format: OutputFormat): Promise<number> {
  await write(process.stdout, formatRecord(record, columns, format));
  return EXIT_OK;
}
