import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { isServerUrl, openStore, redact, resolveTarget, StoreError } from "../../store/db.js";
import { countArticles, ingest, type IngestProgress, type IngestSummary } from "../../store/ingest.js";
import { DEFAULT_RETRIES, DEFAULT_RETRY_DELAY, enqueue, QueueError } from "../../store/queue.js";
import { write } from "../io.js";
import { DB_HELP } from "../store-cli.js";
import { EXIT_INPUT, EXIT_OK, UsageError } from "../usage.js";
import { publishedOptionProblem } from "../../readers/published.js";

export const help = `Usage: newsgraph ingest <file|dir|-> ... [options]

Reads articles (every format analyze reads, URLs included), analyzes them on all cores and stores each with
everything found in it: entities linked across articles, mentions, quotes, dates, amounts. The
store is created on first use. An article already stored (same id, url or text) is updated, never
duplicated; one whose input is unchanged is not analyzed again, so running an interrupted ingest
again finishes the rest. Articles are written in batches, one transaction each: an interrupted
ingest (Ctrl-C stops after the batch being written) leaves no half-written article.

Options:
${DB_HELP}
  --workers N                analysis threads (default: one per core; 0: analyze on the main thread)
  --batch N                  articles per transaction (default 50)
  --published YYYY-MM-DD     publication date for articles that have none
  --force                    analyze again even articles whose input is unchanged
  --strict                   exit 1 when any input failed (default: only when nothing was stored)
  --format text|json         the summary: text on stderr (default), or one JSON object on stdout
  --progress / --no-progress a progress bar on a terminal, a line every 10 s otherwise (default: on)
  --queue                    on a postgres:// store: do not analyze here, put one job per article on
                             the server's job queue for \`newsgraph worker\` processes (see worker --help)
  --retries N                with --queue: attempts after the first before a job is failed and
                             dead-lettered (default ${DEFAULT_RETRIES})
  --retry-delay S            with --queue: seconds before the first retry, doubled for each next one
                             (default ${DEFAULT_RETRY_DELAY}; 0: retry at once)
  -h, --help                 this help

Summary: read, new, updated, unchanged, failed (each failure with its file:line and reason), files
skipped for their extension, warnings (a file decoded as Windows-1252).
Exit codes: 0 stored; 1 nothing could be read or stored (or --strict and some input failed), or the
store cannot be opened, or it cannot take more (disk full); 2 usage error; 130 interrupted.

Examples:
  newsgraph ingest examples/seed examples/meantime
  newsgraph ingest ../shared/data/corpora/bbc --db postgres://postgres@127.0.0.1:5432/news
  cat articles.jsonl | newsgraph ingest - --published 2024-05-01
  newsgraph ingest corpus/ --queue --db postgres://postgres@db-host:5432/news
`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    allowNegative: true,
    options: {
      db: { type: "string" },
      workers: { type: "string" },
      batch: { type: "string" },
      published: { type: "string" },
      force: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      format: { type: "string", default: "text" },
      progress: { type: "boolean", default: true },
      queue: { type: "boolean", default: false },
      retries: { type: "string" },
      "retry-delay": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(help);
    return EXIT_OK;
  }
  if (positionals.length === 0) throw new UsageError("ingest needs an input: a file, a directory, or - for stdin (see --help)");
  if (values.format !== "text" && values.format !== "json") throw new UsageError(`--format must be text or json, not "${values.format}"`);
  const publishedProblem = values.published === undefined ? null : publishedOptionProblem(values.published);
  if (publishedProblem !== null) throw new UsageError(publishedProblem);
  const workers = count("workers", values.workers, 0);
  const batchSize = count("batch", values.batch, 1);

  // Nothing to read: say so before creating a store for it.
  if (positionals.every((p) => p !== "-" && !existsSync(p))) {
    for (const p of positionals) process.stderr.write(`newsgraph: ${p}: cannot read: no such file or directory\n`);
    return EXIT_INPUT;
  }

  if (!values.queue && (values.retries !== undefined || values["retry-delay"] !== undefined)) {
    throw new UsageError("--retries and --retry-delay go with --queue");
  }
  if (values.queue) {
    return runQueue(positionals, values.db, {
      published: values.published,
      force: values.force,
      retries: count("retries", values.retries, 0),
      retryDelay: count("retry-delay", values["retry-delay"], 0),
      json: values.format === "json",
    });
  }

  let store;
  try {
    store = await openStore(resolveTarget(values.db), { create: true });
  } catch (e) {
    if (e instanceof StoreError) {
      process.stderr.write(`newsgraph: ${e.message}\n`);
      return EXIT_INPUT;
    }
    throw e;
  }

  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write("\nnewsgraph: stopping after the batch being written (Ctrl-C again to stop now)\n");
    controller.abort();
  };
  process.on("SIGINT", onSigint);
  process.on("SIGTERM", onSigint);

  const progress = values.progress ? new IngestProgressView(process.stderr) : null;
  let summary: IngestSummary;
  try {
    if (progress && !positionals.includes("-")) progress.setTotal(await countArticles(positionals));
    summary = await ingest(store, positionals, {
      workers,
      batchSize,
      published: values.published,
      force: values.force,
      signal: controller.signal,
      onProgress: (p) => progress?.update(p),
    });
  } finally {
    progress?.stop();
    process.off("SIGINT", onSigint);
    process.off("SIGTERM", onSigint);
    await store.close();
  }

  if (values.format === "json") await write(process.stdout, JSON.stringify(summary, null, 2) + "\n");
  else process.stderr.write(formatSummary(summary, store.location));
  if (summary.interrupted) return 130;
  if (summary.stopped !== undefined) return EXIT_INPUT;
  const stored = summary.new + summary.updated + summary.unchanged;
  if (stored === 0) {
    if (summary.read === 0 && summary.failed === 0) process.stderr.write("newsgraph: no article found in the input\n");
    return EXIT_INPUT;
  }
  return values.strict && summary.failed > 0 ? EXIT_INPUT : EXIT_OK;
}

/** `ingest --queue`: enqueue only; the store's schema is left to the workers (they open it and migrate). */
async function runQueue(
  inputs: string[],
  dbFlag: string | undefined,
  options: { published?: string; force: boolean; retries?: number; retryDelay?: number; json: boolean },
): Promise<number> {
  const target = resolveTarget(dbFlag);
  if (!isServerUrl(target)) {
    throw new UsageError(
      `--queue needs a PostgreSQL server: --db postgres://... (or NEWSGRAPH_DB); ${target} is an embedded store, which takes one process at a time`,
    );
  }
  let summary;
  try {
    // The store's schema first, so that the workers find it ready, and a server that refuses us is said at once.
    await (await openStore(target, { create: true })).close();
    summary = await enqueue(target, inputs, {
      published: options.published,
      force: options.force,
      retries: options.retries,
      retryDelay: options.retryDelay,
      onFailure: options.json ? undefined : (f) => process.stderr.write(`newsgraph: failed: ${f.origin}: ${f.reason}\n`),
    });
  } catch (e) {
    if (e instanceof StoreError || e instanceof QueueError) {
      process.stderr.write(`newsgraph: ${e.message}\n`);
      return EXIT_INPUT;
    }
    throw e;
  }
  if (options.json) await write(process.stdout, JSON.stringify(summary, null, 2) + "\n");
  else {
    process.stderr.write(
      `newsgraph: queued ${summary.queued} articles on ${redact(target)} in ${summary.seconds.toFixed(1)} s (${summary.failed} inputs failed); ` +
        "run `newsgraph worker --db URL` on any machine that reaches the server to process them, `newsgraph queue` to follow\n",
    );
  }
  if (summary.queued === 0) {
    if (summary.read === 0 && summary.failed === 0) process.stderr.write("newsgraph: no article found in the input\n");
    return EXIT_INPUT;
  }
  return EXIT_OK;
}

function count(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} takes a whole number of at least ${min}, not "${value}"`);
  return Number(value);
}

const MAX_FAILURES_SHOWN = 50;

export function formatSummary(s: IngestSummary, location: string): string {
  const rate = s.seconds > 0 ? (s.new + s.updated + s.unchanged) / s.seconds : 0;
  const lines = [
    `newsgraph: ${s.interrupted ? "ingest interrupted" : s.stopped !== undefined ? "ingest stopped" : "ingested"} into ${location} in ${s.seconds.toFixed(1)} s (${rate.toFixed(1)} articles/s): ` +
      `${s.read} read, ${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed` +
      (s.skipped > 0 ? `, ${s.skipped} file(s) skipped for their extension` : ""),
  ];
  for (const w of s.warnings.slice(0, MAX_FAILURES_SHOWN)) lines.push(`newsgraph: warning: ${w.origin}: ${w.reason}`);
  for (const f of s.failures.slice(0, MAX_FAILURES_SHOWN)) lines.push(`newsgraph: failed: ${f.origin}: ${f.reason}`);
  if (s.failed > MAX_FAILURES_SHOWN) lines.push(`newsgraph: ... and ${s.failed - MAX_FAILURES_SHOWN} more failures`);
  if (s.interrupted) lines.push("newsgraph: every batch written so far is complete; run the same ingest again to finish the rest");
  if (s.stopped !== undefined) {
    lines.push(
      `newsgraph: stopped: the store cannot take more (${s.stopped}); every batch written so far is complete: ` +
        "free some space (or give the server what it lacks), then run the same ingest again to finish the rest",
    );
  }
  return lines.join("\n") + "\n";
}

/** A bar with articles/s and ETA on a terminal; a plain line every 10 seconds when stderr is a file or a pipe. */
class IngestProgressView {
  private readonly bar: cliProgress.SingleBar | null;
  private total = 0;
  private started = Date.now();
  private lastLine = Date.now();

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.bar = stream.isTTY
      ? new cliProgress.SingleBar(
          {
            stream,
            format: "ingest |{bar}| {value}/{total} articles | {rate}/s | ETA {eta_formatted} | new {new} · updated {updated} · unchanged {unchanged} · failed {failed}",
            etaBuffer: 200,
            hideCursor: true,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  }

  setTotal(total: number): void {
    this.total = total;
    this.started = Date.now();
    this.bar?.start(total, 0, { rate: "0.0", new: 0, updated: 0, unchanged: 0, failed: 0 });
  }

  update(p: IngestProgress): void {
    const s = p.summary;
    const elapsed = (Date.now() - this.started) / 1000;
    const rate = elapsed > 0 ? p.done / elapsed : 0;
    if (this.bar) {
      if (p.done > this.total) {
        this.total = p.done;
        this.bar.setTotal(p.done);
      }
      if (!this.bar.isActive) this.bar.start(this.total, 0);
      this.bar.update(p.done, { rate: rate.toFixed(1), new: s.new, updated: s.updated, unchanged: s.unchanged, failed: s.failed });
      return;
    }
    if (Date.now() - this.lastLine < 10_000) return;
    this.lastLine = Date.now();
    const of = this.total > 0 ? `/${this.total} (${Math.floor((100 * p.done) / this.total)}%)` : "";
    const eta = this.total > p.done && rate > 0 ? `, ETA ${duration((this.total - p.done) / rate)}` : "";
    this.stream.write(
      `newsgraph: ingest ${p.done}${of} articles, ${rate.toFixed(1)}/s${eta}; new ${s.new}, updated ${s.updated}, unchanged ${s.unchanged}, failed ${s.failed}\n`,
    );
  }

  stop(): void {
    if (this.bar?.isActive) this.bar.stop();
  }
}

function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}m`;
}
