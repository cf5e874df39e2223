/**
 * The tagger's spans on PolNeAR train texts it was not trained on, for training the content-boundary model
 * (content.ts): the texts split into K folds (text i in fold i mod K), a tagger trained on the other folds tags each
 * fold. The content model must learn how far to trust the tagger's edges on unseen text; on its own training texts
 * the tagger is nearly always right, so its in-sample spans would teach the content model to copy them.
 * The folds are common.ts `foldLabels`, shared with the second stage's training (train/stack.ts). Deterministic.
 */
import type { TypedSpan } from "../../entities/labels.js";
import { findAttributions, buildContext, type QuoteContext } from "../attribute.js";
import { features, ruleLabels, sequences } from "../features.js";
import { goldLabels, spansOf, tagSequence, type QuoteModel } from "../model.js";
import { foldLabels, onePerToken } from "./common.js";
import type { TaggedBlock } from "../link.js";
import type { Doc } from "../../../core/doc.js";

/** One train text's tokens and gold attributions as token spans (roles: SOURCE, CUE, CONTENT of features.ts). */
export interface GoldText {
  doc: Doc;
  /** Per gold attribution, its fragments by role. */
  gold: TypedSpan[][];
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
    const gold = onePerToken(g.gold.flat());
    return { seqs, feats: seqs.map((q) => features(ctx, q, lab, bits)), gold: seqs.map((q) => goldLabels(q, gold)) };
  });
  return foldLabels(prepared, folds, epochs, bits, log).map((labels, i) => prepared[i]!.seqs.map((seq, j) => ({ block: seq.block, spans: spansOf(labels[j]!, seq) })));
}
