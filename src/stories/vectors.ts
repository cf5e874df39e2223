/**
 * Sparse vectors over interned term ids. The clusterer compares each article with many stories: a story's centroid
 * is kept packed (typed arrays of slots and weights) and the article scattered once into a dense scratch array, so a
 * comparison is a loop over numbers, with no string hashing.
 */

/** A sparse vector: term id (or slot) → weight. */
export type Vector = Map<number, number>;

/** A centroid sub-vector packed for dot products against the scratch array. */
export interface Packed {
  /** Scratch slots of its terms. */
  slots: Int32Array;
  weights: Float64Array;
  norm: number;
}

export const EMPTY_PACKED: Packed = { slots: new Int32Array(0), weights: new Float64Array(0), norm: 0 };

export function norm(v: Vector): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

/** Adds `v` into `into`, in place. */
export function addInto(into: Vector, v: Vector): void {
  for (const [k, x] of v) into.set(k, (into.get(k) ?? 0) + x);
}

/** The vector packed, each term id mapped to its scratch slot. */
export function pack(v: Vector, slot: (id: number) => number): Packed {
  const slots = new Int32Array(v.size);
  const weights = new Float64Array(v.size);
  let i = 0;
  for (const [id, w] of v) {
    slots[i] = slot(id);
    weights[i++] = w;
  }
  return { slots, weights, norm: norm(v) };
}

/** The dot product of a packed vector with the dense scratch array. */
export function dotDense(p: Packed, dense: Float64Array): number {
  const { slots, weights } = p;
  let s = 0;
  for (let i = 0; i < slots.length; i++) s += dense[slots[i]!]! * weights[i]!;
  return s;
}

/** The `n` heaviest entries, ties broken by the terms' names, so a truncation is the same on every run. */
export function top(v: Vector, n: number, name: (id: number) => string): Array<[number, number]> {
  return [...v].sort((a, b) => b[1] - a[1] || compare(name(a[0]), name(b[0]))).slice(0, n);
}

export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
