/**
 * The merge decision learned instead of tuned: a logistic regression over the clusterer's own score inputs (the
 * four sub-vector cosines and the year conflict, cluster.ts `addAs`) on pairs of an article and each candidate story
 * built from the gold stories before it (positive when it is the article's own story). The score is linear in those
 * inputs, so the model is the clusterer's options: its coefficients are the weights and the year penalty, its bias
 * the threshold, all divided by the sum of the cosine weights so that the time term keeps its scale. The pairs are
 * many more than the topics a grid's B³ is measured on, which is why the fit holds better on other topics
 * (docs/stories.md). The L2 strength is chosen by a two-fold split of the training topics themselves; the penalty
 * against a one-article story, which the pairs cannot fix, by B³ on them after the fit (`chooseSingleton`).
 */
import { CLUSTER_DEFAULTS, StoryClusterer, type ClusterOptions } from "../cluster.js";
import { clusterItems, scoreItems, type EcbItem } from "./ecb.js";
import { halves, type Chooser } from "./tune.js";

export interface Pair {
  features: number[];
  /** 1 when the candidate story is the article's gold story. */
  same: 0 | 1;
}

/** The items added to their gold stories in order, each article's features against every candidate story before it. */
export function goldPairs(items: readonly EcbItem[]): Pair[] {
  const clusterer = new StoryClusterer(CLUSTER_DEFAULTS);
  return items.flatMap((it) => clusterer.addAs(it.doc, it.subtopic).map((c): Pair => ({ features: c.features, same: c.story === it.subtopic ? 1 : 0 })));
}

export interface Logistic {
  weights: number[];
  bias: number;
}

/**
 * L2-regularized logistic regression by full-batch gradient descent (deterministic), the classes weighed equally:
 * an article has one gold story and usually more other candidates.
 */
export function fitLogistic(pairs: readonly Pair[], l2: number, iterations = 3000, rate = 0.5): Logistic {
  const dim = pairs[0]?.features.length ?? 0;
  const positives = pairs.filter((p) => p.same === 1).length;
  const classWeight = [pairs.length / (2 * Math.max(1, pairs.length - positives)), pairs.length / (2 * Math.max(1, positives))];
  const weights = new Array<number>(dim).fill(0);
  let bias = 0;
  const grad = new Array<number>(dim);
  for (let t = 0; t < iterations && pairs.length > 0; t++) {
    grad.fill(0);
    let gradBias = 0;
    for (const p of pairs) {
      let z = bias;
      for (let i = 0; i < dim; i++) z += weights[i]! * p.features[i]!;
      const err = (1 / (1 + Math.exp(-z)) - p.same) * classWeight[p.same]!;
      for (let i = 0; i < dim; i++) grad[i]! += err * p.features[i]!;
      gradBias += err;
    }
    for (let i = 0; i < dim; i++) weights[i]! -= rate * (grad[i]! / pairs.length + l2 * weights[i]!);
    bias -= (rate * gradBias) / pairs.length;
  }
  return { weights, bias };
}

/** The model as clusterer options: joins where the model's probability reaches one half. */
export function optionsOf(model: Logistic, base: ClusterOptions = CLUSTER_DEFAULTS): ClusterOptions {
  const [body = 0, title = 0, entities = 0, dates = 0, year = 0] = model.weights;
  const sum = body + title + entities + dates;
  const r = (x: number) => Math.round((x / sum) * 1000) / 1000;
  return { ...base, weights: { body: r(body), title: r(title), entities: r(entities), dates: r(dates) }, yearConflict: r(-year), threshold: r(-model.bias) };
}

/** The L2 strengths tried. */
export const L2 = [0.001, 0.003, 0.01, 0.03, 0.1];

/** The defaults without the one-article penalty: what the L2 strength is chosen with, before that penalty is. */
const UNPENALIZED: ClusterOptions = { ...CLUSTER_DEFAULTS, singleton: 0 };

const f1Of = (items: readonly EcbItem[], options: ClusterOptions) => scoreItems(items, clusterItems(items, options)).subtopics.bcubed.f1;

/** The L2 strength whose models, fitted on one half of the topics, score the best B³ F1 on the other (summed both ways). */
export function chooseL2(items: readonly EcbItem[]): number {
  const [a, b] = halves(items);
  let best = { l2: L2[0]!, f1: -Infinity };
  for (const l2 of L2) {
    let f1 = 0;
    for (const [fit, held] of [[a, b], [b, a]] as const) f1 += f1Of(held, optionsOf(fitLogistic(goldPairs(fit), l2), UNPENALIZED));
    if (f1 > best.f1) best = { l2, f1 };
  }
  return best.l2;
}

/** The one-article penalties tried (cluster.ts `singleton`). */
export const SINGLETONS = [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08];

/**
 * The one-article penalty with the best B³ F1 on these topics, the rest of the options fixed (the least on a tie).
 * Chosen by B³, not by the pair fit: the fit weighs every pair alike, and against a one-article story right joins
 * score lower too, so it lowers that story's bar (docs/stories.md, 2026-12-03); what B³ sees is that a wrong first
 * join merges two events for good. One number over the topics' decisions, so it overfits little (cross-validated).
 */
export function chooseSingleton(items: readonly EcbItem[], options: ClusterOptions): number {
  let best = { singleton: SINGLETONS[0]!, f1: -Infinity };
  for (const singleton of SINGLETONS) {
    const f1 = f1Of(items, { ...options, singleton });
    if (f1 > best.f1) best = { singleton, f1 };
  }
  return best.singleton;
}

/** The learned options on these topics (L2 chosen on them, then the one-article penalty), and their score there (a fit). */
export const learn: Chooser = (items) => {
  const fitted = optionsOf(fitLogistic(goldPairs(items), chooseL2(items)), UNPENALIZED);
  const options = { ...fitted, singleton: chooseSingleton(items, fitted) };
  return { options, score: scoreItems(items, clusterItems(items, options)) };
};
