import { END_MASK, scoreEmissions, START, TRANSITION_MASK, viterbi } from "../decode.js";
import { SLOTS } from "../features.js";
import { NUM_LABELS } from "../labels.js";

/** Training examples: per sentence its feature buckets (SLOTS per token) and gold BILOU labels. */
export interface Examples {
  feats: Int32Array[];
  gold: Uint8Array[];
}

export interface FloatStage {
  weights: Float32Array;
  trans: Float32Array;
  end: Float32Array;
}

/** Deterministic PRNG (mulberry32) for the per-epoch shuffle. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const K = NUM_LABELS;

/**
 * Structured averaged perceptron (Collins 2002) with Viterbi decoding. Averaging uses the lazy trick: keep
 * w and u = sum of (step * update); the average is w - u / step.
 */
export class PerceptronTrainer {
  readonly w: Float32Array;
  private readonly u: Float64Array;
  private readonly tw = new Float64Array((K + 1) * K);
  private readonly tu = new Float64Array((K + 1) * K);
  private readonly ew = new Float64Array(K);
  private readonly eu = new Float64Array(K);
  private step = 1;
  private emit = new Float32Array(0);
  private score = new Float32Array(0);
  private back = new Uint8Array(0);
  private trans = new Float32Array((K + 1) * K);
  private end = new Float32Array(K);

  constructor(bits: number, private readonly usedSlots: number) {
    this.w = new Float32Array((1 << bits) * K);
    this.u = new Float64Array((1 << bits) * K);
  }

  private ensure(n: number): void {
    if (this.emit.length >= n * K) return;
    this.emit = new Float32Array(n * K);
    this.score = new Float32Array(n * K);
    this.back = new Uint8Array(n * K);
  }

  epoch(ex: Examples, seed: number): number {
    const order = ex.feats.map((_, i) => i);
    const r = rng(seed);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    const pred = new Uint8Array(1024);
    for (const s of order) {
      const feats = ex.feats[s]!;
      const gold = ex.gold[s]!;
      const n = gold.length;
      if (n === 0) continue;
      this.ensure(n);
      for (let i = 0; i < this.trans.length; i++) this.trans[i] = this.tw[i]! + TRANSITION_MASK[i]!;
      for (let i = 0; i < K; i++) this.end[i] = this.ew[i]! + END_MASK[i]!;
      scoreEmissions(this.w, feats, SLOTS, this.usedSlots, n, this.emit);
      const p = n <= pred.length ? pred : new Uint8Array(n);
      viterbi(this.emit, n, this.trans, this.end, this.back, this.score, p);
      let wrong = false;
      for (let i = 0; i < n; i++) if (p[i] !== gold[i]) wrong = true;
      if (wrong) {
        errors++;
        this.update(feats, gold, p, n);
      }
      this.step++;
    }
    return errors;
  }

  private update(feats: Int32Array, gold: Uint8Array, pred: Uint8Array, n: number): void {
    const c = this.step;
    for (let i = 0; i < n; i++) {
      const g = gold[i]!, p = pred[i]!;
      const gp = i === 0 ? START : gold[i - 1]!;
      const pp = i === 0 ? START : pred[i - 1]!;
      if (g !== p || gp !== pp) {
        this.tw[gp * K + g]! += 1;
        this.tu[gp * K + g]! += c;
        this.tw[pp * K + p]! -= 1;
        this.tu[pp * K + p]! -= c;
      }
      if (g === p) continue;
      const fb = i * SLOTS;
      for (let s = 0; s < this.usedSlots; s++) {
        const f = feats[fb + s]!;
        if (f < 0) continue;
        this.w[f + g]! += 1;
        this.u[f + g]! += c;
        this.w[f + p]! -= 1;
        this.u[f + p]! -= c;
      }
    }
    const g = gold[n - 1]!, p = pred[n - 1]!;
    if (g !== p) {
      this.ew[g]! += 1;
      this.eu[g]! += c;
      this.ew[p]! -= 1;
      this.eu[p]! -= c;
    }
  }

  /** Averaged weights (transitions without the mask). */
  averaged(): FloatStage {
    const c = this.step;
    const weights = new Float32Array(this.w.length);
    for (let i = 0; i < weights.length; i++) weights[i] = this.w[i]! - this.u[i]! / c;
    const trans = new Float32Array(this.tw.length);
    for (let i = 0; i < trans.length; i++) trans[i] = this.tw[i]! - this.tu[i]! / c;
    const end = new Float32Array(K);
    for (let i = 0; i < K; i++) end[i] = this.ew[i]! - this.eu[i]! / c;
    return { weights, trans, end };
  }
}

/** Decodes every sentence with float weights (used during training for dev scores and jackknifing). */
export function decodeAll(stage: FloatStage, feats: readonly Int32Array[], lengths: readonly number[], usedSlots: number): Uint8Array[] {
  const trans = new Float32Array(stage.trans.length);
  for (let i = 0; i < trans.length; i++) trans[i] = stage.trans[i]! + TRANSITION_MASK[i]!;
  const end = new Float32Array(K);
  for (let i = 0; i < K; i++) end[i] = stage.end[i]! + END_MASK[i]!;
  let max = 1;
  for (const n of lengths) max = Math.max(max, n);
  const emit = new Float32Array(max * K), score = new Float32Array(max * K), back = new Uint8Array(max * K);
  return feats.map((f, s) => {
    const n = lengths[s]!;
    const out = new Uint8Array(n);
    if (n === 0) return out;
    scoreEmissions(stage.weights, f, SLOTS, usedSlots, n, emit);
    viterbi(emit, n, trans, end, back, score, out);
    return out;
  });
}
