import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { tokenize } from "../../text/tokenize.js";
import type { ConllDoc } from "../../../corpora/conll.js";
import { normalizeWord } from "../features.js";
import { finish, hashStart, hashString } from "../hash.js";
import { HashTable } from "../hash-table.js";
import { rng } from "./perceptron.js";

/**
 * Builds the word lexicon from unlabeled text at training time: for each word, how often it is written with a
 * capital letter away from the start of a sentence (a "case ratio": "later" almost never is, "Putin" always is),
 * and a distributional cluster path, bisecting k-means over PPMI context vectors, used like Brown cluster
 * bit strings. Text: BBC, PolNeAR and ECB+ articles and the CoNLL training tokens (all under ../shared/data).
 * It also counts, for each capitalized word, the contexts that mark a company ("X Inc", "X's shares", "shares of
 * X", "spokesman for X") or a person ("Mr X", "X, 54,", "X's wife"): the kind of name a word is, learnt from
 * text rather than listed (see `nameCue`).
 * Value layout: bits 0-15 cluster path, 16-20 path depth, 21-23 case bucket (0 = too rare to say), 24-25 cue
 * bucket (0 none, 1 company, 2 person, 3 both).
 */

const VOCAB = 25000;
const CONTEXTS = 400;
const MAX_DEPTH = 14;
const MIN_COUNT = 3;

function listFiles(dir: string, suffix: string): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const name of names) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, suffix));
    else if (name.endsWith(suffix)) out.push(p);
  }
  return out;
}

/** Sentences of tokens from raw text: one line is one or more sentences, split after . ! ? */
function textSentences(text: string, out: string[][]): void {
  for (const line of text.split("\n")) {
    let cur: string[] = [];
    for (const token of tokenize(line)) {
      // A run of "!" and "?" is one token since 2748b2b ("?!"); here each mark is a token that ends a sentence,
      // as the tokenizer gave them when models/ner.bin.gz was trained, so the lexicon is built from the same text.
      for (const t of /^[!?]{2,}$/.test(token) ? [...token] : [token]) {
        cur.push(normalizeWord(t));
        if (t === "." || t === "!" || t === "?") {
          out.push(cur);
          cur = [];
        }
      }
    }
    if (cur.length > 0) out.push(cur);
  }
}

function ecbSentences(xml: string, out: string[][]): void {
  let cur: string[] = [];
  let sent = "";
  for (const m of xml.matchAll(/<token [^>]*sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
    if (m[1] !== sent && cur.length > 0) {
      out.push(cur);
      cur = [];
    }
    sent = m[1]!;
    cur.push(normalizeWord(m[2]!.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&apos;/g, "'")));
  }
  if (cur.length > 0) out.push(cur);
}

export function unlabeledSentences(data: string, train: ConllDoc[]): string[][] {
  const out: string[][] = [];
  for (const f of listFiles(join(data, "corpora/bbc"), ".txt")) if (!/README/i.test(f)) textSentences(readFileSync(f, "utf8"), out);
  for (const f of listFiles(join(data, "quotes/polnear"), ".txt")) if (f.includes("/text/")) textSentences(readFileSync(f, "utf8"), out);
  for (const f of listFiles(join(data, "stories/ecbplus-dev"), ".xml")) ecbSentences(readFileSync(f, "utf8"), out);
  for (const d of train) for (const s of d.sentences) out.push(s.words.map(normalizeWord));
  return out;
}

export function lexiconKey(lower: string): number {
  return finish(hashString(hashStart(0x9e37), lower));
}

function isCapitalized(w: string): boolean {
  const c = w[0]!;
  return c.toLowerCase() !== c;
}

/** Words after a company name ("Boeing Co", "Boeing 's shares"), after its possessive, and before it. */
const COMPANY_NEXT = new Set(["inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "plc", "llc", "co", "co.", "ag", "shares", "stock", "spokesman", "spokeswoman", "spokesperson"]);
const COMPANY_AFTER_POSSESSIVE = new Set([
  "shares", "stock", "share", "chief", "ceo", "chairman", "board", "subsidiary", "products", "profit", "profits",
  "sales", "revenue", "revenues", "earnings", "shareholders", "headquarters", "factory", "factories", "plant",
  "plants", "stores", "customers", "brand", "executives", "employees", "workers", "unit", "division", "stake",
]);
const COMPANY_BEFORE = new Set(["of", "for", "at"]);
const COMPANY_BEFORE_PHRASE = new Set(["shares", "spokesman", "spokeswoman", "spokesperson", "employees", "executives", "stake", "chairman"]);
/** Words before a personal name, and kin words after its possessive. */
const PERSON_PREV = new Set(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lady", "lord"]);
const PERSON_AFTER_POSSESSIVE = new Set([
  "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister", "family", "children", "parents",
  "girlfriend", "boyfriend", "widow", "lawyer", "lawyers", "career", "death", "birth", "body", "life",
]);

/**
 * Company (1) or person (2) cue around the capitalized word at i, else 0. Company: "X Inc", "X shares", "X 's
 * shares/chief executive/profits", "shares of X", "spokesman for X". Person: "Mr X", "X , 54 ,", "X 's wife".
 */
export function nameCue(s: readonly string[], i: number): number {
  const lower = (k: number): string => (k >= 0 && k < s.length ? s[k]!.toLowerCase() : "");
  const next = lower(i + 1);
  const prev = lower(i - 1);
  if (PERSON_PREV.has(prev)) return 2;
  if (next === "," && /^\d{2}$/.test(s[i + 2] ?? "") && (s[i + 3] === "," || s[i + 3] === ")")) return 2;
  if (next === "'s" || next === "'") {
    const after = lower(i + 2);
    if (COMPANY_AFTER_POSSESSIVE.has(after)) return 1;
    if (PERSON_AFTER_POSSESSIVE.has(after)) return 2;
  }
  if (COMPANY_NEXT.has(next)) return 1;
  if (COMPANY_BEFORE.has(prev) && COMPANY_BEFORE_PHRASE.has(lower(i - 2))) return 1;
  return 0;
}

function cueBucket(company: number, person: number): number {
  if (company + person === 0) return 0;
  if (company >= 4 * person) return 1;
  if (person >= 4 * company) return 2;
  return 3;
}

function caseBucket(low: number, cap: number): number {
  const total = low + cap;
  if (total < 2) return 0;
  const r = cap / total;
  return r < 0.05 ? 1 : r < 0.5 ? 2 : r < 0.95 ? 3 : 4;
}

export function buildLexicon(sentences: string[][]): HashTable {
  const freq = new Map<string, number>();
  const low = new Map<string, number>();
  const capMid = new Map<string, number>();
  const companyCues = new Map<string, number>();
  const personCues = new Map<string, number>();
  for (const s of sentences) {
    let allCaps = true;
    for (const w of s) if (w.toUpperCase() !== w) allCaps = false;
    for (let i = 0; i < s.length; i++) {
      const w = s[i]!;
      const lw = w.toLowerCase();
      freq.set(lw, (freq.get(lw) ?? 0) + 1);
      if (allCaps || lw === w.toUpperCase()) continue;
      if (w !== lw) {
        const cue = nameCue(s, i);
        if (cue === 1) companyCues.set(lw, (companyCues.get(lw) ?? 0) + 1);
        else if (cue === 2) personCues.set(lw, (personCues.get(lw) ?? 0) + 1);
      }
      if (w === lw) low.set(lw, (low.get(lw) ?? 0) + 1);
      else if (i > 0 && isCapitalized(w) && !/^["'(`]/.test(s[i - 1]!) && s[i - 1] !== ":") capMid.set(lw, (capMid.get(lw) ?? 0) + 1);
    }
  }
  const paths = clusterPaths(sentences, freq);
  const table = HashTable.forEntries(freq.size);
  for (const lw of freq.keys()) {
    const cb = caseBucket(low.get(lw) ?? 0, capMid.get(lw) ?? 0);
    const p = paths.get(lw);
    const cue = cueBucket(companyCues.get(lw) ?? 0, personCues.get(lw) ?? 0);
    const value = (cue << 24) | (cb << 21) | (p ? (p.depth << 16) | p.path : 0);
    if (value !== 0) table.set(lexiconKey(lw), value);
  }
  return table;
}

/** Bisecting spherical 2-means over PPMI vectors of left and right neighbours; the split decisions form a bit path. */
function clusterPaths(sentences: string[][], freq: Map<string, number>): Map<string, { path: number; depth: number }> {
  const ranked = [...freq.entries()].filter(([, c]) => c >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = ranked.slice(0, VOCAB).map(([w]) => w);
  const index = new Map(vocab.map((w, i) => [w, i]));
  const V = vocab.length;
  const D = 2 * CONTEXTS;
  const m = new Float32Array(V * D);
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const wi = index.get(s[i]!.toLowerCase());
      if (wi === undefined) continue;
      const left = i > 0 ? index.get(s[i - 1]!.toLowerCase()) : undefined;
      const right = i + 1 < s.length ? index.get(s[i + 1]!.toLowerCase()) : undefined;
      if (left !== undefined && left < CONTEXTS) m[wi * D + left]! += 1;
      if (right !== undefined && right < CONTEXTS) m[wi * D + CONTEXTS + right]! += 1;
    }
  }
  // PPMI, then unit length rows.
  const rowSum = new Float64Array(V), colSum = new Float64Array(D);
  let total = 0;
  for (let w = 0; w < V; w++) for (let c = 0; c < D; c++) {
    const x = m[w * D + c]!;
    rowSum[w]! += x;
    colSum[c]! += x;
    total += x;
  }
  for (let w = 0; w < V; w++) {
    let norm = 0;
    for (let c = 0; c < D; c++) {
      const x = m[w * D + c]!;
      const v = x > 0 ? Math.max(0, Math.log((x * total) / (rowSum[w]! * colSum[c]!))) : 0;
      m[w * D + c] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (let c = 0; c < D; c++) m[w * D + c]! /= norm;
  }
  const path = new Uint32Array(V);
  const depth = new Uint8Array(V);
  const random = rng(7);
  const split = (members: Int32Array, level: number): void => {
    if (level >= MAX_DEPTH || members.length < 4) return;
    const c0 = new Float32Array(D), c1 = new Float32Array(D);
    c0.set(m.subarray(members[0]! * D, members[0]! * D + D));
    const second = members[1 + Math.floor(random() * (members.length - 1))]!;
    c1.set(m.subarray(second * D, second * D + D));
    const side = new Uint8Array(members.length);
    for (let iter = 0; iter < 6; iter++) {
      for (let k = 0; k < members.length; k++) {
        const o = members[k]! * D;
        let d0 = 0, d1 = 0;
        for (let c = 0; c < D; c++) {
          d0 += m[o + c]! * c0[c]!;
          d1 += m[o + c]! * c1[c]!;
        }
        side[k] = d1 > d0 ? 1 : 0;
      }
      c0.fill(0);
      c1.fill(0);
      for (let k = 0; k < members.length; k++) {
        const o = members[k]! * D;
        const target = side[k] ? c1 : c0;
        for (let c = 0; c < D; c++) target[c]! += m[o + c]!;
      }
      // Known defect, kept so that `npm run train:ner` reproduces the committed model: the centroids are sums, not
      // unit vectors, so the larger side wins every word and the paths stop at depth 3 (23,323 of 33,166 words in one
      // path). Normalized, the paths are real but the tagger scores no better (docs/models/ner.md, "Issue #14:
      // the lexicon's cluster paths").
    }
    const a: number[] = [], b: number[] = [];
    for (let k = 0; k < members.length; k++) {
      const w = members[k]!;
      if (side[k]) path[w]! |= 1 << level;
      depth[w] = level + 1;
      (side[k] ? b : a).push(w);
    }
    if (a.length === 0 || b.length === 0) return;
    split(Int32Array.from(a), level + 1);
    split(Int32Array.from(b), level + 1);
  };
  split(Int32Array.from(vocab.map((_, i) => i)), 0);
  return new Map(vocab.map((w, i) => [w, { path: path[i]!, depth: depth[i]! }]));
}
