/**
 * What the quotes training scripts share (train/main.ts, train/stack.ts, train/content.ts, via jackknife.ts): their
 * argument reading, the gold role spans of a PolNeAR file as the tagger's labels take them, the K-fold jackknife of
 * the first-stage tagger, the second stage's training and its own jackknife, and the held-out slice's score (the
 * linker alone, as every selection run scores it).
 */
import { SLOTS } from "../../entities/features.js";
import { PerceptronTrainer } from "../../entities/train/perceptron.js";
import type { TypedSpan } from "../../entities/labels.js";
import type { BratAttribution, PolnearText } from "../../../corpora/polnear.js";
import { tokenAt, type QuoteContext, type RawAttribution } from "../attribute.js";
import { emptyScore, prf, scoreText } from "../eval/score.js";
import { charSpan } from "../stage.js";
import { stackFeatures, STACK_USED_SLOTS, USED_SLOTS, type Sequence } from "../features.js";
import { link } from "../link.js";
import { fromFloat, spansOf, tagSequence, type QuoteModel } from "../model.js";

/** The value after `name` on the command line, or `fallback`. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/**
 * One sorted list of role spans (document tokens; SOURCE, CUE, CONTENT of features.ts) with one span per token: the
 * first of two that touch it is kept (PolNeAR is univocal, but a token may touch two fragments).
 */
export function onePerToken(spans: TypedSpan[]): TypedSpan[] {
  spans.sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: TypedSpan[] = [];
  let reach = -1;
  for (const s of spans)
    if (s.start >= reach) {
      kept.push(s);
      reach = s.end;
    }
  return kept;
}

/** Role spans (document tokens) of one annotator's attributions, one per token. */
export function roleSpans(doc: QuoteContext["doc"], attributions: readonly BratAttribution[]): TypedSpan[] {
  const spans: TypedSpan[] = [];
  const toTok = (f: { start: number; end: number }, type: number): void => {
    const s = tokenAt(doc, f.start);
    let e = s;
    while (e < doc.tokens.count && doc.tokens.start[e]! < f.end) e++;
    if (e > s) spans.push({ start: s, end: e, type });
  };
  for (const a of attributions) {
    for (const f of a.source ?? []) toTok(f, 0);
    for (const f of a.cue ?? []) toTok(f, 1);
    for (const f of a.content ?? []) toTok(f, 2);
  }
  return onePerToken(spans);
}

/** A text ready for the first-stage tagger: its sequences, their features and their gold labels. */
export interface TaggerInput {
  seqs: Sequence[];
  feats: Int32Array[];
  gold: Uint8Array[];
}

/**
 * Per text, the first-stage labels of its sequences by a tagger trained on the other folds (text i in fold i mod K),
 * trained as train/main.ts trains it (same trainer, features and shuffle seeds), `epochs` each. Deterministic.
 */
export function foldLabels(data: readonly TaggerInput[], folds: number, epochs: number, bits: number, log: (s: string) => void): Uint8Array[][] {
  const out: Uint8Array[][] = data.map(() => []);
  for (let k = 0; k < folds; k++) {
    const t = Date.now();
    const trainer = new PerceptronTrainer(bits, USED_SLOTS);
    const rest = data.filter((_, i) => i % folds !== k);
    const ex = { feats: rest.flatMap((d) => d.feats), gold: rest.flatMap((d) => d.gold) };
    for (let e = 1; e <= epochs; e++) trainer.epoch(ex, 1000 + e);
    const avg = trainer.averaged();
    const model = fromFloat(bits, avg.weights, avg.trans, avg.end);
    data.forEach((d, i) => {
      if (i % folds === k) out[i] = d.seqs.map((q, j) => tagSequence(model, d.feats[j]!, q.tokenEnd - q.tokenStart));
    });
    log(`jackknife fold ${k + 1} of ${folds}: ${((Date.now() - t) / 1000).toFixed(0)} s\n`);
  }
  return out;
}

/** A text ready for the second stage: a first-stage input and what `stackFeatures` reads besides the labels. */
export interface StackInput extends TaggerInput {
  ctx: QuoteContext;
  /** The rules' labels (features.ts `ruleLabels`). */
  rules: Uint8Array;
}

/**
 * Fills the stacked slots of every sequence's features from the first stage's labels (`labels[text][sequence]`);
 * `drop`: slots (USED_SLOTS-based) left empty, for ablations of train/stack.ts (never at run time).
 */
export function fillStacked(data: readonly StackInput[], labels: readonly Uint8Array[][], bits: number, drop: readonly number[] = []): void {
  data.forEach((d, i) =>
    d.seqs.forEach((q, j) => {
      const f = d.feats[j]!;
      stackFeatures(d.ctx, q, d.rules, labels[i]![j]!, bits, f);
      for (let t = 0, n = q.tokenEnd - q.tokenStart; t < n; t++) for (const s of drop) f[t * SLOTS + s] = -1;
    }),
  );
}

/** The second stage trained on `data` (stacked slots filled) as train/stack.ts trains it: shuffle seeds 2000 + epoch. */
export function trainStage2(data: readonly StackInput[], bits: number, epochs: number, log: (s: string) => void, onEpoch?: (m: QuoteModel, e: number) => void): QuoteModel {
  const trainer = new PerceptronTrainer(bits, STACK_USED_SLOTS);
  const ex = { feats: data.flatMap((d) => d.feats), gold: data.flatMap((d) => d.gold) };
  let model: QuoteModel | null = null;
  for (let e = 1; e <= epochs; e++) {
    const errors = trainer.epoch(ex, 2000 + e);
    const avg = trainer.averaged();
    model = fromFloat(bits, avg.weights, avg.trans, avg.end, STACK_USED_SLOTS);
    log(`stage 2 epoch ${e}: ${errors} sequences wrong\n`);
    onEpoch?.(model, e);
  }
  return model!;
}

/**
 * Per text, the second stage's labels by a second stage trained on the other folds (text i in fold i mod K), from
 * the jackknifed first-stage labels `labels1` (`foldLabels` with the same K): what the stage's second stage makes
 * of a text neither stage saw. The other folds' first-stage labels came from taggers that did see fold k; a second
 * stage trained on labels jackknifed within those folds would avoid that, at K times the first stage's cost.
 * Fills the stacked slots of `data`. Deterministic.
 */
export function stage2FoldLabels(data: readonly StackInput[], labels1: readonly Uint8Array[][], folds: number, epochs: number, bits: number, log: (s: string) => void): Uint8Array[][] {
  fillStacked(data, labels1, bits);
  const out: Uint8Array[][] = data.map(() => []);
  for (let k = 0; k < folds; k++) {
    const t = Date.now();
    const model = trainStage2(data.filter((_, i) => i % folds !== k), bits, epochs, log);
    data.forEach((d, i) => {
      if (i % folds === k) out[i] = d.seqs.map((q, j) => tagSequence(model, d.feats[j]!, q.tokenEnd - q.tokenStart));
    });
    log(`stage-2 jackknife fold ${k + 1} of ${folds}: ${((Date.now() - t) / 1000).toFixed(0)} s\n`);
  }
  return out;
}

/** A slice text as the selection runs score it. */
export interface ScoredInput {
  text: PolnearText;
  ctx: QuoteContext;
  seqs: Sequence[];
  feats: Int32Array[];
}

/** Mean exact F1 of the three roles on `data` (a model's spans joined by the linker alone; none: no spans), each role logged. */
export function sliceScore(data: readonly ScoredInput[], model: QuoteModel | null, label: string): number {
  const score = emptyScore();
  for (const d of data) {
    const atts: RawAttribution[] = [];
    d.seqs.forEach((q, i) => {
      const spans = model ? spansOf(tagSequence(model, d.feats[i]!, q.tokenEnd - q.tokenStart), q) : [];
      link(d.ctx, spans, q.block, atts);
    });
    const doc = d.ctx.doc;
    const pred = atts.map((a) => ({ source: a.source ? [charSpan(doc, a.source)] : null, cue: a.cue ? [charSpan(doc, a.cue)] : null, content: a.content.map((c) => charSpan(doc, c)) }));
    scoreText(d.text.text, d.text.attributions, pred, score);
  }
  const f = (r: "Source" | "Cue" | "Content"): number => prf(score.exact[r]).f;
  process.stderr.write(`  ${label} exact F1: Source ${(100 * f("Source")).toFixed(1)} Cue ${(100 * f("Cue")).toFixed(1)} Content ${(100 * f("Content")).toFixed(1)}\n`);
  return (f("Source") + f("Cue") + f("Content")) / 3;
}
