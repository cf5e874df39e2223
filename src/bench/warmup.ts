/**
 * `node dist/src/bench/warmup.js [--corpus DIR]`: how much a first pass over unseen articles costs against later
 * passes, in CPU time, one process, one core. An ingest worker analyzes each article once, so a short ingest runs
 * inside this warm-up while `npm run bench` (best of 3 rounds over the same articles) reports the warm state.
 * Prints ms of CPU an article: the corpus's first half twice (the second time on fresh copies of its strings, so
 * that string-level caching would show), then the second half twice, and the first pass per stage.
 */
// First: the V8 settings every newsgraph process runs with (src/cli/v8-flags.ts), so the bench measures those.
import "../cli/v8-flags.js";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { getDefaultPipeline } from "../analyze.js";
import type { Article } from "../core/article.js";
import { toAnalysis } from "../core/pipeline.js";
import { readInput } from "../readers/index.js";
import { layoutArticle } from "../stages/text/layout.js";
import { cpuMs } from "./cpu.js";

const { values } = parseArgs({ options: { corpus: { type: "string", default: resolve("../shared/data/corpora/bbc") } } });

const articles: Article[] = [];
for await (const item of readInput(values.corpus!)) if ("article" in item) articles.push(item.article);
const pipeline = getDefaultPipeline();

/** Analyzes each article as a worker does (analysis, then its JSON), adding each stage's CPU ms to `perStage`. */
function pass(list: readonly Article[], label: string, perStage?: Map<string, number>): void {
  const start = process.cpuUsage();
  for (const article of list) {
    const doc = layoutArticle(article);
    for (const stage of pipeline.stages) {
      const before = perStage ? process.cpuUsage() : null;
      stage.run(doc);
      if (perStage && before) perStage.set(stage.name, (perStage.get(stage.name) ?? 0) + cpuMs(process.cpuUsage(before)));
    }
    JSON.stringify(toAnalysis(doc));
  }
  console.log(`${label}: ${(cpuMs(process.cpuUsage(start)) / list.length).toFixed(2)} ms of CPU an article (${list.length} articles)`);
}

const half = articles.length >> 1;
const first = articles.slice(0, half);
const second = articles.slice(half);
const stages = new Map<string, number>();
pass(first, "first half, first pass", stages);
console.log(`  by stage: ${[...stages].map(([name, ms]) => `${name} ${(ms / first.length).toFixed(2)}`).join(", ")}`);
pass(first.map((a) => JSON.parse(JSON.stringify(a)) as Article), "first half again, fresh copies of its strings");
pass(second, "second half, first pass");
pass(second, "second half, second pass");
