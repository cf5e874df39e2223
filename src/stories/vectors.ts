/** Sparse vectors as maps from a term to its weight. */
export type Vector = Map<string, number>;

export function norm(v: Vector): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

/** The dot product, walking the smaller vector. */
export function dot(x: Vector, y: Vector): number {
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let s = 0;
  for (const [k, a] of small) {
    const b = large.get(k);
    if (b !== undefined) s += a * b;
  }
  return s;
}

/** Adds `v` into `into`, in place. */
export function addInto(into: Vector, v: Vector): void {
  for (const [k, x] of v) into.set(k, (into.get(k) ?? 0) + x);
}

/** The `n` heaviest entries, ties broken by term, so a truncation is the same on every run. */
export function top(v: Vector, n: number): Array<[string, number]> {
  return [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, n);
}

/** Counts of each item. */
export function counts(items: Iterable<string>): Vector {
  const v: Vector = new Map();
  for (const t of items) v.set(t, (v.get(t) ?? 0) + 1);
  return v;
}
