/**
 * Coreference scores for predicted mentions, as the reference scorer defines them (Pradhan, Luo, Recasens, Hovy,
 * Ng and Strube 2014, "Scoring Coreference Partitions of Predicted Mentions: A Reference Implementation", ACL):
 *
 * - mentions: identification P/R/F1 — a response mention is correct when the key has the same mention;
 * - MUC (Vilain et al. 1995), over links: recall = Σ_k (|k| − |p(k)|) / Σ_k (|k| − 1), where p(k) partitions key
 *   entity k by the response entities and each mention of k the response lacks is a part of its own; precision
 *   the same with key and response swapped;
 * - B³ (Bagga and Baldwin 1998): recall = Σ_k Σ_r |k ∩ r|² / |k| over Σ_k |k|, precision the same over Σ_r |r|.
 *   Twinless mentions (in one side only) add nothing to the numerators and count in the denominators — the
 *   paper's formulation, with no singletons or twins added as in earlier variants;
 * - CEAF-e (Luo 2005): the one-to-one entity alignment g* that maximizes Σ φ4(k, g(k)), φ4(k, r) = 2|k ∩ r| /
 *   (|k| + |r|), found by the Kuhn–Munkres (Hungarian) algorithm; recall = Φ(g*) / |key entities|, precision =
 *   Φ(g*) / |response entities|;
 * - CoNLL: the mean of the MUC, B³ and CEAF-e F1 (CoNLL-2011/2012).
 *
 * Over a corpus, numerators and denominators are summed over the documents before dividing (micro-average), as
 * the reference scorer does. Mentions are identified by strings (the caller aligns response mentions to key
 * mentions and gives an aligned pair the same identity); within one side a mention may be in one entity only.
 */

/** One side of a document: its entities as lists of mention identities. */
export type Partition = readonly (readonly string[])[];

/** Numerators and denominators of recall and precision. */
export interface Counts {
  recallNum: number;
  recallDen: number;
  precisionNum: number;
  precisionDen: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export const METRICS = ["mentions", "muc", "bcub", "ceafe"] as const;
export type Metric = (typeof METRICS)[number];

export interface CorefResult {
  documents: number;
  /** Key (gold) and response (system) mentions and entities. */
  key: { mentions: number; entities: number };
  response: { mentions: number; entities: number };
  mentions: Prf;
  muc: Prf;
  bcub: Prf;
  ceafe: Prf;
  /** Mean of the MUC, B³ and CEAF-e F1. */
  conll: number;
}

const empty = (): Counts => ({ recallNum: 0, recallDen: 0, precisionNum: 0, precisionDen: 0 });

/** P, R and F1 (0..1) from counts; 0 where a denominator is 0, as the reference scorer prints them. */
export function prf(c: Counts): Prf {
  const recall = c.recallDen > 0 ? c.recallNum / c.recallDen : 0;
  const precision = c.precisionDen > 0 ? c.precisionNum / c.precisionDen : 0;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Mention identity → index of its entity; throws on a mention listed twice (not a partition). */
function entityOf(p: Partition): Map<string, number> {
  const of = new Map<string, number>();
  p.forEach((e, i) => {
    for (const m of e) {
      if (of.has(m)) throw new Error(`coreference scorer: mention "${m}" is in two entities`);
      of.set(m, i);
    }
  });
  return of;
}

export function mentionCounts(key: Partition, response: Partition): Counts {
  const inKey = entityOf(key);
  const responseMentions = [...entityOf(response).keys()];
  const correct = responseMentions.filter((m) => inKey.has(m)).length;
  return { recallNum: correct, recallDen: inKey.size, precisionNum: correct, precisionDen: responseMentions.length };
}

/** MUC recall of `key` against `response`: Σ (|k| − |p(k)|) and Σ (|k| − 1). */
function mucSide(key: Partition, response: Partition): [number, number] {
  const of = entityOf(response);
  let num = 0, den = 0;
  for (const k of key) {
    const parts = new Set<number>();
    let twinless = 0;
    for (const m of k) {
      const r = of.get(m);
      if (r === undefined) twinless++;
      else parts.add(r);
    }
    num += k.length - (parts.size + twinless);
    den += k.length - 1;
  }
  return [num, den];
}

export function muc(key: Partition, response: Partition): Counts {
  const [recallNum, recallDen] = mucSide(key, response);
  const [precisionNum, precisionDen] = mucSide(response, key);
  return { recallNum, recallDen, precisionNum, precisionDen };
}

/** |a_i ∩ b_j| for every pair that shares a mention, as a sparse list. */
function overlaps(a: Partition, b: Partition): { i: number; j: number; n: number }[] {
  const of = entityOf(b);
  const out: { i: number; j: number; n: number }[] = [];
  a.forEach((e, i) => {
    const shared = new Map<number, number>();
    for (const m of e) {
      const j = of.get(m);
      if (j !== undefined) shared.set(j, (shared.get(j) ?? 0) + 1);
    }
    for (const [j, n] of shared) out.push({ i, j, n });
  });
  return out;
}

export function bcub(key: Partition, response: Partition): Counts {
  entityOf(key);
  const c = empty();
  for (const { i, j, n } of overlaps(key, response)) {
    c.recallNum += (n * n) / key[i]!.length;
    c.precisionNum += (n * n) / response[j]!.length;
  }
  c.recallDen = key.reduce((s, k) => s + k.length, 0);
  c.precisionDen = response.reduce((s, r) => s + r.length, 0);
  return c;
}

export function ceafe(key: Partition, response: Partition): Counts {
  entityOf(key);
  const weights = key.map(() => new Array<number>(response.length).fill(0));
  for (const { i, j, n } of overlaps(key, response)) weights[i]![j] = (2 * n) / (key[i]!.length + response[j]!.length);
  const assigned = maxAssignment(weights);
  let phi = 0;
  assigned.forEach((j, i) => {
    if (j >= 0) phi += weights[i]![j]!;
  });
  return { recallNum: phi, recallDen: key.length, precisionNum: phi, precisionDen: response.length };
}

/**
 * A maximum-weight assignment of rows to columns (each column to one row at most): for each row, its column, or
 * -1 when there are more rows than columns and it got none. Kuhn–Munkres with row and column potentials and
 * shortest augmenting paths, O(n² m) for n ≤ m rows (the matrix is transposed otherwise).
 */
export function maxAssignment(weights: readonly (readonly number[])[]): number[] {
  const rows = weights.length;
  const cols = rows === 0 ? 0 : weights[0]!.length;
  if (rows === 0 || cols === 0) return new Array<number>(rows).fill(-1);
  if (rows > cols) {
    const t = Array.from({ length: cols }, (_, j) => weights.map((r) => r[j]!));
    const byCol = maxAssignment(t);
    const out = new Array<number>(rows).fill(-1);
    byCol.forEach((i, j) => {
      if (i >= 0) out[i] = j;
    });
    return out;
  }
  // Minimize the cost −w. Columns are 1..cols, column 0 is the free root of the augmenting tree; rowOf[j] is the
  // row (1-based) assigned to column j, 0 for none.
  const rowPot = new Float64Array(rows + 1);
  const colPot = new Float64Array(cols + 1);
  const rowOf = new Int32Array(cols + 1);
  const prevCol = new Int32Array(cols + 1);
  for (let row = 1; row <= rows; row++) {
    rowOf[0] = row;
    const slack = new Float64Array(cols + 1).fill(Infinity);
    const inTree = new Uint8Array(cols + 1);
    let col = 0;
    while (rowOf[col] !== 0) {
      inTree[col] = 1;
      const r = rowOf[col]!;
      let delta = Infinity;
      let next = 0;
      for (let j = 1; j <= cols; j++) {
        if (inTree[j]) continue;
        const reduced = -weights[r - 1]![j - 1]! - rowPot[r]! - colPot[j]!;
        if (reduced < slack[j]!) {
          slack[j] = reduced;
          prevCol[j] = col;
        }
        if (slack[j]! < delta) {
          delta = slack[j]!;
          next = j;
        }
      }
      for (let j = 0; j <= cols; j++) {
        if (inTree[j]) {
          rowPot[rowOf[j]!]! += delta;
          colPot[j]! -= delta;
        } else slack[j]! -= delta;
      }
      col = next;
    }
    // Augment: shift the assignments back along the path to the root.
    while (col !== 0) {
      const p = prevCol[col]!;
      rowOf[col] = rowOf[p]!;
      col = p;
    }
  }
  const out = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= cols; j++) if (rowOf[j]! > 0) out[rowOf[j]! - 1] = j - 1;
  return out;
}

/** Sums the counts of documents and gives the corpus scores. */
export class CorefScorer {
  private documents = 0;
  private readonly sizes = { keyMentions: 0, keyEntities: 0, responseMentions: 0, responseEntities: 0 };
  private readonly counts: Record<Metric, Counts> = { mentions: empty(), muc: empty(), bcub: empty(), ceafe: empty() };

  /** Adds one document; returns its own counts. */
  add(key: Partition, response: Partition): Record<Metric, Counts> {
    this.documents++;
    this.sizes.keyMentions += key.reduce((s, k) => s + k.length, 0);
    this.sizes.keyEntities += key.length;
    this.sizes.responseMentions += response.reduce((s, r) => s + r.length, 0);
    this.sizes.responseEntities += response.length;
    const doc: Record<Metric, Counts> = { mentions: mentionCounts(key, response), muc: muc(key, response), bcub: bcub(key, response), ceafe: ceafe(key, response) };
    for (const m of METRICS) for (const f of Object.keys(doc[m]) as (keyof Counts)[]) this.counts[m][f] += doc[m][f];
    return doc;
  }

  result(): CorefResult {
    const s = this.sizes;
    const muc = prf(this.counts.muc), bcub = prf(this.counts.bcub), ceafe = prf(this.counts.ceafe);
    return {
      documents: this.documents,
      key: { mentions: s.keyMentions, entities: s.keyEntities },
      response: { mentions: s.responseMentions, entities: s.responseEntities },
      mentions: prf(this.counts.mentions),
      muc,
      bcub,
      ceafe,
      conll: (muc.f1 + bcub.f1 + ceafe.f1) / 3,
    };
  }
}
