/**
 * npm run bench:store — the store end to end on a corpus (default: the BBC corpus, 2,225 articles):
 *
 * - analysis alone on all cores (the worker pool, no store): the ceiling for ingest;
 * - ingest into a fresh PGlite directory, and into a PostgreSQL server (--pg URL of a scratch database, which is
 *   emptied first), articles/s end to end (reading, analysis, writing);
 * - search and `quotes --speaker` latency (p50, p95) on each store built, through the library functions.
 *
 * Usage: npm run bench:store -- [--corpus DIR] [--pg postgres://.../newsgraph_bench] [--workers N] [--keep DIR]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import type { Article } from "../core/article.js";
import { readInput } from "../readers/index.js";
import { AnalyzePool } from "../store/analyze-pool.js";
import { openStore, type Store } from "../store/db.js";
import { ingest } from "../store/ingest.js";
import { quotes, search, stats } from "../store/queries/index.js";

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
    },
  });
  const workers = values.workers ? Number(values.workers) : availableParallelism();
  const articles: Article[] = [];
  for await (const item of readInput(values.corpus)) if ("article" in item) articles.push(item.article);
  const corpus = articles;
  console.log(`# bench:store — ${corpus.length} articles from ${values.corpus}, ${workers} analysis workers, ${availableParallelism()} cores`);

  // Analysis alone.
  {
    const pool = new AnalyzePool(workers);
    const t = performance.now();
    await Promise.all(corpus.map((a) => pool.analyze(a)));
    const s = (performance.now() - t) / 1000;
    await pool.close();
    console.log(`analysis only (worker pool, no store): ${(corpus.length / s).toFixed(1)} articles/s (${s.toFixed(1)} s)`);
  }

  const inputs = [values.corpus];
  const ingestAll = (store: Store) => ingest(store, inputs, { workers });

  const dir = values.keep ?? join(mkdtempSync(join(tmpdir(), "ng-bench-store-")), "store");
  try {
    let t = performance.now();
    const lite = await openStore(dir, { create: true });
    const created = (performance.now() - t) / 1000;
    t = performance.now();
    const summary = await ingestAll(lite);
    const s = (performance.now() - t) / 1000;
    const stored = summary.new + summary.updated + summary.unchanged;
    console.log(
      `ingest into PGlite: ${(stored / s).toFixed(1)} articles/s end to end (${stored} stored: ${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged (repeats); ${summary.failed} failed, ${s.toFixed(1)} s; creating the store took ${created.toFixed(1)} s)`,
    );
    for (const f of summary.failures) console.log(`  failed: ${f.origin}: ${f.reason}`);
    await queryBench("PGlite", lite);
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
    const summary = await ingestAll(server);
    const s = (performance.now() - t) / 1000;
    const stored = summary.new + summary.updated + summary.unchanged;
    console.log(`ingest into PostgreSQL: ${(stored / s).toFixed(1)} articles/s end to end (${stored} stored: ${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged (repeats); ${summary.failed} failed, ${s.toFixed(1)} s)`);
    for (const f of summary.failures) console.log(`  failed: ${f.origin}: ${f.reason}`);
    await queryBench("PostgreSQL", server);
    const st = await stats(server);
    console.log(`PostgreSQL store: ${st.articles} articles, ${st.size} on disk`);
    await server.close();
  }
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

function pct(times: number[], p: number): string {
  const sorted = [...times].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0).toFixed(1);
}

main().catch((e) => {
  process.stderr.write(`bench:store: ${e instanceof Error ? e.stack : e}\n`);
  process.exitCode = 1;
});
