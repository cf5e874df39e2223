/**
 * Ingest beyond one machine: a job queue on the PostgreSQL server, kept by pg-boss (a maintained job-queue library
 * on PostgreSQL's SKIP LOCKED), not by hand. `enqueue` puts one job per input article on the queue; `runWorker`
 * takes jobs one at a time per slot, analyzes and stores each through the same path as `ingest` (storeArticle), and
 * completes or fails it. A failed job is retried (retryLimit, with backoff); after its last retry it is failed and a
 * copy goes to the dead-letter queue. A job whose worker died is failed by pg-boss's supervisor when it expires, and
 * so retried as well. Storing is idempotent (same id, url or text: updated, never duplicated), so a job run twice
 * (a worker killed after writing, before completing) still stores its article once. Each stored article then gets
 * its duplicate link and its story through ingest's hook (link-stored.ts), before its job completes: a job whose
 * link failed is retried, and its retry links the article it finds stored unchanged.
 *
 * The payload is the Article itself, as read (JSON), not a file:line reference: a worker on another machine need not
 * see the enqueuer's files, and a file edited or moved after `ingest --queue` cannot change what a job means.
 * An article is a few kilobytes; pg-boss archives completed jobs and deletes them after its retention.
 */
import { availableParallelism } from "node:os";
import PgBoss from "pg-boss";
import type { Analysis } from "../core/analysis.js";
import type { Article } from "../core/article.js";
import { readInput } from "../readers/index.js";
import { formatOrigin } from "../readers/types.js";
import { AnalyzePool } from "./analyze-pool.js";
import { describeDbError, isServerUrl, redact, StoreError, type Store } from "./db.js";
import { analyzerSignature, ArticleError, type Failure, type Outcome } from "./ingest.js";
import { linkStored, storeForLinking } from "./link-stored.js";

/** pg-boss keeps its tables in a schema of its own, named for newsgraph so it never meets another app's pg-boss. */
export const QUEUE_SCHEMA = "newsgraph_queue";
export const INGEST_QUEUE = "newsgraph-ingest";
export const DEAD_LETTER_QUEUE = "newsgraph-ingest-dead";

export const DEFAULT_RETRIES = 2;
export const DEFAULT_RETRY_DELAY = 10;
/** A job active this long is taken to belong to a dead worker: failed, hence retried. An article takes seconds. */
const EXPIRE_SECONDS = 600;

export interface JobData {
  article: Article;
  /** Analyze again even when input and analyzer are unchanged (ingest --queue --force). */
  force?: boolean;
}

export class QueueError extends StoreError {}

function requireServer(target: string): void {
  if (!isServerUrl(target)) {
    throw new QueueError(
      `the job queue needs a PostgreSQL server (--db postgres://...); ${target} is an embedded store, which takes one process at a time (use plain \`newsgraph ingest\`)`,
    );
  }
}

/** Starts pg-boss on the server (installing or upgrading its schema on first use) and makes sure both queues exist. */
export async function openQueue(url: string, options: { supervise?: boolean } = {}): Promise<PgBoss> {
  requireServer(url);
  const boss = new PgBoss({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    application_name: "newsgraph",
    max: 4,
    supervise: options.supervise ?? false,
    schedule: false,
  });
  boss.on("error", () => {}); // maintenance errors (a server restart) surface at the next call
  try {
    await boss.start();
    if (!(await boss.getQueue(DEAD_LETTER_QUEUE))) await boss.createQueue(DEAD_LETTER_QUEUE).catch(ignoreExists);
    if (!(await boss.getQueue(INGEST_QUEUE))) {
      await boss
        .createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, deadLetter: DEAD_LETTER_QUEUE, retryLimit: DEFAULT_RETRIES, retryDelay: DEFAULT_RETRY_DELAY, retryBackoff: true })
        .catch(ignoreExists);
    }
  } catch (e) {
    await boss.stop({ graceful: false, close: true, wait: true }).catch(() => {});
    throw describeDbError(e, redact(url));
  }
  return boss;
}

/** Two processes creating the same queue at once: the second's insert conflicts; the queue is there. */
function ignoreExists(e: unknown): void {
  if ((e as { code?: string }).code !== "23505") throw e;
}

export interface EnqueueOptions {
  published?: string;
  force?: boolean;
  /** Retries after the first attempt (pg-boss retryLimit). */
  retries?: number;
  /** Seconds before the first retry; doubled (with jitter) for each next one (pg-boss retryBackoff). */
  retryDelay?: number;
  stdin?: NodeJS.ReadableStream;
  onFailure?(f: Failure): void;
}

export interface EnqueueSummary {
  read: number;
  queued: number;
  failed: number;
  failures: Failure[];
  seconds: number;
}

const INSERT_CHUNK = 200;

/** Reads every input and puts one job per article on the queue (pg-boss insert, in chunks). */
export async function enqueue(url: string, inputs: readonly string[], options: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const started = Date.now();
  const summary: EnqueueSummary = { read: 0, queued: 0, failed: 0, failures: [], seconds: 0 };
  const boss = await openQueue(url);
  const retries = options.retries ?? DEFAULT_RETRIES;
  const retryDelay = Math.max(options.retryDelay ?? DEFAULT_RETRY_DELAY, 0);
  let chunk: PgBoss.JobInsert<JobData>[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    await boss.insert(chunk as PgBoss.JobInsert[]);
    summary.queued += chunk.length;
    chunk = [];
  };
  try {
    for (const input of inputs) {
      for await (const item of readInput(input, options.stdin)) {
        if ("error" in item) {
          summary.failed++;
          const f = { origin: formatOrigin(item.error.origin), reason: item.error.message };
          if (summary.failures.length < 10_000) summary.failures.push(f);
          options.onFailure?.(f);
          continue;
        }
        if (!("article" in item)) continue; // a warning or a skipped file: nothing to queue
        summary.read++;
        const article = item.article;
        if (article.published === null && options.published !== undefined) article.published = options.published;
        chunk.push({
          name: INGEST_QUEUE,
          data: options.force ? { article, force: true } : { article },
          retryLimit: retries,
          // pg-boss takes at least 1 s with backoff: a delay of 0 retries at once, without backoff.
          retryDelay,
          retryBackoff: retryDelay > 0,
          expireInSeconds: EXPIRE_SECONDS,
          deadLetter: DEAD_LETTER_QUEUE,
        });
        if (chunk.length >= INSERT_CHUNK) await flush();
      }
    }
    await flush();
  } catch (e) {
    throw describeDbError(e, redact(url));
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true });
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

export interface WorkerOptions {
  /** Jobs at once; analysis on that many threads (1: on this thread). Default: one per core. */
  concurrency?: number;
  /** Stop when no job is pending, retrying or running (else run until the signal). */
  drain?: boolean;
  /** Aborting stops taking jobs; the jobs being processed finish first. */
  signal?: AbortSignal;
  /** Seconds between looks at an empty queue. */
  pollSeconds?: number;
  /** Analysis, for tests; default: the default pipeline. */
  analyze?(article: Article): Promise<Analysis> | Analysis;
  onJob?(event: JobEvent): void;
}

export type JobEvent =
  | { kind: "stored"; id: string; origin: string; outcome: Outcome }
  | { kind: "failed"; id: string; origin: string; reason: string; attempt: number; final: boolean };

export interface WorkerSummary {
  done: number;
  new: number;
  updated: number;
  unchanged: number;
  /** Attempts that failed (each is retried until its retries are spent). */
  failedAttempts: number;
  /** Jobs this worker failed for the last time: now in the failed state, a copy in the dead-letter queue. */
  deadLettered: number;
  seconds: number;
}

/**
 * Takes jobs until stopped (signal) or, with drain, until no job is pending, retrying or running on any worker
 * (a job another worker fails may come back as a retry, so a draining worker waits for running jobs too).
 */
export async function runWorker(store: Store, url: string, options: WorkerOptions = {}): Promise<WorkerSummary> {
  const started = Date.now();
  const summary: WorkerSummary = { done: 0, new: 0, updated: 0, unchanged: 0, failedAttempts: 0, deadLettered: 0, seconds: 0 };
  const concurrency = Math.max(1, options.concurrency ?? availableParallelism());
  const poll = (options.pollSeconds ?? 2) * 1000;
  const boss = await openQueue(url, { supervise: true });
  const pool = options.analyze ? null : new AnalyzePool(concurrency > 1 ? concurrency : 0);
  const analyze = options.analyze ?? ((a: Article) => pool!.analyze(a));
  const analyzer = analyzerSignature();
  const stopped = () => options.signal?.aborted ?? false;
  let wake: (() => void) | null = null;
  const onAbort = () => wake?.();
  options.signal?.addEventListener("abort", onAbort);
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const processJob = async (job: PgBoss.JobWithMetadata<JobData>) => {
    const article = job.data?.article;
    const origin = String(article?.origin ?? article?.id ?? job.id);
    try {
      if (!article || typeof article !== "object") throw new ArticleError("the job holds no article");
      const { outcome, item } = await storeForLinking(store, article, { analyze, analyzer, force: job.data.force === true });
      await linkStored(store, [item]);
      await boss.complete(INGEST_QUEUE, job.id, { outcome });
      summary.done++;
      summary[outcome]++;
      options.onJob?.({ kind: "stored", id: job.id, origin, outcome });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      const final = job.retryCount >= job.retryLimit;
      await boss.fail(INGEST_QUEUE, job.id, { reason });
      summary.failedAttempts++;
      if (final) summary.deadLettered++;
      options.onJob?.({ kind: "failed", id: job.id, origin, reason, attempt: job.retryCount + 1, final });
    }
  };

  const slot = async () => {
    while (!stopped()) {
      const [job] = await boss.fetch<JobData>(INGEST_QUEUE, { batchSize: 1, includeMetadata: true });
      if (job) {
        await processJob(job);
        continue;
      }
      if (options.drain && (await unfinished(boss)) === 0) return;
      await sleep(poll);
    }
  };

  try {
    const slots = Array.from({ length: concurrency }, slot);
    const results = await Promise.allSettled(slots);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failure) throw describeDbError(failure.reason, redact(url));
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    await pool?.close();
    await boss.stop({ graceful: false, close: true, wait: true }).catch(() => {});
  }
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}

/** Jobs of the ingest queue that are not finished yet: created, retry or active. */
async function unfinished(boss: PgBoss): Promise<number> {
  const r = await boss
    .getDb()
    .executeSql(`select count(*)::int as n from ${QUEUE_SCHEMA}.job where name = $1 and state in ('created', 'retry', 'active')`, [INGEST_QUEUE]);
  return Number(r.rows[0]?.n ?? 0);
}

export const QUEUE_COLUMNS = ["queue", "pending", "retry", "running", "done", "failed", "cancelled"] as const;

export interface QueueCounts {
  queue: string;
  /** created: waiting for a worker */
  pending: number;
  /** failed, waiting for its next attempt */
  retry: number;
  /** active: a worker has it */
  running: number;
  /** completed (also those pg-boss has archived) */
  done: number;
  /** failed after its last retry (also archived); each has a copy in the dead-letter queue */
  failed: number;
  cancelled: number;
}

/**
 * Counts by state, for the ingest queue and its dead-letter queue; finished jobs pg-boss has archived are counted too
 * (unfinished ones it archived have outlived their retention, 14 days: no worker can take them any more).
 */
export async function queueCounts(url: string): Promise<QueueCounts[]> {
  const boss = await openQueue(url);
  try {
    const r = await boss.getDb().executeSql(
      `select name, state::text as state, count(*)::int as n from (
         select name, state from ${QUEUE_SCHEMA}.job where name = any($1)
         union all
         select name, state from ${QUEUE_SCHEMA}.archive where name = any($1) and state in ('completed', 'failed', 'cancelled')
       ) j group by name, state`,
      [[INGEST_QUEUE, DEAD_LETTER_QUEUE]],
    );
    const rows = new Map<string, QueueCounts>();
    for (const name of [INGEST_QUEUE, DEAD_LETTER_QUEUE]) rows.set(name, { queue: name, pending: 0, retry: 0, running: 0, done: 0, failed: 0, cancelled: 0 });
    const column: Record<string, keyof Omit<QueueCounts, "queue">> = {
      created: "pending",
      retry: "retry",
      active: "running",
      completed: "done",
      failed: "failed",
      cancelled: "cancelled",
    };
    for (const row of r.rows as { name: string; state: string; n: number }[]) {
      const key = column[row.state];
      const counts = rows.get(row.name);
      if (key && counts) counts[key] += Number(row.n);
    }
    return [...rows.values()];
  } catch (e) {
    throw describeDbError(e, redact(url));
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true }).catch(() => {});
  }
}
