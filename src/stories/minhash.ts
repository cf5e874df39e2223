/**
 * MinHash signatures over word shingles and their LSH band keys (Broder 1997; Leskovec, Rajaraman & Ullman, Mining of
 * Massive Datasets, ch. 3): two texts' signatures agree in a share of positions that estimates the Jaccard
 * similarity of their shingle sets, and two texts share a band key when a whole band of positions agrees, which is
 * likely above the band threshold, (1/bands)^(1/rows), and unlikely below it.
 */
import { createHash } from "node:crypto";
import { fnv1a, mix } from "./hash.js";
import { words } from "./words.js";

export interface MinHashOptions {
  /** Words per shingle. 3: one changed word touches 3 shingles; a sentence of 20 words, about 22. */
  shingle: number;
  /** Signature length: bands × rows. */
  bands: number;
  rows: number;
}

/** 32 bands of 4 rows: a pair at Jaccard 0.7 shares a band with probability 0.9996, one at 0.3 with 0.23. */
export const MINHASH_DEFAULTS: MinHashOptions = { shingle: 3, bands: 32, rows: 4 };

/** The seeds of the hash functions, drawn once from a fixed seed: signatures are stable across runs and machines. */
function seeds(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = mix(i, 0x9e3779b9);
  return out;
}

const SEEDS = new Map<number, Uint32Array>();

/** The MinHash signature of a text's word shingles (a text shorter than one shingle is one shingle). */
export function minhash(text: string, options: MinHashOptions = MINHASH_DEFAULTS): Uint32Array {
  return minhashWords(words(text), options);
}

/** The same over the text's words, when the caller has them already. */
export function minhashWords(w: readonly string[], options: MinHashOptions = MINHASH_DEFAULTS): Uint32Array {
  const n = options.bands * options.rows;
  let seed = SEEDS.get(n);
  if (!seed) SEEDS.set(n, (seed = seeds(n)));
  const sig = new Uint32Array(n).fill(0xffffffff);
  const k = Math.min(options.shingle, Math.max(1, w.length));
  // Each word hashed once; a shingle's hash combines its words' hashes, so a shingle costs k mixes, not its characters.
  const wh = w.map((x) => fnv1a(x));
  for (let i = 0; i + k <= Math.max(k, wh.length); i++) {
    let x = 0x2545f491;
    for (let j = 0; j < k; j++) x = mix(x, wh[i + j] ?? 0);
    for (let h = 0; h < n; h++) {
      // Each function a bijection of the (already mixed) shingle hash: xor with its seed, an odd multiply, an
      // xor-shift. A plain a·x + b mod 2^32 made unrelated articles agree on whole signatures; a full mix per
      // function is right but costs twice this.
      let v = Math.imul(x ^ seed[h]!, 0x9e3779b1);
      v = (v ^ (v >>> 15)) >>> 0;
      if (v < sig[h]!) sig[h] = v;
    }
  }
  return sig;
}

/** The estimated Jaccard similarity: the share of positions where two signatures agree. */
export function signatureSimilarity(x: Uint32Array, y: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === y[i]) same++;
  return same / x.length;
}

/** One key per band, the band's number mixed in, so equal keys mean the same band agreed. Signed 32-bit (SQL integer). */
export function bandKeys(sig: Uint32Array, options: MinHashOptions = MINHASH_DEFAULTS): number[] {
  const keys: number[] = [];
  for (let band = 0; band < options.bands; band++) {
    let h = mix(0x51ed270b, band);
    for (let r = 0; r < options.rows; r++) h = mix(h, sig[band * options.rows + r]!);
    keys.push(h | 0);
  }
  return keys;
}

/**
 * The key of an exact copy: the text's words, in order, lower-cased, hashed. Re-wrapping, punctuation and case do
 * not change it; any changed word does.
 */
export function exactKey(text: string): string {
  return exactKeyWords(words(text));
}

export function exactKeyWords(w: readonly string[]): string {
  return createHash("sha1").update(w.join(" ")).digest("base64");
}
