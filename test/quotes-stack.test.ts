import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { SLOTS } from "../src/stages/entities/features.js";
import { NUM_LABELS } from "../src/stages/entities/labels.js";
import { buildContext, findAttributions } from "../src/stages/quotes/attribute.js";
import { beforeQuotes, polnearDoc } from "../src/stages/quotes/eval/cli.js";
import { features, ruleLabels, sequences, stackFeatures, STACK_USED_SLOTS, USED_SLOTS } from "../src/stages/quotes/features.js";
import { refineAttributions } from "../src/stages/quotes/link.js";
import { deserializeQuoteModel, goldLabels, PAIR_ROW, quoteModel, quoteModel2, serializeQuoteModel, StackedTagger, tagSequence, type QuoteModel } from "../src/stages/quotes/model.js";
import { stage2FoldLabels, trainStage2, type StackInput } from "../src/stages/quotes/train/common.js";
import { repoRoot } from "./support/paths.js";

// Round 9: the second-stage (stacked) tagger reads the first stage's features plus templates over its labels.

const pipeline = beforeQuotes();
const BITS = 12;
const CUE_U = 1 + 4 * 1 + 3; // U of type 1 (Cue)

/** A model of zero weights but `hot` buckets, which vote strongly for one label. */
function synthetic(hot: Iterable<number>, label: number, slots?: number): QuoteModel {
  const weights = new Int16Array((1 << BITS) * NUM_LABELS);
  for (const b of hot) weights[b + label] = 1000;
  return { bits: BITS, weights, scale: 1, trans: new Float32Array((NUM_LABELS + 1) * NUM_LABELS), end: new Float32Array(NUM_LABELS), ...(slots ? { slots } : {}) };
}

test("stack: the stacked templates fill slots USED_SLOTS..STACK_USED_SLOTS and depend on the first stage's labels", () => {
  const ctx = buildContext(pipeline.run(polnearDoc("t", "A story\n“We will win,” Putin said on Friday.\n")));
  const rules = ruleLabels(ctx, findAttributions(ctx));
  const seq = sequences(ctx)[1]!;
  const n = seq.tokenEnd - seq.tokenStart;
  const f = features(ctx, seq, rules, BITS);
  const before = f.slice();
  stackFeatures(ctx, seq, rules, new Uint8Array(n), BITS, f);
  for (let i = 0; i < n; i++)
    for (let s = 0; s < SLOTS; s++) {
      const v = f[i * SLOTS + s]!;
      if (s < USED_SLOTS || s >= STACK_USED_SLOTS) assert.equal(v, before[i * SLOTS + s], "first-stage and unused slots untouched");
      else assert.ok(v >= 0 && v % NUM_LABELS === 0, "a stacked slot is a bucket");
    }
  const g = features(ctx, seq, rules, BITS);
  const lab = new Uint8Array(n);
  lab[ctx.words.indexOf("said") - seq.tokenStart] = CUE_U;
  stackFeatures(ctx, seq, rules, lab, BITS, g);
  const i = ctx.words.indexOf("Putin") - seq.tokenStart;
  assert.notDeepEqual(g.slice(i * SLOTS + USED_SLOTS, i * SLOTS + STACK_USED_SLOTS), f.slice(i * SLOTS + USED_SLOTS, i * SLOTS + STACK_USED_SLOTS), "a cue next to the token changes its stacked features");
});

test("stack: refineAttributions decodes with the second stage when one is given, reading its stacked slots", () => {
  const ctx = buildContext(pipeline.run(polnearDoc("t", "A story\nThe weather was fine on Friday in the capital.\n")));
  const rules = findAttributions(ctx);
  const lab = ruleLabels(ctx, rules);
  const seq = sequences(ctx)[1]!;
  const n = seq.tokenEnd - seq.tokenStart;
  const f = features(ctx, seq, lab, BITS);
  stackFeatures(ctx, seq, lab, new Uint8Array(n), BITS, f);
  // The second stage's word x first-stage label template (slot USED_SLOTS + 6) of each token votes for a label:
  // "The weather" Source, "was" Cue, "fine ... capital" Content (B, I, L, U of type t: 1 + 4t + 0..3).
  const want = new Uint8Array(n);
  const w = ctx.words.slice(seq.tokenStart, seq.tokenEnd);
  const put = (from: string, to: string, type: number): void => {
    const a = w.indexOf(from), b = w.indexOf(to);
    if (a === b) want[a] = 1 + 4 * type + 3;
    else for (let i = a; i <= b; i++) want[i] = 1 + 4 * type + (i === a ? 0 : i === b ? 2 : 1);
  };
  put("the", "weather", 0);
  put("was", "was", 1);
  put("fine", "capital", 2);
  const weights = new Int16Array((1 << BITS) * NUM_LABELS);
  const stage1 = { bits: BITS, weights, scale: 1, trans: new Float32Array((NUM_LABELS + 1) * NUM_LABELS), end: new Float32Array(NUM_LABELS) }; // zero: every token none
  const w2 = new Int16Array(weights.length);
  for (let i = 0; i < n; i++) w2[f[i * SLOTS + USED_SLOTS + 6]! + want[i]!] = 1000;
  const stage2: QuoteModel = { ...stage1, weights: w2, slots: STACK_USED_SLOTS };
  assert.deepEqual([...tagSequence(stage2, f, n)], [...want]);
  // The same weights read as a first-stage model (USED_SLOTS only) do not see the stacked slots.
  assert.deepEqual([...tagSequence({ ...stage2, slots: undefined }, f, n)], new Array(n).fill(0));
  const one = refineAttributions(buildContext(ctx.doc), rules, stage1, null);
  const two = refineAttributions(buildContext(ctx.doc), rules, stage1, stage2);
  assert.equal(one.filter((a) => a.cue).length, 0);
  const cues = two.filter((a) => a.cue).map((a) => ctx.words.slice(a.cue!.start, a.cue!.end).join(" "));
  assert.deepEqual(cues, ["was"], "the second stage's spans reach the linker");
});

/** A model of pseudo-random weights and transitions (a fixed LCG), so that decoding picks varied labels. */
function noisy(seed: number, slots?: number): QuoteModel {
  let x = seed;
  const next = (): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const weights = new Int16Array((1 << BITS) * NUM_LABELS).map(() => Math.round((next() - 0.5) * 2000));
  const trans = new Float32Array((NUM_LABELS + 1) * NUM_LABELS).map(() => (next() - 0.5) * 3000);
  const end = new Float32Array(NUM_LABELS).map(() => (next() - 0.5) * 3000);
  return { bits: BITS, weights, scale: 1, trans, end, ...(slots ? { slots } : {}) };
}

test("stack: the paired table of both stages (StackedTagger) decodes as tagSequence with each stage, to the label", () => {
  const ctx = buildContext(pipeline.run(polnearDoc("t", "A story\n“We will win,” Putin said on Friday, adding that the talks would go on.\nThe minister told reporters the plan was fine.\n")));
  const rules = ruleLabels(ctx, findAttributions(ctx));
  const m1 = noisy(1), m2 = noisy(2, STACK_USED_SLOTS);
  const paired = new StackedTagger(m1, m2);
  let varied = 0;
  for (const seq of sequences(ctx)) {
    const n = seq.tokenEnd - seq.tokenStart;
    const f = features(ctx, seq, rules, BITS);
    const want1 = tagSequence(m1, f, n);
    stackFeatures(ctx, seq, rules, want1, BITS, f);
    const want2 = tagSequence(m2, f, n);
    const g = features(ctx, seq, rules, BITS, undefined, PAIR_ROW);
    const got1 = paired.labelFirst(g, n);
    stackFeatures(ctx, seq, rules, got1, BITS, g, PAIR_ROW);
    assert.deepEqual([...got1], [...want1], "first stage");
    assert.deepEqual([...paired.labelSecond(g, n)], [...want2], "second stage");
    varied += new Set(want2).size;
  }
  assert.ok(varied > 4, "the random models label more than one label");
});

test("stack: with the shipped models, the paired table gives the labels of the two separate models, to the bit", () => {
  // The stage runs StackedTagger; training and eval score tagSequence. Random weights (above) cannot show an overflow
  // or a rounding of the real weights' sums, so the shipped files are compared on real news too.
  const dir = join(repoRoot(), "models");
  const m1 = deserializeQuoteModel(readFileSync(join(dir, "quotes.bin.gz")));
  const m2 = deserializeQuoteModel(readFileSync(join(dir, "quotes2.bin.gz")), true);
  const paired = new StackedTagger(m1, m2);
  const texts = [
    readFileSync(join(repoRoot(), "test", "fixtures", "seed", "000_dbf82c7d13769c2b.txt"), "utf8"),
    readFileSync(join(repoRoot(), "test", "fixtures", "polnear", "text", "bridge-story.txt"), "utf8"),
  ];
  let tokens = 0, labelled = 0;
  for (const text of texts) {
    const ctx = buildContext(pipeline.run(polnearDoc("t", text)));
    const rules = ruleLabels(ctx, findAttributions(ctx));
    for (const seq of sequences(ctx)) {
      const n = seq.tokenEnd - seq.tokenStart;
      const f = features(ctx, seq, rules, m1.bits);
      const want1 = tagSequence(m1, f, n);
      stackFeatures(ctx, seq, rules, want1, m1.bits, f);
      const want2 = tagSequence(m2, f, n);
      const g = features(ctx, seq, rules, m1.bits, undefined, PAIR_ROW);
      const got1 = paired.labelFirst(g, n);
      stackFeatures(ctx, seq, rules, got1, m1.bits, g, PAIR_ROW);
      assert.deepEqual([...got1], [...want1], "first stage");
      assert.deepEqual([...paired.labelSecond(g, n)], [...want2], "second stage");
      tokens += n;
      for (const l of want2) if (l !== 0) labelled++;
    }
  }
  assert.ok(tokens > 800 && labelled > 100, `real text with quotes compared (${tokens} tokens, ${labelled} labelled)`);
});

test("stack: the file format says which stage it is; the shipped second stage goes with the shipped first", () => {
  const s2 = synthetic([], 0, STACK_USED_SLOTS);
  const back = deserializeQuoteModel(serializeQuoteModel(s2), true);
  assert.equal(back.slots, STACK_USED_SLOTS);
  assert.throws(() => deserializeQuoteModel(serializeQuoteModel(s2)), /not a quotes model/);
  assert.throws(() => deserializeQuoteModel(serializeQuoteModel(synthetic([], 0)), true), /not a second-stage/);
  const shipped = join(repoRoot(), "models", "quotes2.bin.gz");
  if (!process.env.NEWSGRAPH_QUOTES_MODEL && !process.env.NEWSGRAPH_QUOTES_MODEL2 && existsSync(shipped)) {
    assert.ok(quoteModel());
    const m2 = quoteModel2();
    assert.ok(m2, "models/quotes2.bin.gz is loaded");
    assert.equal(m2.slots, STACK_USED_SLOTS);
    assert.equal(m2.bits, quoteModel()!.bits);
    assert.equal(deserializeQuoteModel(readFileSync(shipped), true).slots, STACK_USED_SLOTS);
  }
});

test("stack: the second stage's jackknife relabels each fold with a second stage trained on the other folds", () => {
  // Round 10: the content model's spans (train/content.ts --stage2). Gold: the speaker, "said", the quotation.
  const data: StackInput[] = ["Putin", "Merkel", "Obama", "Macron"].map((name) => {
    const ctx = buildContext(pipeline.run(polnearDoc("t", `A story\n“We will win,” ${name} said on Friday.\n`)));
    const rules = ruleLabels(ctx, findAttributions(ctx));
    const seqs = sequences(ctx);
    const at = (w: string): number => ctx.words.indexOf(w.toLowerCase());
    const gold = [{ start: at("We"), end: at("win") + 1, type: 2 }, { start: at(name), end: at(name) + 1, type: 0 }, { start: at("said"), end: at("said") + 1, type: 1 }];
    return { ctx, rules, seqs, feats: seqs.map((q) => features(ctx, q, rules, BITS)), gold: seqs.map((q) => goldLabels(q, gold)) };
  });
  // First-stage labels that found nothing: whatever the second stage tags, it learnt from the other folds' gold.
  const labels1 = data.map((d) => d.seqs.map((q) => new Uint8Array(q.tokenEnd - q.tokenStart)));
  const quiet = (): void => {};
  const labels2 = stage2FoldLabels(data, labels1, 2, 3, BITS, quiet);
  const other = trainStage2(data.filter((_, i) => i % 2 === 1), BITS, 3, quiet);
  const s = data[0]!.seqs[1]!;
  const got = labels2[0]![1]!;
  assert.deepEqual([...got], [...tagSequence(other, data[0]!.feats[1]!, s.tokenEnd - s.tokenStart)], "fold 0 by the stage 2 of fold 1");
  assert.ok(got.some((l) => l !== 0), "relabelled, not the first stage's labels passed through");
});
