/**
 * Where ingest's main-thread CPU goes, step by step, without the analysis workers' noise: the corpus's analyses are
 * made once (the worker pool) and kept as their JSON text in a cache file, then written into a fresh store batch by
 * batch as ingest writes them, timing each step's CPU (process.cpuUsage: this process runs no workers in that
 * phase, so it is the main thread, PGlite included, plus the GC's helper threads):
 *
 * - parse: JSON.parse of the worker's JSON text (what the pool does with every reply);
 * - write: writeAnalyzed as ingest calls it: the batch's rows, entities linked, duplicates and stories (issue #13),
 *   one transaction;
 * - with --separate, write is the rows alone and stories is linkStories (duplicates and stories in a transaction of
 *   their own, as the queue's workers link), so the two show apart.
 *
 * With --workers N (N ≥ 1), ingest itself instead, end to end on N analysis workers (no cache): the CPU an article
 * of the main thread (/proc/self/task/PID/stat: reading, the write path, PGlite), of the whole process (the workers
 * too), and the wall-clock rate.
 *
 * Usage: node dist/src/bench/ingest-split.js [--corpus DIR] [--cache FILE] [--pg URL] [--batch N] [--limit N]
 *          [--rounds N] [--workers N] [--separate]
 * Without --pg, a fresh PGlite directory (deleted after); --pg names a scratch database, emptied first.
 * --rounds N writes the corpus N times, each into a fresh store, and prints each round (the first includes
 * PGlite's warm-up).
 */
// First: the V8 settings every newsgraph process runs with (src/cli/v8-flags.ts), so the bench measures those.
import "../cli/v8-flags.js";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import type { Analysis } from "../core/analysis.js";
import type { Article } from "../core/article.js";
import { readInput } from "../readers/index.js";
import { AnalyzePool } from "../store/analyze-pool.js";
import { openStore } from "../store/db.js";
import { analyzerSignature, ingest, inputHash } from "../store/ingest.js";
import { linkStories } from "../store/stories/link.js";
import { writeAnalyzed } from "../store/write.js";
import { cpuMs, mainThreadCpuMs } from "./cpu.js";

interface Cached {
  origin: string;
  inputHash: string;
  json: string;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: "string", default: "../shared/data/corpora/bbc" },
      cache: { type: "string", default: join(tmpdir(), "ng-ingest-split-bbc.jsonl") },
      pg: { type: "string" },
      batch: { type: "string", default: "50" },
      limit: { type: "string" },
      rounds: { type: "string", default: "1" },
      workers: { type: "string" },
      separate: { type: "boolean", default: false },
    },
  });
  const batchSize = Number(values.batch);
  if (values.workers) {
    for (let round = 0; round < Number(values.rounds); round++) await endToEnd(values.corpus, Number(values.workers), batchSize, values.pg);
    return;
  }
  let items = await analyses(values.corpus, values.cache);
  if (values.limit) items = items.slice(0, Number(values.limit));
  const analyzer = analyzerSignature();
  console.log(`# ingest-split: ${items.length} analyses, batches of ${batchSize}, ${values.pg ? "server" : "PGlite"}`);
  for (let round = 0; round < Number(values.rounds); round++) {
    const dir = values.pg ? null : mkdtempSync(join(tmpdir(), "ng-split-"));
    if (values.pg) await emptyDatabase(values.pg);
    const store = await openStore(values.pg ?? join(dir!, "store"), { create: true });
    const ms = { parse: 0, write: 0, stories: 0 };
    try {
      for (let i = 0; i < items.length; i += batchSize) {
        const batch = items.slice(i, i + batchSize);
        let t = process.cpuUsage();
        const parsed = batch.map((c) => ({ analysis: JSON.parse(c.json) as Analysis, json: c.json, inputHash: c.inputHash, origin: c.origin }));
        ms.parse += cpuMs(process.cpuUsage(t));
        t = process.cpuUsage();
        await writeAnalyzed(store, parsed, analyzer, { linkStories: !values.separate });
        ms.write += cpuMs(process.cpuUsage(t));
        if (values.separate) {
          t = process.cpuUsage();
          await linkStories(store, parsed.map((p) => p.analysis));
          ms.stories += cpuMs(process.cpuUsage(t));
        }
      }
    } finally {
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
    const per = (x: number) => (x / items.length).toFixed(2);
    console.log(
      `round ${round + 1}: CPU an article: parse ${per(ms.parse)} ms, ` +
        (values.separate ? `write ${per(ms.write)} ms, stories ${per(ms.stories)} ms` : `write with stories ${per(ms.write)} ms`) +
        `, total ${per(ms.parse + ms.write + ms.stories)} ms`,
    );
  }
}

/** One ingest of the corpus into a fresh store on `workers` analysis workers. */
async function endToEnd(corpus: string, workers: number, batchSize: number, url: string | undefined): Promise<void> {
  const dir = url ? null : mkdtempSync(join(tmpdir(), "ng-split-"));
  if (url) await emptyDatabase(url);
  const store = await openStore(url ?? join(dir!, "store"), { create: true });
  try {
    const main = mainThreadCpuMs();
    const cpu = process.cpuUsage();
    const t = performance.now();
    const summary = await ingest(store, [corpus], { workers, batchSize });
    const s = (performance.now() - t) / 1000;
    const n = summary.new + summary.updated + summary.unchanged;
    const mainMs = main === null ? null : mainThreadCpuMs()! - main;
    console.log(
      `${workers} worker(s), batches of ${batchSize}: ${n} stored, ${(n / s).toFixed(1)} articles/s (${s.toFixed(1)} s); CPU an article: main thread ${mainMs === null ? "not measured" : (mainMs / n).toFixed(2)} ms, whole process ${(cpuMs(process.cpuUsage(cpu)) / n).toFixed(2)} ms`,
    );
  } finally {
    await store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** The corpus's analyses as JSON text, from the cache file, or made with the worker pool and cached. */
async function analyses(corpus: string, cache: string): Promise<Cached[]> {
  if (existsSync(cache)) return readFileSync(cache, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Cached);
  const articles: Article[] = [];
  for await (const item of readInput(corpus)) if ("article" in item) articles.push(item.article);
  const pool = new AnalyzePool(availableParallelism());
  try {
    const out = await Promise.all(
      articles.map(async (a) => {
        const r = await pool.analyzeWithJson(a).catch(() => null);
        return r && { origin: a.origin ?? a.id, inputHash: inputHash(a), json: r.json };
      }),
    );
    const kept = out.filter((c): c is Cached => c !== null);
    writeFileSync(cache, kept.map((c) => JSON.stringify(c)).join("\n") + "\n");
    return kept;
  } finally {
    await pool.close();
  }
}

async function emptyDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/bench|scratch|test/i.test(name)) throw new Error(`--pg must name a scratch database (it is emptied first), not "${name}"`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("drop schema if exists public cascade");
  await client.query("create schema public");
  await client.end();
}

main().catch((e) => {
  process.stderr.write(`ingest-split: ${e instanceof Error ? e.stack : e}\n`);
  process.exitCode = 1;
});
