/**
 * `npm run bench [-- --corpus DIR] [--limit N]`: throughput on one core (this process is single-threaded) of
 * NER tagging alone and of the whole `analyze`, on the BBC corpus (../shared/data/corpora/bbc, 2,225 articles)
 * when it exists, else on examples/. Also model load time, a 5 MB single paragraph, and peak memory (max RSS).
 * Also the duplicate finder and the story clusterer over the analyzed articles (bench/stories.ts). Prints a Markdown block for docs/benchmarks.md.
 */
// First: the V8 settings every newsgraph process runs with (src/cli/v8-flags.ts), so the bench measures those.
import "../cli/v8-flags.js";
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { analyze, getDefaultPipeline } from "../analyze.js";
import type { Article } from "../core/article.js";
import type { Doc } from "../core/doc.js";
import { createPipeline, getStage } from "../core/pipeline.js";
import { DEFAULT_STAGES } from "../stages/index.js";
import { readInput } from "../readers/index.js";
import { layoutArticle } from "../stages/text/layout.js";
import { segment } from "../stages/text/stage.js";
import { defaultTagger, modelPath } from "../stages/entities/load.js";
import { benchStories } from "./stories.js";
import { cpuSecondsSince } from "./cpu.js";

/** Alternating rounds of the A/B timings. */
const ROUNDS = 3;

async function readArticles(path: string, limit: number): Promise<Article[]> {
  const articles: Article[] = [];
  for await (const item of readInput(path)) {
    if ("article" in item) articles.push(item.article);
    if (articles.length >= limit) break;
  }
  return articles;
}

/** The token strings of a document's sentences, per sentence. */
function tokenDoc(doc: Doc): string[][] {
  return doc.sentences.map((s) => doc.sentenceWords(s));
}

function seconds(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}


const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      corpus: { type: "string", default: resolve("../shared/data/corpora/bbc") },
      limit: { type: "string", default: "100000" },
    },
  });
  const corpus = existsSync(values.corpus!) ? values.corpus! : resolve("examples");
  const articles = await readArticles(corpus, Number(values.limit));

  let t0 = process.hrtime.bigint();
  let cpu0 = process.cpuUsage();
  // The same tagger the entities stage uses, so the model is in memory once.
  const tagger = defaultTagger();
  const loadSeconds = seconds(t0);
  const loadCpuSeconds = cpuSecondsSince(cpu0);

  const pipeline = getDefaultPipeline();
  // A/B in one run: the whole pipeline against the same without its last stages, in alternating rounds, so a
  // machine's drift falls on both sides. The best round of each is reported.
  // (quotes needs coref's resolved entities, so it goes with it.)
  const withoutCoref = createPipeline(DEFAULT_STAGES.filter((name) => name !== "coref" && name !== "quotes"));
  for (const a of articles.slice(0, 50)) {
    analyze(a, pipeline); // warm up the JIT
    analyze(a, withoutCoref);
  }
  let analyzeSeconds = Infinity;
  let withoutCorefSeconds = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    t0 = process.hrtime.bigint();
    for (const a of articles) analyze(a, withoutCoref);
    withoutCorefSeconds = Math.min(withoutCorefSeconds, seconds(t0));
    t0 = process.hrtime.bigint();
    for (const a of articles) analyze(a, pipeline);
    analyzeSeconds = Math.min(analyzeSeconds, seconds(t0));
  }
  const pipelineName = pipeline.stages.map((s) => s.name).join(", ");
  const withoutCorefName = withoutCoref.stages.map((s) => s.name).join(", ");

  // Peak memory of the analyze passes alone: the model, the corpus text, one article's Doc at a time.
  const analyzeRss = process.resourceUsage().maxRSS / 1024;

  // Segmented once; the tagging pass and the time pass below both start from these documents.
  const segmented = articles.map((a) => {
    const doc = layoutArticle(a);
    segment(doc);
    return doc;
  });
  const docs = segmented.map(tokenDoc);
  const tokens = docs.reduce((n, d) => n + d.reduce((m, s) => m + s.length, 0), 0);
  for (const d of docs.slice(0, 50)) tagger.tagDoc(d); // warm up the JIT
  t0 = process.hrtime.bigint();
  cpu0 = process.cpuUsage();
  let mentions = 0;
  for (const d of docs) for (const s of tagger.tagDoc(d)) mentions += s.length;
  const tagSeconds = seconds(t0);
  const tagCpuSeconds = cpuSecondsSince(cpu0);

  // The coref stage alone, over documents that went through every stage before it.
  const corefStage = getStage("coref");
  const beforeCoref = articles.map((a) => withoutCoref.run(layoutArticle(a)));
  const corefInput = beforeCoref.map((d) => d.entities);
  for (const d of beforeCoref.slice(0, 50)) corefStage.run(d);
  let corefSeconds = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    beforeCoref.forEach((d, k) => (d.entities = corefInput[k]!));
    t0 = process.hrtime.bigint();
    for (const d of beforeCoref) corefStage.run(d);
    corefSeconds = Math.min(corefSeconds, seconds(t0));
  }

  // The quotes stage alone, over the same documents after coref.
  const quotesStage = getStage("quotes");
  for (const d of beforeCoref.slice(0, 50)) quotesStage.run(d);
  let quotesSeconds = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    t0 = process.hrtime.bigint();
    for (const d of beforeCoref) quotesStage.run(d);
    quotesSeconds = Math.min(quotesSeconds, seconds(t0));
  }
  const quoteCount = beforeCoref.reduce((n, d) => n + d.quotes.length, 0);

  // The time and amounts stages alone, over the documents already segmented.
  const timeStages = [getStage("time"), getStage("amounts")];
  for (const d of segmented.slice(0, 50)) for (const stage of timeStages) stage.run(d);
  t0 = process.hrtime.bigint();
  for (const d of segmented) for (const stage of timeStages) stage.run(d);
  const timeSeconds = seconds(t0);

  const words = "The minister of Ruritania, Jan Kowalski, told Reuters in Warsaw that the talks with the European Union would go on ";
  const big = words.repeat(Math.ceil(5_000_000 / words.length));
  const bigDoc = layoutArticle({ id: "big", source: null, url: null, published: null, section: null, title: "Big", authors: [], language: "en", paragraphs: [big] });
  segment(bigDoc);
  const bigTokens = bigDoc.tokens.count;
  t0 = process.hrtime.bigint();
  tagger.tagDoc(tokenDoc(bigDoc));
  const bigSeconds = seconds(t0);

  // Duplicates and stories over the articles analyzed once more (their Analyses kept for this).
  const storiesBench = benchStories(articles.map((a) => analyze(a, pipeline)));

  const rss = process.resourceUsage().maxRSS / 1024;
  const out = [
    `Corpus: ${corpus.replace(resolve(".."), "..")} — ${articles.length} articles, ${fmt(tokens)} tokens (all sentences); ${mentions} entity mentions tagged.`,
    "",
    "| measurement | tokens/s (one core) | time |",
    "|---|---|---|",
    `| NER tagging alone (features + 2 stages of Viterbi) | ${fmt(tokens / tagSeconds)} (CPU time: ${fmt(tokens / tagCpuSeconds)}) | ${tagSeconds.toFixed(2)} s (CPU ${tagCpuSeconds.toFixed(2)} s) |`,
    `| time + amounts stages alone | ${fmt(tokens / timeSeconds)} | ${timeSeconds.toFixed(2)} s |`,
    `| coref stage alone | ${fmt(tokens / corefSeconds)} | ${corefSeconds.toFixed(2)} s |`,
    `| quotes stage alone (${quoteCount} quotes) | ${fmt(tokens / quotesSeconds)} | ${quotesSeconds.toFixed(2)} s |`,
    `| analyze without coref and quotes (${withoutCorefName}) | ${fmt(tokens / withoutCorefSeconds)} | ${withoutCorefSeconds.toFixed(2)} s |`,
    `| whole analyze (${pipelineName}) | ${fmt(tokens / analyzeSeconds)} | ${analyzeSeconds.toFixed(2)} s (${(100 * (analyzeSeconds / withoutCorefSeconds - 1)).toFixed(1)}% over the line above; best of ${ROUNDS} alternating rounds) |`,
    `| NER tagging of one 5 MB paragraph (${fmt(bigTokens)} tokens) | ${fmt(bigTokens / bigSeconds)} | ${bigSeconds.toFixed(2)} s |`,
    "",
    `Duplicates (MinHash + LSH, exact copies first): ${fmt(storiesBench.duplicatesPerSecond)} articles/s of CPU on one core, ${storiesBench.duplicates} of ${storiesBench.articles} linked to an earlier one. Stories (incremental clustering): ${fmt(storiesBench.storiesPerSecond)} articles/s of CPU, ${storiesBench.stories} stories. Best of 3 rounds each.`,
    "",
    `NER model load: ${(loadSeconds * 1000).toFixed(0)} ms (CPU ${(loadCpuSeconds * 1000).toFixed(0)} ms; ${(statSync(modelPath()).size / 1e6).toFixed(1)} MB file). Peak memory (max RSS): ${analyzeRss.toFixed(0)} MB after the analyze passes; ${rss.toFixed(0)} MB for the whole run, which also holds every article's tokens and the 5 MB paragraph.`,
  ];
  process.stdout.write(out.join("\n") + "\n");
}

await main();
