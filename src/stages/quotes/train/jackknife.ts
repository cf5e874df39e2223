/**
 * The tagger's spans on PolNeAR train texts it was not trained on, for training the content-boundary model
 * (content.ts): the texts split into K folds (text i in fold i mod K), a tagger trained on the other folds tags each
 * fold. The content model must learn how far to trust the tagger's edges on unseen text; on its own training texts
 * the tagger is nearly always right, so its in-sample spans would teach the content model to copy them.
 * The tagger is trained as train/main.ts trains it (same features, trainer and shuffle seeds), K times on
 * (K - 1) / K of the texts. Deterministic.
 */
import { PerceptronTrainer } from "../../entities/train/perceptron.js";
import type { TypedSpan } from "../../entities/labels.js";
import { findAttributions, buildContext, type QuoteContext } from "../attribute.js";
import { features, ruleLabels, sequences, USED_SLOTS } from "../features.js";
import { fromFloat, goldLabels, spansOf, tagSequence, type QuoteModel } from "../model.js";
import type { TaggedBlock } from "../link.js";
import type { Doc } from "../../../core/doc.js";

/** One train text's tokens and gold attributions as token spans (roles: SOURCE, CUE, CONTENT of features.ts). */
export interface GoldText {
  doc: Doc;
  /** Per gold attribution, its fragments by role. */
  gold: TypedSpan[][];
}

/** The gold role spans of a text as the tagger's labels take them: one span per token, the first kept. */
function flatGold(g: GoldText): TypedSpan[] {
  const spans = g.gold.flat().sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: TypedSpan[] = [];
  let reach = -1;
  for (const s of spans)
    if (s.start >= reach) {
      kept.push(s);
      reach = s.end;
    }
  return kept;
}

/** A fresh quotes context with the rules' attributions found (the tagger's features read them). */
export function rulesContext(doc: Doc): { ctx: QuoteContext; rules: ReturnType<typeof findAttributions> } {
  const ctx = buildContext(doc);
  return { ctx, rules: findAttributions(ctx) };
}

/** The tagger's blocks of one text with a model. */
export function tagText(model: QuoteModel, ctx: QuoteContext, lab: Uint8Array, bits: number): TaggedBlock[] {
  return sequences(ctx).map((seq) => {
    const f = features(ctx, seq, lab, bits);
    return { block: seq.block, spans: spansOf(tagSequence(model, f, seq.tokenEnd - seq.tokenStart), seq) };
  });
}

/** Per text, the spans of a tagger trained on the other folds. */
export function jackknife(texts: readonly GoldText[], folds: number, epochs: number, bits: number, log: (s: string) => void): TaggedBlock[][] {
  const prepared = texts.map((g) => {
    const { ctx, rules } = rulesContext(g.doc);
    const lab = ruleLabels(ctx, rules);
    const seqs = sequences(ctx);
    const gold = flatGold(g);
    return { ctx, lab, feats: seqs.map((q) => features(ctx, q, lab, bits)), gold: seqs.map((q) => goldLabels(q, gold)) };
  });
  const out: TaggedBlock[][] = texts.map(() => []);
  for (let k = 0; k < folds; k++) {
    const trainer = new PerceptronTrainer(bits, USED_SLOTS);
    const rest = prepared.filter((_, i) => i % folds !== k);
    const ex = { feats: rest.flatMap((d) => d.feats), gold: rest.flatMap((d) => d.gold) };
    for (let e = 1; e <= epochs; e++) trainer.epoch(ex, 1000 + e);
    const avg = trainer.averaged();
    const model = fromFloat(bits, avg.weights, avg.trans, avg.end);
    prepared.forEach((d, i) => {
      if (i % folds === k) out[i] = tagText(model, d.ctx, d.lab, bits);
    });
    log(`fold ${k + 1} of ${folds} tagged\n`);
  }
  return out;
}
