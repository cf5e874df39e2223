/**
 * Ingest: read every input, analyze on all cores, write in batches, one transaction per batch.
 *
 * An article is the same article when its id, its url or the hash of its text matches one already stored: it is then
 * updated (its entities, quotes, timexes, ... replaced), never duplicated. An article whose input and analyzer are
 * both unchanged is not analyzed again, so running an interrupted ingest again only does the rest. A batch that fails
 * to write is written again article by article, so one bad article fails alone, with its reason.
 */
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import type { Analysis } from "../core/analysis.js";
import type { Article } from "../core/article.js";
import { articleTooLarge } from "../readers/article-id.js";
import { readInput } from "../readers/index.js";
import { formatOrigin } from "../readers/types.js";
import { DEFAULT_STAGES } from "../stages/index.js";
import { type Analyzed, AnalyzePool } from "./analyze-pool.js";
import type { Store } from "./db.js";
import { repoRootFrom } from "./paths.js";
import { type Outcome, sha256, writeAnalyzed } from "./write.js";

export type { Outcome } from "./write.js";

export interface Failure {
  /** "file:line" (or "file", "-"). */
  origin: string;
  reason: string;
}

export interface IngestSummary {
  read: number;
  new: number;
  updated: number;
  unchanged: number;
  failed: number;
  failures: Failure[];
  /** Files a directory walk passed over for their extension. */
  skipped: number;
  /** Inputs read with a caveat that lost no article (a file decoded as Windows-1252): origin and message. */
  warnings: Failure[];
  /** Stopped early (signal): every batch written so far is complete; running again finishes the rest. */
  interrupted: boolean;
  /**
   * Stopped because the store cannot take more (its disk is full, the server is out of resources): the reason.
   * Every batch written before is complete; once there is room, running again finishes the rest.
   */
  stopped?: string;
  seconds: number;
}

export interface IngestProgress {
  /** Articles read and accounted for (written, unchanged or failed). */
  done: number;
  summary: IngestSummary;
}

export interface IngestOptions {
  /** Worker threads for analysis; 0 analyzes on this thread. Default: one per core. */
  workers?: number;
  /** Articles per transaction. */
  batchSize?: number;
  /** Publication date for articles that have none (as `analyze --published`). */
  published?: string;
  /** Analyze again even when input and analyzer are unchanged. */
  force?: boolean;
  stdin?: NodeJS.ReadableStream;
  /** Called after every batch. */
  onProgress?(p: IngestProgress): void;
  /** Called for every failure as it happens. */
  onFailure?(f: Failure): void;
  /** Aborting stops after the batch being written. */
  signal?: AbortSignal;
  /** Analysis, for tests and callers with their own pipeline; default: the default pipeline on worker threads. */
  analyze?(article: Article): Promise<Analysis> | Analysis;
}

const DEFAULT_BATCH = 50;

/**
 * PGlite runs no checkpointer process: without a CHECKPOINT now and then its write-ahead log only grows (4.5 GB of
 * pg_wal beside 2 GB of tables on a 100,000-article store). One every few thousand articles keeps it near
 * max_wal_size, for about a tenth of a second each. A server checkpoints by itself.
 */
const CHECKPOINT_EVERY = 2000;

/** Which analyzer wrote an article: the version, the stages, and the models they load (name, size, time). */
export function analyzerSignature(): string {
  const hash = createHash("sha256");
  try {
    const models = join(repoRootFrom(import.meta.url), "models");
    for (const name of readdirSync(models).sort()) {
      const info = statSync(join(models, name));
      if (info.isFile()) hash.update(`${name}\0${info.size}\0${Math.round(info.mtimeMs)}\n`);
    }
  } catch {
    hash.update("no models");
  }
  return `newsgraph 0.1.0 ${DEFAULT_STAGES.join(",")} ${hash.digest("hex").slice(0, 12)}`;
}

export function inputHash(article: Article): string {
  const { origin: _origin, ...rest } = article;
  return sha256(JSON.stringify(rest));
}

/** Counts the articles the inputs hold (a quick read, no analysis), for a progress bar with an ETA. */
export async function countArticles(inputs: readonly string[]): Promise<number> {
  let n = 0;
  for (const input of inputs) for await (const item of readInput(input)) if ("article" in item) n++;
  return n;
}

interface Work {
  article: Article;
  origin: string;
  hash: string;
  /** With the JSON text when a worker made it (the store writes it as is). */
  analysis: Promise<Analyzed | { analysis: Analysis; json?: undefined }>;
}

export async function ingest(store: Store, inputs: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const summary: IngestSummary = { read: 0, new: 0, updated: 0, unchanged: 0, failed: 0, failures: [], skipped: 0, warnings: [], interrupted: false, seconds: 0 };
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH);
  const analyzer = analyzerSignature();
  let pool: AnalyzePool | null = null;
  const analyzeOne = (article: Article): Work["analysis"] => {
    if (options.analyze) return Promise.resolve().then(async () => ({ analysis: await options.analyze!(article) }));
    pool ??= new AnalyzePool(options.workers ?? defaultWorkers());
    return pool.analyzeWithJson(article);
  };
  const fail = (origin: string, reason: string) => {
    summary.failed++;
    const failure = { origin, reason };
    if (summary.failures.length < 10_000) summary.failures.push(failure);
    options.onFailure?.(failure);
  };
  const report = () => {
    summary.seconds = (Date.now() - started) / 1000;
    options.onProgress?.({ done: summary.new + summary.updated + summary.unchanged + summary.failed, summary });
  };

  // Articles in flight, in input order; the writer takes them a batch at a time, so analysis runs ahead of writing.
  const inFlight: Work[] = [];
  const maxAhead = batchSize * 2;
  let readChunk: Article[] = [];

  const admit = async (chunk: Article[]) => {
    const known = await knownInputs(store, chunk.map((a) => a.id));
    for (const article of chunk) {
      const origin = article.origin ?? article.id;
      const large = articleTooLarge(article);
      if (large) {
        fail(origin, large);
        continue;
      }
      const hash = inputHash(article);
      const k = known.get(article.id);
      if (!options.force && k && k.input_hash === hash && k.analyzer === analyzer) {
        summary.unchanged++;
        continue;
      }
      const analysis = analyzeOne(article);
      analysis.catch(() => {}); // handled when the batch is written
      inFlight.push({ article, origin, hash, analysis });
    }
  };
  let sinceCheckpoint = 0;
  const halted = () => options.signal?.aborted === true || summary.stopped !== undefined;
  const writeSome = async (min: number) => {
    while (inFlight.length > min) {
      const batch = inFlight.splice(0, batchSize);
      try {
        await writeBatch(store, batch, analyzer, summary, fail);
      } catch (e) {
        if (!(e instanceof StoreFullError)) throw e;
        summary.stopped = e.message;
        inFlight.unshift(...batch); // not written: the next run reads them again
        return;
      }
      report();
      sinceCheckpoint += batch.length;
      if (store.kind === "pglite" && sinceCheckpoint >= CHECKPOINT_EVERY) {
        sinceCheckpoint = 0;
        await sql`checkpoint`.execute(store.db);
      }
      if (halted()) return;
    }
  };

  try {
    outer: for (const input of inputs) {
      for await (const item of readInput(input, options.stdin)) {
        if ("error" in item) {
          fail(formatOrigin(item.error.origin), item.error.message);
          continue;
        }
        if ("skipped" in item) {
          summary.skipped++;
          continue;
        }
        if ("warning" in item) {
          if (summary.warnings.length < 10_000) summary.warnings.push({ origin: formatOrigin(item.warning.origin), reason: item.warning.message });
          continue;
        }
        summary.read++;
        const article = item.article;
        if (article.published === null && options.published !== undefined) article.published = options.published;
        readChunk.push(article);
        if (readChunk.length >= batchSize) {
          await admit(readChunk);
          readChunk = [];
          await writeSome(maxAhead);
        }
        if (halted()) break outer;
      }
    }
    if (!halted()) {
      if (readChunk.length > 0) await admit(readChunk);
      await writeSome(0);
    }
    if (halted()) {
      summary.interrupted = options.signal?.aborted === true;
      summary.read -= inFlight.length + readChunk.length; // not accounted for: the next run reads them again
    }
  } finally {
    if (pool) await (pool as AnalyzePool).close();
  }
  report();
  return summary;
}

function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

async function knownInputs(store: Store, ids: string[]): Promise<Map<string, { input_hash: string; analyzer: string }>> {
  const map = new Map<string, { input_hash: string; analyzer: string }>();
  if (ids.length === 0) return map;
  const rows = await store.db.selectFrom("articles").select(["article_id", "input_hash", "analyzer"]).where("article_id", "in", ids).execute();
  for (const r of rows) map.set(r.article_id, r);
  return map;
}

async function writeBatch(
  store: Store,
  batch: Work[],
  analyzer: string,
  summary: IngestSummary,
  fail: (origin: string, reason: string) => void,
): Promise<void> {
  const ready: { work: Work; analyzed: Awaited<Work["analysis"]> }[] = [];
  for (const work of batch) {
    try {
      ready.push({ work, analyzed: await work.analysis });
    } catch (e) {
      fail(work.origin, `analysis failed: ${message(e)}`);
    }
  }
  if (ready.length === 0) return;
  // Duplicates and stories (issue #13) in the batch's own transaction: an article is never stored without its story.
  const write = (items: typeof ready) =>
    writeAnalyzed(store, items.map(({ work, analyzed }) => ({ ...analyzed, inputHash: work.hash, origin: work.origin })), analyzer, { linkStories: true });
  const count = (outcomes: Outcome[]) => {
    for (const o of outcomes) summary[o]++;
  };
  try {
    count(await write(ready));
  } catch (e) {
    if (storeIsFull(e)) throw new StoreFullError(message(e));
    // One bad article must not sink its batch: write each alone, and fail only those that fail.
    for (const item of ready) {
      try {
        count(await write([item]));
      } catch (e) {
        if (storeIsFull(e)) throw new StoreFullError(message(e));
        fail(item.work.origin, `cannot store: ${message(e)}`);
      }
    }
  }
}

/** The store cannot take more: no article is to blame, and every next one would fail the same way. */
class StoreFullError extends Error {}

/**
 * A full disk (PostgreSQL's SQLSTATE 53100 disk_full, or ENOSPC from the file system under PGlite) or a server out
 * of memory or connections (the rest of class 53, insufficient resources).
 */
function storeIsFull(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  if (typeof err?.code === "string" && (err.code.startsWith("53") || err.code === "ENOSPC")) return true;
  return typeof err?.message === "string" && /No space left on device|ENOSPC/.test(err.message);
}

/** Why storing one article failed: its analysis threw, or the database refused it. */
export class ArticleError extends Error {}

export interface StoreArticleOptions {
  analyze(article: Article): Promise<Analysis> | Analysis;
  /** analyzerSignature(), computed once by a caller that stores many articles. */
  analyzer?: string;
  force?: boolean;
}

/**
 * One article through the same path as ingest: skipped when its input and analyzer are unchanged, else analyzed
 * and written in its own transaction (same id, url or text: updated, never duplicated). Throws an ArticleError
 * ("analysis failed: ...", "cannot store: ...") when it cannot be stored; nothing of it is written then.
 */
export async function storeArticle(store: Store, article: Article, options: StoreArticleOptions): Promise<Outcome> {
  const analyzer = options.analyzer ?? analyzerSignature();
  const large = articleTooLarge(article);
  if (large) throw new ArticleError(large);
  const hash = inputHash(article);
  const origin = article.origin ?? article.id;
  if (!options.force) {
    const k = (await knownInputs(store, [article.id])).get(article.id);
    if (k && k.input_hash === hash && k.analyzer === analyzer) return "unchanged";
  }
  let analysis: Analysis;
  try {
    analysis = await options.analyze(article);
  } catch (e) {
    throw new ArticleError(`analysis failed: ${message(e)}`);
  }
  try {
    const [outcome] = await writeAnalyzed(store, [{ analysis, inputHash: hash, origin }], analyzer);
    return outcome!;
  } catch (e) {
    throw new ArticleError(`cannot store: ${message(e)}`);
  }
}

function message(e: unknown): string {
  return ((e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "").trim();
}
