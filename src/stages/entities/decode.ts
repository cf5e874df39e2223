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
 * `scoreEmissions` for the tagger's int16 weights, written out for the 21 labels: the sums stay in 21 integer
 * locals instead of 21 read-modify-writes of the output per feature, twice as fast (the emission sums are most of
 * the tagging time). Integer sums of at most SLOTS int16 values are exact in float32 (below 2^24), so the scores
 * are those of `scoreEmissions` to the bit.
 */
export function scoreEmissionsInt16(w: Int16Array, feats: Int32Array, slots: number, usedSlots: number, n: number, out: Float32Array): void {
  for (let i = 0; i < n; i++) {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0;
    let a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0, a16 = 0, a17 = 0, a18 = 0, a19 = 0, a20 = 0;
    const fb = i * slots;
    for (let s = 0; s < usedSlots; s++) {
      const f = feats[fb + s]!;
      if (f < 0) continue;
      a0 += w[f]!; a1 += w[f + 1]!; a2 += w[f + 2]!; a3 += w[f + 3]!; a4 += w[f + 4]!; a5 += w[f + 5]!; a6 += w[f + 6]!;
      a7 += w[f + 7]!; a8 += w[f + 8]!; a9 += w[f + 9]!; a10 += w[f + 10]!; a11 += w[f + 11]!; a12 += w[f + 12]!; a13 += w[f + 13]!;
      a14 += w[f + 14]!; a15 += w[f + 15]!; a16 += w[f + 16]!; a17 += w[f + 17]!; a18 += w[f + 18]!; a19 += w[f + 19]!; a20 += w[f + 20]!;
    }
    const o = i * NUM_LABELS;
    out[o] = a0; out[o + 1] = a1; out[o + 2] = a2; out[o + 3] = a3; out[o + 4] = a4; out[o + 5] = a5; out[o + 6] = a6;
    out[o + 7] = a7; out[o + 8] = a8; out[o + 9] = a9; out[o + 10] = a10; out[o + 11] = a11; out[o + 12] = a12; out[o + 13] = a13;
    out[o + 14] = a14; out[o + 15] = a15; out[o + 16] = a16; out[o + 17] = a17; out[o + 18] = a18; out[o + 19] = a19; out[o + 20] = a20;
  }
}
// scoreEmissionsInt16 is written for exactly this many labels.
if (NUM_LABELS !== 21) throw new Error("scoreEmissionsInt16 needs rewriting for the new label count");

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
