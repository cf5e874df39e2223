import { B, I, L, NUM_LABELS, partOf, typeOf, U } from "./labels.js";

/** Row index of the start state in a transition matrix (end scores are a separate array). */
export const START = NUM_LABELS;

/** BILOU well-formedness: which label may follow which (and which may start or end a sentence). */
function allowed(prev: number, next: number): boolean {
  const pp = prev === START ? 0 : partOf(prev);
  const np = partOf(next);
  if (pp === B || pp === I) return (np === I || np === L) && typeOf(prev) === typeOf(next);
  return np === 0 || np === B || np === U;
}

/** 0 where a transition is allowed, -Infinity where not: added to the learnt transition scores. */
export const TRANSITION_MASK: Float32Array = (() => {
  const m = new Float32Array((NUM_LABELS + 1) * NUM_LABELS);
  for (let p = 0; p <= NUM_LABELS; p++)
    for (let n = 0; n < NUM_LABELS; n++) m[p * NUM_LABELS + n] = allowed(p, n) ? 0 : -Infinity;
  return m;
})();

export const END_MASK: Float32Array = (() => {
  const m = new Float32Array(NUM_LABELS);
  for (let l = 0; l < NUM_LABELS; l++) {
    const p = partOf(l);
    m[l] = p === B || p === I ? -Infinity : 0;
  }
  return m;
})();

/** Emission scores: for each token, the sum over its feature buckets of the label weights. */
export function scoreEmissions(weights: Float32Array | Int16Array, feats: Int32Array, slots: number, usedSlots: number, n: number, out: Float32Array): void {
  out.fill(0, 0, n * NUM_LABELS);
  for (let i = 0; i < n; i++) {
    const o = i * NUM_LABELS;
    const fb = i * slots;
    for (let s = 0; s < usedSlots; s++) {
      const f = feats[fb + s]!;
      if (f < 0) continue;
      for (let l = 0; l < NUM_LABELS; l++) out[o + l]! += weights[f + l]!;
    }
  }
}

/**
 * For each label, the labels that may precede it (BILOU: I and L only after B or I of their type), as offsets into
 * one array: Viterbi looks at these only, about a third of all label pairs.
 */
const PREV_FROM = new Int32Array(NUM_LABELS + 1);
const PREV: Int32Array = (() => {
  const list: number[] = [];
  for (let l = 0; l < NUM_LABELS; l++) {
    PREV_FROM[l] = list.length;
    for (let p = 0; p < NUM_LABELS; p++) if (allowed(p, l)) list.push(p);
  }
  PREV_FROM[NUM_LABELS] = list.length;
  return Int32Array.from(list);
})();

/**
 * Viterbi over first-order transitions. `trans` is (NUM_LABELS + 1) x NUM_LABELS (last row: start), already
 * including TRANSITION_MASK, `end` likewise. Linear in sentence length; workspace arrays are reused by the caller.
 */
export function viterbi(emit: Float32Array, n: number, trans: Float32Array, end: Float32Array, back: Uint8Array, score: Float32Array, out: Uint8Array): void {
  if (n === 0) return;
  const K = NUM_LABELS;
  for (let l = 0; l < K; l++) score[l] = trans[START * K + l]! + emit[l]!;
  for (let i = 1; i < n; i++) {
    const po = (i - 1) * K;
    const o = i * K;
    for (let l = 0; l < K; l++) {
      let best = -Infinity;
      let arg = 0;
      for (let j = PREV_FROM[l]!, to = PREV_FROM[l + 1]!; j < to; j++) {
        const p = PREV[j]!;
        const v = score[po + p]! + trans[p * K + l]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      score[o + l] = best + emit[o + l]!;
      back[o + l] = arg;
    }
  }
  const lo = (n - 1) * K;
  let best = -Infinity;
  let arg = 0;
  for (let l = 0; l < K; l++) {
    const v = score[lo + l]! + end[l]!;
    if (v > best) {
      best = v;
      arg = l;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * K + out[i]!]!;
}
