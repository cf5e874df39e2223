/**
 * npm run bench:store — the store end to end on a corpus (default: the BBC corpus, 2,225 articles):
 *
 * - analysis alone on all cores (the worker pool, no store): the ceiling for ingest;
 * - writing alone (--write-only): ingest with the analyses of the first phase handed in, so only reading and the
 *   store's work are timed, with the main thread's CPU time per article (what the write path costs, less noisy than
 *   a rate on a shared machine);
 * - ingest into a fresh PGlite directory, and into a PostgreSQL server (--pg URL of a scratch database, which is
 *   emptied first), articles/s end to end (reading, analysis, writing), with the CPU an article of the main thread,
 *   of the whole process and (a server on this machine) of the server's backends;
 * - search and `quotes --speaker` latency (p50, p95) on each store built, through the library functions; with
 *   --scale N, after copying the stored articles under new ids until the store holds N (src/bench/store-scale.ts).
 *
 * Usage: npm run bench:store -- [--corpus DIR] [--pg postgres://.../newsgraph_bench] [--workers N] [--keep DIR]
 *          [--write-only] [--no-lite] [--scale N] [--batch N] [--queries-only]
 *
 * --queries-only: no analysis, no ingest, nothing emptied: open the existing store (--pg URL, and --keep DIR for
 * PGlite), run its pending migrations, and measure the queries only.
 */
// First: the V8 settings every newsgraph process runs with (src/cli/v8-flags.ts), so the bench measures those.
import "../cli/v8-flags.js";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import type { Analysis } from "../core/analysis.js";
import type { Article } from "../core/article.js";
import { readInput } from "../readers/index.js";
import { AnalyzePool } from "../store/analyze-pool.js";
import { openStore, type Store } from "../store/db.js";
import { ingest } from "../store/ingest.js";
import { humanBytes, quotes, search, stats } from "../store/queries/index.js";
import { cpuMs, mainThreadCpuMs, procTicks } from "./cpu.js";
import { scaleStore } from "./store-scale.js";

const SEARCHES = [
  "economy", "oil prices", "election", "Blair", "football", "world cup", "mobile phones", "film award", "interest rates",
  "China", "music", "broadband", "court ruling", "Labour party", "Chelsea", "tax", "shares fell", "software", "Iraq war",
  "box office", "\"prime minister\"", "internet -music", "tennis or golf", "inflation", "jobs", "games console", "profit",
  "European Union", "television", "strike",
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: "string", default: "../shared/data/corpora/bbc" },
      pg: { type: "string" },
      keep: { type: "string" },
      workers: { type: "string" },
      "write-only": { type: "boolean", default: false },
      lite: { type: "boolean", default: true },
      scale: { type: "string" },
      batch: { type: "string" },
      "queries-only": { type: "boolean", default: false },
    },
    allowNegative: true,
  });
  const scale = values.scale ? Number(values.scale) : 0;
  const batchSize = values.batch ? Number(values.batch) : undefined;
  const workers = values.workers ? Number(values.workers) : availableParallelism();
  if (values["queries-only"]) {
    if (values.keep) await queriesOnly("PGlite", await openStore(values.keep));
    if (values.pg) await queriesOnly("PostgreSQL", await openStore(values.pg));
    return;
  }
  const articles: Article[] = [];
  for await (const item of readInput(values.corpus)) if ("article" in item) articles.push(item.article);
  const corpus = articles;
  console.log(`# bench:store — ${corpus.length} articles from ${values.corpus}, ${workers} analysis workers, ${availableParallelism()} cores`);

  // Analysis alone; the analyses are kept for --write-only.
  const analyses = new Map<string, Analysis>();
  {
    const pool = new AnalyzePool(workers);
    const t = performance.now();
    let first = 0;
    const cpu = process.cpuUsage();
    await Promise.all(
      corpus.map(async (a) => {
        const analysis = await pool.analyze(a).catch(() => null);
        first ||= performance.now();
        if (analysis && values["write-only"]) analyses.set(a.origin ?? a.id, analysis);
      }),
    );
    const end = performance.now();
    const used = process.cpuUsage(cpu);
    const s = (end - t) / 1000;
    await pool.close();
    // The start-up (workers spawned, models loaded: until the first analysis is back) is part of every ingest, so
    // the first rate is the one to compare with ingest's; the second is the pool's steady rate.
    console.log(
      `analysis only (worker pool, no store): ${(corpus.length / s).toFixed(1)} articles/s (${s.toFixed(1)} s); after the start-up (${((first - t) / 1000).toFixed(1)} s to the first analysis) ${((corpus.length - 1) / ((end - first) / 1000)).toFixed(1)} articles/s; CPU of all threads ${(cpuMs(used) / corpus.length).toFixed(2)} ms an article`,
    );
  }

  const inputs = [values.corpus];
  const cached = (article: Article): Analysis => {
    const a = analyses.get(article.origin ?? article.id);
    if (!a) throw new Error("not analyzed");
    return a;
  };
  const mode = values["write-only"] ? "write only" : "end to end";
  const ingestAll = async (label: string, store: Store) => {
    if (values["write-only"]) {
      const cpu = process.cpuUsage();
      const t = performance.now();
      const summary = await ingest(store, inputs, { analyze: cached, batchSize });
      const s = (performance.now() - t) / 1000;
      const used = process.cpuUsage(cpu);
      const n = summary.new + summary.updated;
      console.log(
        `${label} write only (analyses handed in): ${(n / s).toFixed(1)} articles/s, main thread CPU ${((used.user + used.system) / 1000 / n).toFixed(2)} ms an article (${n} written, ${s.toFixed(1)} s)`,
      );
      return summary;
    }
    // End to end: the CPU of the main thread (reading, the write path, and on PGlite the database itself), of the
    // whole process (with the analysis workers) and, on a server on this machine, of its backends, per article.
    const main = mainThreadCpuMs();
    const cpu = process.cpuUsage();
    const backends = await backendCpuMs(store);
    const summary = await ingest(store, inputs, { workers, batchSize });
    const n = Math.max(1, summary.new + summary.updated + summary.unchanged);
    const perArticle = (ms: number | null) => (ms === null ? "not measured" : `${(ms / n).toFixed(2)} ms`);
    const mainMs = main === null ? null : mainThreadCpuMs()! - main;
    const backendsAfter = backends && (await backendCpuMs(store));
    const serverMs = backends && backendsAfter ? cpuSince(backends, backendsAfter) : null;
    console.log(
      `${label} CPU an article: main thread ${perArticle(mainMs)}, whole process ${perArticle(cpuMs(process.cpuUsage(cpu)))}${store.kind === "postgres" ? `, server backends ${perArticle(serverMs)}` : ""}`,
    );
    return summary;
  };

  const dir = values.keep ?? (values.lite ? join(mkdtempSync(join(tmpdir(), "ng-bench-store-")), "store") : "");
  if (values.lite) try {
    let t = performance.now();
    const lite = await openStore(dir, { create: true });
    const created = (performance.now() - t) / 1000;
    t = performance.now();
    const summary = await ingestAll("PGlite", lite);
    const s = (performance.now() - t) / 1000;
    const stored = summary.new + summary.updated + summary.unchanged;
    console.log(
      `ingest into PGlite: ${(stored / s).toFixed(1)} articles/s ${mode} (${stored} stored: ${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged (repeats); ${summary.failed} failed, ${s.toFixed(1)} s; creating the store took ${created.toFixed(1)} s)`,
    );
    for (const f of summary.failures) console.log(`  failed: ${f.origin}: ${f.reason}`);
    await queryBench("PGlite", lite);
    if (scale > 0) await scaleBench("PGlite", lite, scale);
    const st = await stats(lite);
    console.log(`PGlite store: ${st.articles} articles, ${st.entities} entities, ${st.quotes} quotes, ${st.timexes} timexes, ${st.size} on disk`);
    await lite.close();
  } finally {
    if (!values.keep) rmSync(join(dir, ".."), { recursive: true, force: true });
  }

  if (values.pg) {
    const name = new URL(values.pg).pathname.slice(1);
    if (!/bench|scratch/i.test(name)) throw new Error(`--pg must name a scratch database (its name containing "bench" or "scratch"): it is emptied first; not "${name}"`);
    const client = new pg.Client({ connectionString: values.pg });
    await client.connect();
    await client.query("drop schema if exists public cascade");
    await client.query("create schema public");
    await client.end();
    const server = await openStore(values.pg, { create: true });
    const t = performance.now();
    const summary = await ingestAll("PostgreSQL", server);
    const s = (performance.now() - t) / 1000;
    const stored = summary.new + summary.updated + summary.unchanged;
    console.log(`ingest into PostgreSQL: ${(stored / s).toFixed(1)} articles/s ${mode} (${stored} stored: ${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged (repeats); ${summary.failed} failed, ${s.toFixed(1)} s)`);
    for (const f of summary.failures) console.log(`  failed: ${f.origin}: ${f.reason}`);
    await queryBench("PostgreSQL", server);
    if (scale > 0) await scaleBench("PostgreSQL", server, scale);
    const st = await stats(server);
    console.log(`PostgreSQL store: ${st.articles} articles, ${st.size} on disk`);
    await server.close();
  }
}

async function queriesOnly(label: string, store: Store): Promise<void> {
  const st = await stats(store);
  await queryBench(`${label} at ${st.articles}`, store);
  await store.close();
}

async function scaleBench(label: string, store: Store, target: number): Promise<void> {
  const t = performance.now();
  const copied = await scaleStore(store.db, target, store.kind === "pglite");
  const s = (performance.now() - t) / 1000;
  const st = await stats(store);
  console.log(
    `${label} scaled to ${st.articles} articles (${copied} copied in ${s.toFixed(1)} s): ${st.size} on disk, ${humanBytes(st.size_bytes / (st.articles / 1000))} per 1,000 articles`,
  );
  await queryBench(`${label} at ${st.articles}`, store);
}

async function queryBench(label: string, store: Store): Promise<void> {
  const rounds = 3;
  const searchTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of SEARCHES) {
      const t = performance.now();
      await search(store.db, { query: q, limit: 20 });
      searchTimes.push(performance.now() - t);
    }
  }
  // Speakers: the people quoted most, by the names the articles use.
  const speakers = await store.db
    .selectFrom("quotes as q")
    .innerJoin("article_entities as ae", "ae.pk", "q.speaker_article_entity_pk")
    .select(["ae.name", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("ae.name")
    .orderBy("n", "desc")
    .limit(20)
    .execute();
  const names = [...speakers.map((s) => s.name), ...speakers.map((s) => s.name.split(" ").pop()!)];
  const quoteTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const name of names) {
      const t = performance.now();
      await quotes(store.db, { speaker: name, limit: 100 });
      quoteTimes.push(performance.now() - t);
    }
  }
  console.log(`${label} search: p50 ${pct(searchTimes, 50)} ms, p95 ${pct(searchTimes, 95)} ms (${searchTimes.length} queries)`);
  console.log(`${label} quotes --speaker: p50 ${pct(quoteTimes, 50)} ms, p95 ${pct(quoteTimes, 95)} ms (${quoteTimes.length} queries, ${names.length} names)`);
}

/**
 * The CPU time in ms of each server backend serving this database (pids from pg_stat_activity, read in /proc when
 * the server runs on this machine), or null when none is readable.
 */
async function backendCpuMs(store: Store): Promise<Map<number, number> | null> {
  if (store.kind !== "postgres") return null;
  const rows = (await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(store.db)).rows;
  const ms = new Map<number, number>();
  for (const { pid } of rows) {
    const t = procTicks(`/proc/${pid}/stat`);
    if (t !== null) ms.set(pid, t);
  }
  return ms.size > 0 ? ms : null;
}

/** The backends' CPU since `before` (a backend started since counts whole). */
function cpuSince(before: Map<number, number>, after: Map<number, number>): number {
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}

function pct(times: number[], p: number): string {
  const sorted = [...times].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0).toFixed(1);
}

main().catch((e) => {
  process.stderr.write(`bench:store: ${e instanceof Error ? e.stack : e}\n`);
  process.exitCode = 1;
});
