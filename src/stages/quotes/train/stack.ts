/**
 * `npm run train:quotes-stack` (issue #9, round 9): trains the second-stage quotes tagger (models/quotes2.bin.gz).
 * Its features are the first stage's (features.ts) plus templates over the first stage's predicted labels
 * (`stackFeatures`). Those labels are jackknifed: the texts are split into K folds (text i in fold i mod K) and a
 * first-stage tagger trained on the other folds (as train/main.ts trains it: same trainer, features and shuffle seeds,
 * fewer epochs) tags each fold, so the second stage learns from labels as noisy as at run time. Deterministic.
 *
 * Selection on train only (--select): every tenth text (name order) is held out; the jackknife runs over the other
 * texts, the second stage is trained on them, and after each epoch the slice is scored (train/main.ts's scoring:
 * the linker only) with the first stage given by --held-out-model (main.js --held-out-out) tagging it;
 * --held-out-out FILE writes the second stage of the best epoch. Without --select: the jackknife over all texts and
 * the second stage trained on all with --epochs N, written to --out.
 *
 *   node dist/src/stages/quotes/train/stack.js [--polnear DIR] [--folds K] [--jack-epochs E] [--epochs N] [--bits B]
 *     [--cache FILE] [--out FILE] [--drop T,...] [--select --held-out-model H.bin.gz [--held-out-out FILE]]
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readPolnear, type PolnearText } from "../../../corpora/polnear.js";
import { buildContext, findAttributions } from "../attribute.js";
import { beforeQuotes, polnearDoc } from "../eval/cli.js";
import { features, ruleLabels, sequences, USED_SLOTS } from "../features.js";
import { deserializeQuoteModel, goldLabels, serializeQuoteModel, setQuoteModel, tagSequence, type QuoteModel } from "../model.js";
import { arg, fillStacked, foldLabels, roleSpans, sliceScore, trainStage2, type StackInput } from "./common.js";

interface Prepared extends StackInput {
  text: PolnearText;
}

function prepare(texts: PolnearText[], bits: number): Prepared[] {
  const pipeline = beforeQuotes();
  setQuoteModel(null);
  return texts.map((text) => {
    const doc = pipeline.run(polnearDoc(text.name, text.text));
    const ctx = buildContext(doc);
    const rules = ruleLabels(ctx, findAttributions(ctx));
    const seqs = sequences(ctx);
    const kept = roleSpans(doc, text.attributions);
    return { text, ctx, rules, seqs, feats: seqs.map((q) => features(ctx, q, rules, bits)), gold: seqs.map((q) => goldLabels(q, kept)) };
  });
}

/** First-stage labels of each text's sequences by a tagger trained on the other folds (cached in `cache` if given). */
function jackknife(data: Prepared[], folds: number, epochs: number, bits: number, cache: string): Uint8Array[][] {
  const total = data.reduce((s, d) => s + d.seqs.reduce((a, q) => a + q.tokenEnd - q.tokenStart, 0), 0);
  const key = `${data.length} ${data[0]?.text.name} ${data[data.length - 1]?.text.name} ${total} ${folds} ${epochs} ${bits} ${USED_SLOTS}`;
  const split = (buf: Uint8Array): Uint8Array[][] => {
    let o = 0;
    return data.map((d) => d.seqs.map((q) => {
      const n = q.tokenEnd - q.tokenStart;
      const l = buf.slice(o, o + n);
      o += n;
      return l;
    }));
  };
  if (cache && existsSync(cache)) {
    const raw = readFileSync(cache);
    const nl = raw.indexOf(10);
    if (raw.subarray(0, nl).toString() === key && raw.length - nl - 1 === total) {
      process.stderr.write(`jackknife labels from ${cache}\n`);
      return split(new Uint8Array(raw.subarray(nl + 1)));
    }
  }
  const out = foldLabels(data, folds, epochs, bits, (m) => void process.stderr.write(m));
  if (cache) {
    const flat = Buffer.concat(out.flat().map((l) => Buffer.from(l.buffer, l.byteOffset, l.length)));
    writeFileSync(cache, Buffer.concat([Buffer.from(key + "\n"), flat]));
  }
  return out;
}

function main(): void {
  const dir = arg("--polnear", "../shared/data/quotes/polnear/train");
  const bits = Number(arg("--bits", "18"));
  const folds = Number(arg("--folds", "5"));
  const jackEpochs = Number(arg("--jack-epochs", "10"));
  const epochs = Number(arg("--epochs", "20"));
  const cache = arg("--cache", "");
  // --drop T1,T2,...: stacked template ids (50-72) left out, for ablations on the slice (not at run time).
  const drop = arg("--drop", "").split(",").filter(Boolean).map((x) => USED_SLOTS + Number(x) - 50);
  const log = (m: string): void => void process.stderr.write(m);
  const texts = readPolnear(dir).filter((t) => t.annFile);
  const tp = Date.now();
  const all = prepare(texts, bits);
  process.stderr.write(`PolNeAR train: ${texts.length} texts prepared in ${((Date.now() - tp) / 1000).toFixed(0)} s\n`);
  if (process.argv.includes("--select")) {
    const held = all.filter((_, i) => i % 10 === 9), rest = all.filter((_, i) => i % 10 !== 9);
    const h1 = deserializeQuoteModel(readFileSync(arg("--held-out-model", "H.bin.gz")));
    sliceScore(held, h1, "slice, stage 1 alone");
    fillStacked(held, held.map((d) => d.seqs.map((q, j) => tagSequence(h1, d.feats[j]!, q.tokenEnd - q.tokenStart))), bits, drop);
    const tj = Date.now();
    fillStacked(rest, jackknife(rest, folds, jackEpochs, bits, cache), bits, drop);
    process.stderr.write(`jackknife: ${((Date.now() - tj) / 1000).toFixed(0)} s\n`);
    let best = 0, bestF = -1;
    let bestModel: QuoteModel | null = null;
    const t0 = Date.now();
    trainStage2(rest, bits, epochs, log, (m, e) => {
      const f = sliceScore(held, m, "slice, stage 2");
      if (f > bestF) {
        bestF = f;
        best = e;
        bestModel = m;
      }
    });
    process.stderr.write(`stage 2: ${((Date.now() - t0) / 1000).toFixed(0)} s; best epoch ${best} (mean ${(100 * bestF).toFixed(2)})\n`);
    const out = arg("--held-out-out", "");
    if (out && bestModel) writeFileSync(out, serializeQuoteModel(bestModel));
    return;
  }
  const tj = Date.now();
  fillStacked(all, jackknife(all, folds, jackEpochs, bits, cache), bits, drop);
  process.stderr.write(`jackknife: ${((Date.now() - tj) / 1000).toFixed(0)} s\n`);
  const t0 = Date.now();
  const model = trainStage2(all, bits, epochs, log);
  process.stderr.write(`stage 2: ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  const out = arg("--out", join("models", "quotes2.bin.gz"));
  const buf = serializeQuoteModel(model);
  writeFileSync(out, buf);
  process.stderr.write(`wrote ${out} (${(buf.length / 1e6).toFixed(2)} MB)\n`);
}

main();
