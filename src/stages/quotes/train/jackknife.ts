/**
 * The tagger's spans on PolNeAR train texts it was not trained on, for training the content-boundary model
 * (content.ts): the texts split into K folds (text i in fold i mod K), a tagger trained on the other folds tags each
 * fold. The content model must learn how far to trust the tagger's edges on unseen text; on its own training texts
 * the tagger is nearly always right, so its in-sample spans would teach the content model to copy them.
 * The folds are common.ts `foldLabels`, shared with the second stage's training (train/stack.ts); the second stage's
 * jackknife (round 10) is common.ts `stage2FoldLabels` over the same folds. Deterministic.
 */
import type { TypedSpan } from "../../entities/labels.js";
import { findAttributions, buildContext, type QuoteContext } from "../attribute.js";
import { features, ruleLabels, sequences } from "../features.js";
import { goldLabels, spansOf } from "../model.js";
import { foldLabels, onePerToken, stage2FoldLabels } from "./common.js";
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

/**
 * Per text, the spans of a tagger trained on the other folds. With `stage2Epochs` > 0, the tagger is the stage's two
 * stages (as the stage runs with models/quotes2.bin.gz): the first stage's jackknifed labels relabelled by a second
 * stage trained, `stage2Epochs` epochs, on the other folds' (common.ts `stage2FoldLabels`).
 */
export function jackknife(texts: readonly GoldText[], folds: number, epochs: number, bits: number, log: (s: string) => void, stage2Epochs = 0): TaggedBlock[][] {
  const prepared = texts.map((g) => {
    const { ctx, rules } = rulesContext(g.doc);
    const lab = ruleLabels(ctx, rules);
    const seqs = sequences(ctx);
    const gold = onePerToken(g.gold.flat());
    return { ctx, rules: lab, seqs, feats: seqs.map((q) => features(ctx, q, lab, bits)), gold: seqs.map((q) => goldLabels(q, gold)) };
  });
  const labels1 = foldLabels(prepared, folds, epochs, bits, log);
  const labels = stage2Epochs > 0 ? stage2FoldLabels(prepared, labels1, folds, stage2Epochs, bits, log) : labels1;
  return labels.map((l, i) => prepared[i]!.seqs.map((seq, j) => ({ block: seq.block, spans: spansOf(l[j]!, seq) })));
}
