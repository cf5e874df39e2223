/**
 * Near-duplicates in memory: exact copies by their word hash first, then MinHash + LSH candidates confirmed by their
 * estimated similarity. A re-post is linked to the earliest article it matches.
 */
import { bandKeys, exactKeyWords, MINHASH_DEFAULTS, minhashWords, signatureSimilarity, type MinHashOptions } from "./minhash.js";
import { words } from "./words.js";

export interface DuplicateOptions extends MinHashOptions {
  /** The least estimated Jaccard similarity of shingles for a near-duplicate. */
  minSimilarity: number;
}

/**
 * 0.5: on the BBC corpus every re-post with one light edit scores at least 0.5 (with all four edits at once, 99.5%
 * do), and every pair of distinct originals linked at 0.5 is a revised version of one article (exact shingle
 * Jaccard 0.60 or more); docs/stories.md has the figures.
 */
export const DUPLICATE_DEFAULTS: DuplicateOptions = { ...MINHASH_DEFAULTS, minSimilarity: 0.5 };

export interface DuplicateMatch {
  /** The earliest matching article. */
  of: string;
  /** 1 for an exact copy, else the estimated Jaccard similarity. */
  similarity: number;
  exact: boolean;
}

/** A text's fingerprints, computed once: both what finds its copies and what is kept to find copies of it. */
export interface Fingerprint {
  exact: string;
  signature: Uint32Array;
  bands: number[];
}

export function fingerprint(text: string, options: MinHashOptions = DUPLICATE_DEFAULTS): Fingerprint {
  const w = words(text); // once, for both keys
  const signature = minhashWords(w, options);
  return { exact: exactKeyWords(w), signature, bands: bandKeys(signature, options) };
}

/**
 * The best match among candidates: an exact copy first, else the earliest candidate at or above the threshold.
 * Candidates are given earliest first.
 */
export function pickDuplicate(
  fp: Fingerprint,
  candidates: ReadonlyArray<{ id: string; fingerprint: Pick<Fingerprint, "exact" | "signature"> }>,
  minSimilarity: number,
): DuplicateMatch | null {
  for (const c of candidates) if (c.fingerprint.exact === fp.exact) return { of: c.id, similarity: 1, exact: true };
  for (const c of candidates) {
    const similarity = signatureSimilarity(fp.signature, c.fingerprint.signature);
    if (similarity >= minSimilarity) return { of: c.id, similarity, exact: false };
  }
  return null;
}

export class DuplicateIndex {
  private readonly exact = new Map<string, number>();
  private readonly bands = new Map<number, number[]>();
  private readonly items: { id: string; fingerprint: Fingerprint }[] = [];

  constructor(readonly options: DuplicateOptions = DUPLICATE_DEFAULTS) {}

  /** Finds the earliest article the text repeats, then indexes it (under `id`, in arrival order). */
  add(id: string, text: string): DuplicateMatch | null {
    const fp = fingerprint(text, this.options);
    const match = this.match(fp);
    const n = this.items.length;
    this.items.push({ id, fingerprint: fp });
    if (!this.exact.has(fp.exact)) this.exact.set(fp.exact, n);
    fp.bands.forEach((key) => {
      const list = this.bands.get(key);
      if (list) list.push(n);
      else this.bands.set(key, [n]);
    });
    return match;
  }

  private match(fp: Fingerprint): DuplicateMatch | null {
    const e = this.exact.get(fp.exact);
    if (e !== undefined) return { of: this.items[e]!.id, similarity: 1, exact: true };
    const seen = new Set<number>();
    for (const key of fp.bands) for (const n of this.bands.get(key) ?? []) seen.add(n);
    const candidates = [...seen].sort((x, y) => x - y).map((n) => this.items[n]!);
    return pickDuplicate(fp, candidates, this.options.minSimilarity);
  }
}
