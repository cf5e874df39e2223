import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { isServerUrl, openStore, resolveTarget, StoreError } from "../../store/db.js";
import { runWorker, type WorkerSummary } from "../../store/queue.js";
import { write } from "../io.js";
import { positiveInt } from "../store-cli.js";
import { EXIT_INPUT, EXIT_OK, UsageError } from "../usage.js";

export const help = `Usage: newsgraph worker [options]

Processes the articles \`newsgraph ingest --queue\` put on a PostgreSQL server's job queue (pg-boss):
analyzes and stores each as ingest does (same id, url or text: updated, never duplicated), and
marks its job done. Run as many workers as you like, on any machine that reaches the server; each
job goes to one of them. A job that fails is retried (see ingest --retries); after its last retry it
is failed and a copy kept in the dead-letter queue (newsgraph queue shows both). A job whose worker
died is retried once it expires (10 minutes).

Options:
  --db URL                   the store: a postgres:// URL (default: $NEWSGRAPH_DB)
  --concurrency N            jobs at once, each analyzed on its own thread (default: one per core, ${availableParallelism()} here)
  --drain                    stop when no job is pending, retrying or running (default: run until stopped)
  --quiet                    no line per job
  --format text|json         the summary when it stops: text on stderr (default), or JSON on stdout
  -h, --help                 this help

Ctrl-C (SIGINT) or SIGTERM stops taking jobs, finishes the jobs in hand, and exits 0; a second
Ctrl-C stops at once (the jobs in hand are retried when they expire).

Exit codes: 0 stopped or drained; 1 the store or the queue cannot be opened; 2 usage error.

Examples:
  newsgraph worker --db postgres://postgres@db-host:5432/news
  newsgraph worker --db postgres://postgres@db-host:5432/news --concurrency 2 --drain
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: "string" },
      concurrency: { type: "string" },
      drain: { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      format: { type: "string", default: "text" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(help);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`worker takes no arguments, not "${positionals[0]}"`);
  if (values.format !== "text" && values.format !== "json") throw new UsageError(`--format must be text or json, not "${values.format}"`);
  const concurrency = positiveInt("concurrency", values.concurrency);
  const target = resolveTarget(values.db);
  if (!isServerUrl(target)) {
    throw new UsageError(`worker needs a PostgreSQL server: --db postgres://... (or NEWSGRAPH_DB); ${target} is an embedded store`);
  }

  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write("\nnewsgraph: worker stopping after the jobs in hand (Ctrl-C again to stop now)\n");
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let summary: WorkerSummary;
  try {
    const store = await openStore(target, { create: true });
    try {
      if (!values.quiet && values.format === "text") process.stderr.write(`newsgraph: worker ${process.pid} on ${store.location}${values.drain ? " (until the queue is empty)" : ""}\n`);
      summary = await runWorker(store, target, {
        concurrency,
        drain: values.drain,
        signal: controller.signal,
        onJob: values.quiet
          ? undefined
          : (e) =>
              process.stderr.write(
                e.kind === "stored"
                  ? `newsgraph: ${e.outcome}: ${e.origin}\n`
                  : `newsgraph: failed (attempt ${e.attempt}${e.final ? ", last: dead-lettered" : ", will retry"}): ${e.origin}: ${e.reason}\n`,
              ),
      });
    } finally {
      await store.close();
    }
  } catch (e) {
    if (e instanceof StoreError) {
      process.stderr.write(`newsgraph: ${e.message}\n`);
      return EXIT_INPUT;
    }
    throw e;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  if (values.format === "json") await write(process.stdout, JSON.stringify(summary, null, 2) + "\n");
  else {
    process.stderr.write(
      `newsgraph: worker ${process.pid} ${controller.signal.aborted ? "stopped" : "drained the queue"} after ${summary.seconds.toFixed(1)} s: ` +
        `${summary.done} done (${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged), ` +
        `${summary.failedAttempts} failed attempts, ${summary.deadLettered} dead-lettered\n`,
    );
  }
  return EXIT_OK;
}
