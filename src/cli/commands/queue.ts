import { parseArgs } from "node:util";
import { isServerUrl, resolveTarget, StoreError } from "../../store/db.js";
import { QUEUE_COLUMNS, queueCounts } from "../../store/queue.js";
import { FORMAT_HELP, outputFormat, printRows, storeOptions } from "../store-cli.js";
import { EXIT_INPUT, EXIT_OK, UsageError } from "../usage.js";

export const help = `Usage: newsgraph queue [options]

The job queue of \`ingest --queue\` on a PostgreSQL server, counted by state: one row for the
ingest queue (newsgraph-ingest), one for its dead-letter queue (newsgraph-ingest-dead).

Columns: queue; pending (waiting for a worker); retry (failed, waiting for its next attempt);
running (a worker has it); done; failed (after its last retry; a copy is in the dead-letter
queue); cancelled. Done and failed include the jobs pg-boss has archived.

Options:
  --db URL                   the store: a postgres:// URL (default: $NEWSGRAPH_DB)
${FORMAT_HELP}
  -h, --help                 this help

Exit codes: 0 done; 1 the server cannot be reached; 2 usage error (also a store that is no server).

Examples:
  newsgraph queue --db postgres://postgres@db-host:5432/news
  newsgraph queue --format json
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...storeOptions } });
  if (values.help) {
    process.stdout.write(help);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`queue takes no arguments, not "${positionals[0]}"`);
  const format = outputFormat(values.format);
  const target = resolveTarget(values.db);
  if (!isServerUrl(target)) throw new UsageError(`the job queue lives on a PostgreSQL server: --db postgres://... (or NEWSGRAPH_DB); ${target} is an embedded store`);
  let rows;
  try {
    rows = await queueCounts(target);
  } catch (e) {
    if (e instanceof StoreError) {
      process.stderr.write(`newsgraph: ${e.message}\n`);
      return EXIT_INPUT;
    }
    throw e;
  }
  return printRows(rows, QUEUE_COLUMNS, format);
}
