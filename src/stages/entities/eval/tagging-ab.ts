/**
 * `node dist/src/stages/entities/eval/tagging-ab.js --a MODEL --b MODEL [--corpus DIR] [--rounds N]`: NER tagging
 * throughput of two model files on the same documents in one process, in alternating rounds (A, B, A, B ...), so
 * that a shared machine's drift falls on both; the best round of each is reported, with the model load times.
 * The documents are segmented once, as `npm run bench` does for its "NER tagging alone" line.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Article } from "../../../core/article.js";
import { readInput } from "../../../readers/index.js";
import { layoutArticle } from "../../text/layout.js";
import { segment } from "../../text/stage.js";
import { loadModel } from "../model.js";
import { NerTagger } from "../tagger.js";

function seconds(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      a: { type: "string" },
      b: { type: "string" },
      corpus: { type: "string", default: resolve("../shared/data/corpora/bbc") },
      rounds: { type: "string", default: "3" },
    },
  });
  if (!values.a || !values.b) throw new Error("usage: tagging-ab --a MODEL --b MODEL [--corpus DIR] [--rounds N]");
  const articles: Article[] = [];
  for await (const item of readInput(values.corpus!)) if ("article" in item) articles.push(item.article);
  const docs = articles.map((a) => {
    const doc = layoutArticle(a);
    segment(doc);
    return doc.sentences.map((s) => doc.sentenceWords(s));
  });
  const tokens = docs.reduce((n, d) => n + d.reduce((m, s) => m + s.length, 0), 0);
  const sides = [values.a, values.b].map((path) => {
    const t0 = process.hrtime.bigint();
    const tagger = new NerTagger(loadModel(path));
    return { path, tagger, load: seconds(t0), best: Infinity, mentions: 0 };
  });
  for (const side of sides) for (const d of docs.slice(0, 50)) side.tagger.tagDoc(d); // warm up the JIT
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const side of sides) {
      const t0 = process.hrtime.bigint();
      let mentions = 0;
      for (const d of docs) for (const s of side.tagger.tagDoc(d)) mentions += s.length;
      side.best = Math.min(side.best, seconds(t0));
      side.mentions = mentions;
    }
  }
  console.log(`${docs.length} documents, ${tokens} tokens, best of ${values.rounds} alternating rounds`);
  for (const [name, s] of [["A", sides[0]!], ["B", sides[1]!]] as const) {
    console.log(`${name} ${s.path}: load ${(s.load * 1000).toFixed(0)} ms, tagging ${Math.round(tokens / s.best).toLocaleString("en-US")} tokens/s (${s.best.toFixed(2)} s), ${s.mentions} mentions`);
  }
}

await main();
