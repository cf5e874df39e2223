import { finish, hashChar, hashRange, hashStart, hashString } from "./hash.js";
import type { HashTable } from "./hash-table.js";
import { NUM_LABELS, TYPES, typeOf } from "./labels.js";
import type { RowIndex } from "./row-index.js";

/** Slots [0, LOCAL_SLOTS) hold the first-stage features; the rest the document-aggregation features. */
export const LOCAL_SLOTS = 80;
/** Stage-2 slots: the same word's types elsewhere in the document. */
const AGG_WORD_SLOTS = 8;
/** Feature slots per token; unused slots hold -1. */
export const SLOTS = LOCAL_SLOTS + AGG_WORD_SLOTS;

/**
 * Gazetteer category bits (the model file stores phrase hash -> bits). GEO covers the place and nationality lists
 * the type rules read; BRAND (brand and company names) and FIRST_NAME (given names) are tagger features only.
 * COMPANY_WORD is filled by no list now (a company-word list proved too noisy) but keeps its place: category
 * indices are part of the trained model's feature hashes.
 */
export const GAZ = {
  COUNTRY: 1, STATE: 2, CITY_BIG: 4, CITY: 8, NATIONALITY: 16, GEO: 31, BRAND: 32, COMPANY_WORD: 64, FIRST_NAME: 128,
  PREFIX: 1 << 30,
} as const;
const GAZ_CATEGORIES = [GAZ.COUNTRY, GAZ.STATE, GAZ.CITY_BIG, GAZ.CITY, GAZ.NATIONALITY, GAZ.BRAND, GAZ.COMPANY_WORD, GAZ.FIRST_NAME];
const GAZ_MAX_TOKENS = 6;

/** Cluster prefix lengths used as features (Brown-style bit paths, Ratinov & Roth use 4, 6, 10, 20). */
const CLUSTER_PREFIXES = [4, 6, 10, 16];
/** Prefix lengths of the GloVe cluster paths (train/embedding-clusters.ts) for the word and for its neighbours. */
const EMBEDDING_PREFIXES = [4, 8, 12, 16];
const EMBEDDING_NEIGHBOUR_PREFIXES = [8, 12];

export interface FeatureResources {
  /** log2 of the number of hash buckets. */
  bits: number;
  gazetteer: HashTable | null;
  /** Word lexicon from unlabeled text (see train/lexicon-build.ts): lower-cased word hash -> case bucket, cluster path. */
  lexicon: HashTable | null;
  /** GloVe word clusters (see train/embedding-clusters.ts): lower-cased word hash -> path | depth << 16. */
  clusters: HashTable | null;
  /**
   * The packed rows of a loaded model: features then hold row offsets into its packed weights (-1 for a bucket
   * whose weights are all zero, skipped like an empty slot). Without it (training) they hold dense offsets.
   */
  rows?: RowIndex;
}

/** A document as the tagger sees it: sentences of token strings. */
export type TokenDoc = readonly (readonly string[])[];

/** Per-sentence views computed once per sentence and shared by the templates. */
interface SentenceView {
  words: string[];
  lower: string[];
  shapes: string[];
  allCaps: boolean;
  /** Headline Case: most words capitalized, so capitals say little. */
  titleCase: boolean;
}

/** Straight quotes for curly ones, as in the CoNLL training text. */
export function normalizeWord(w: string): string {
  let out = w;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 0x2019 || c === 0x2018 || c === 0x201b || c === 0x2032) out = out.replace(w[i]!, "'");
    else if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x00ab || c === 0x00bb) out = out.replace(w[i]!, '"');
  }
  return out;
}

function charClass(c: number): number {
  if (c >= 65 && c <= 90) return 88; // X
  if (c >= 97 && c <= 122) return 120; // x
  if (c >= 48 && c <= 57) return 100; // d
  if (c < 128) return c;
  const ch = String.fromCharCode(c);
  if (ch.toLowerCase() !== ch) return 88;
  if (ch.toUpperCase() !== ch) return 120;
  return 111; // o: other non-ASCII
}

/** Word shape with runs of one class collapsed to at most two: "Xi" -> "Xx", "McDonald" -> "XxXxx" -> "XxXx". */
export function wordShape(w: string): string {
  let out = "";
  let prev = -1;
  let run = 0;
  const n = Math.min(w.length, 40);
  for (let i = 0; i < n; i++) {
    const cls = charClass(w.charCodeAt(i));
    if (cls === prev) {
      run++;
      if (run >= 2) continue;
    } else {
      run = 0;
      prev = cls;
    }
    out += String.fromCharCode(cls);
  }
  return out;
}

function hasLower(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
    if (c > 127 && w[i]!.toUpperCase() !== w[i]) return true;
  }
  return false;
}

function hasUpperFirst(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  return c > 127 && w[0]!.toLowerCase() !== w[0];
}

/** Words Headline Case leaves lower-case. */
export const SMALL_WORDS = new Set(["a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as", "vs", "vs."]);

function view(tokens: readonly string[]): SentenceView {
  const n = tokens.length;
  const words = new Array<string>(n);
  const lower = new Array<string>(n);
  const shapes = new Array<string>(n);
  let anyUpper = false;
  let anyLower = false;
  let alpha = 0;
  let capitalized = 0;
  for (let i = 0; i < n; i++) {
    const w = normalizeWord(tokens[i]!);
    words[i] = w;
    lower[i] = w.toLowerCase();
    shapes[i] = wordShape(w);
    if (hasLower(w)) anyLower = true;
    else if (lower[i] !== w) anyUpper = true;
    if (lower[i] !== w.toUpperCase() && !SMALL_WORDS.has(lower[i]!)) {
      alpha++;
      if (hasUpperFirst(w)) capitalized++;
    }
  }
  const allCaps = anyUpper && !anyLower;
  return { words, lower, shapes, allCaps, titleCase: !allCaps && alpha >= 3 && capitalized >= 0.75 * alpha };
}

/** Document evidence, keyed by lower-cased form: forms the text writes all in lower case, and forms it capitalizes mid-sentence in mixed-case text. */
export interface DocumentEvidence {
  lower: Set<string>;
  capMid: Set<string>;
}

function evidenceOf(views: readonly SentenceView[]): DocumentEvidence {
  const lower = new Set<string>(), capMid = new Set<string>();
  for (const v of views) {
    for (let i = 0; i < v.words.length; i++) {
      const w = v.words[i]!;
      if (w === v.lower[i]) lower.add(w);
      else if (i > 0 && !v.allCaps && hasUpperFirst(w) && !v.words[i - 1]!.endsWith(".") && v.words[i - 1] !== '"') capMid.add(v.lower[i]!);
    }
  }
  return { lower, capMid };
}

/** The document evidence the tagger's features read (LowerElsewhere, CapMidElsewhere), for the stage's rules after it. */
export function documentEvidence(doc: TokenDoc): DocumentEvidence {
  return evidenceOf(doc.map(view));
}

/** Template ids: hashed together with the feature's characters. */
const enum T {
  Bias = 1, Word, Lower, Shape, Prefix, Suffix, LowerM1, LowerM2, LowerP1, LowerP2,
  ShapeM1, ShapeP1, ShapeM1_0, Shape0_P1, BigramM1_0, Bigram0_P1, FirstShape, CapsLower, CapsShape,
  Gaz, GazNoCase, Cluster, ClusterM1, ClusterP1, LowerElsewhere, CapMidElsewhere, Length, LowerM1Shape,
  AggAny, AggMajor, AggSpan, InQuote, TitleLower, CaseRatio, HyphenFirst, HyphenLast, HyphenGaz, NameCue, NameCueM1,
  Embedding, EmbeddingM1, EmbeddingP1,
}

/**
 * Computes the hashed feature buckets of every token of a document, as offsets into the weights (bucket *
 * NUM_LABELS, or the packed row offset with `rows`), so that the weights of feature f for label l sit at `out[..] + l`. Document-level evidence (how a word is written elsewhere
 * in the document) is included; the second stage adds aggregated first-stage predictions with `addAggregates`.
 */
export class FeatureExtractor {
  private readonly mask: number;
  private readonly rows: RowIndex | null;
  constructor(private readonly res: FeatureResources) {
    this.mask = (1 << res.bits) - 1;
    this.rows = res.rows ?? null;
  }

  /** The weight offset of a feature hash. */
  private code(h: number): number {
    const bucket = finish(h) & this.mask;
    return this.rows ? this.rows.offset(bucket) : bucket * NUM_LABELS;
  }

  private put(out: Int32Array, base: number, slot: number, h: number): number {
    if (slot < LOCAL_SLOTS) out[base + slot] = this.code(h);
    return slot + 1;
  }

  extractDoc(doc: TokenDoc): Int32Array[] {
    const views = doc.map(view);
    const { lower, capMid } = evidenceOf(views);
    return views.map((v) => this.extractSentence(v, lower, capMid));
  }

  private extractSentence(v: SentenceView, seenLower: Set<string>, seenCapMid: Set<string>): Int32Array {
    const n = v.words.length;
    const out = new Int32Array(n * SLOTS).fill(-1);
    const gazFeatures = this.gazetteerFeatures(v.lower);
    let quoteOpen = false;
    for (let i = 0; i < n; i++) {
      const base = i * SLOTS;
      const w = v.words[i]!;
      const lw = v.lower[i]!;
      const sh = v.shapes[i]!;
      const lm1 = i > 0 ? v.lower[i - 1]! : "<s>";
      const lm2 = i > 1 ? v.lower[i - 2]! : "<s>";
      const lp1 = i + 1 < n ? v.lower[i + 1]! : "</s>";
      const lp2 = i + 2 < n ? v.lower[i + 2]! : "</s>";
      const sm1 = i > 0 ? v.shapes[i - 1]! : "<s>";
      const sp1 = i + 1 < n ? v.shapes[i + 1]! : "</s>";
      let s = 0;
      s = this.put(out, base, s, hashStart(T.Bias));
      s = this.put(out, base, s, hashString(hashStart(T.Word), w));
      s = this.put(out, base, s, hashString(hashStart(T.Lower), lw));
      s = this.put(out, base, s, hashString(hashStart(T.Shape), sh));
      for (let k = 1; k <= 4 && k <= lw.length; k++) {
        s = this.put(out, base, s, hashRange(hashStart(T.Prefix * 16 + k), lw, 0, k));
        s = this.put(out, base, s, hashRange(hashStart(T.Suffix * 16 + k), lw, lw.length - k, lw.length));
      }
      s = this.put(out, base, s, hashString(hashStart(T.LowerM1), lm1));
      s = this.put(out, base, s, hashString(hashStart(T.LowerM2), lm2));
      s = this.put(out, base, s, hashString(hashStart(T.LowerP1), lp1));
      s = this.put(out, base, s, hashString(hashStart(T.LowerP2), lp2));
      s = this.put(out, base, s, hashString(hashStart(T.ShapeM1), sm1));
      s = this.put(out, base, s, hashString(hashStart(T.ShapeP1), sp1));
      s = this.put(out, base, s, hashString(hashChar(hashString(hashStart(T.ShapeM1_0), sm1), 31), sh));
      s = this.put(out, base, s, hashString(hashChar(hashString(hashStart(T.Shape0_P1), sh), 31), sp1));
      s = this.put(out, base, s, hashString(hashChar(hashString(hashStart(T.BigramM1_0), lm1), 31), lw));
      s = this.put(out, base, s, hashString(hashChar(hashString(hashStart(T.Bigram0_P1), lw), 31), lp1));
      s = this.put(out, base, s, hashString(hashChar(hashString(hashStart(T.LowerM1Shape), lm1), 31), sh));
      s = this.put(out, base, s, hashChar(hashString(hashStart(T.Length), sh), Math.min(w.length, 12)));
      if (i === 0) s = this.put(out, base, s, hashString(hashStart(T.FirstShape), sh));
      if (v.allCaps) {
        s = this.put(out, base, s, hashString(hashStart(T.CapsLower), lw));
        s = this.put(out, base, s, hashChar(hashStart(T.CapsShape), n > 3 ? 1 : 0));
      }
      if (v.titleCase) s = this.put(out, base, s, hashString(hashStart(T.TitleLower), lw));
      if (w.length > 2) {
        const hy = w.indexOf("-", 1);
        if (hy > 0 && hy < w.length - 1) s = this.hyphenFeatures(out, base, s, lw, hy);
      }
      if (w === '"') quoteOpen = !quoteOpen;
      else if (quoteOpen) s = this.put(out, base, s, hashString(hashStart(T.InQuote), sh));
      if (w !== lw) {
        if (seenLower.has(lw)) s = this.put(out, base, s, hashChar(hashStart(T.LowerElsewhere), i === 0 ? 1 : 0));
        if (seenCapMid.has(lw)) s = this.put(out, base, s, hashChar(hashStart(T.CapMidElsewhere), v.allCaps ? 1 : i === 0 ? 2 : 3));
      }
      const gz = gazFeatures[i];
      if (gz) {
        for (let g = 0; g < gz.length && g < 8; g++) {
          const caseTag = w === lw ? 0 : 1;
          s = this.put(out, base, s, hashChar(hashChar(hashStart(T.Gaz), gz[g]!), caseTag));
          s = this.put(out, base, s, hashChar(hashStart(T.GazNoCase), gz[g]!));
        }
      }
      if (this.res.lexicon) {
        const context = v.allCaps ? 2 : v.titleCase ? 3 : i === 0 || lm1 === '"' || lm1 === "(" ? 1 : 0;
        const value = this.lexiconValue(lw);
        const caseBucket = (value >>> 21) & 7;
        s = this.put(out, base, s, hashChar(hashChar(hashChar(hashStart(T.CaseRatio), caseBucket), context), w === lw ? 0 : 1));
        // Company or person contexts of the word in unlabeled text; and of the previous word ("Lockheed Martin").
        const cue = (value >>> 24) & 3;
        if (cue !== 0 && w !== lw) s = this.put(out, base, s, hashChar(hashStart(T.NameCue), cue));
        const cueM1 = i > 0 ? (this.lexiconValue(lm1) >>> 24) & 3 : 0;
        if (cueM1 !== 0 && w !== lw) s = this.put(out, base, s, hashChar(hashStart(T.NameCueM1), cueM1));
        s = this.clusterFeatures(out, base, s, T.Cluster, lw, CLUSTER_PREFIXES);
        if (i > 0) s = this.clusterFeatures(out, base, s, T.ClusterM1, lm1, [6, 10]);
        if (i + 1 < n) s = this.clusterFeatures(out, base, s, T.ClusterP1, lp1, [6, 10]);
      }
      const clusters = this.res.clusters;
      if (clusters) {
        s = this.pathFeatures(out, base, s, T.Embedding, this.tableValue(clusters, lw), EMBEDDING_PREFIXES);
        if (i > 0) s = this.pathFeatures(out, base, s, T.EmbeddingM1, this.tableValue(clusters, lm1), EMBEDDING_NEIGHBOUR_PREFIXES);
        if (i + 1 < n) s = this.pathFeatures(out, base, s, T.EmbeddingP1, this.tableValue(clusters, lp1), EMBEDDING_NEIGHBOUR_PREFIXES);
      }
    }
    return out;
  }

  /**
   * In a Headline Case sentence, the tokens that cannot be inside a name: words the unlabeled text almost always
   * writes in lower case ("Putin Invites Xi Jinping"), unless "of" follows ("Bank of England"). Null otherwise.
   */
  headlineBreaks(tokens: readonly string[]): Uint8Array | null {
    const v = view(tokens);
    if (!v.titleCase || !this.res.lexicon) return null;
    const breaks = new Uint8Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      if (v.lower[i + 1] === "of" || v.words[i] === v.lower[i]) continue;
      if (((this.lexiconValue(v.lower[i]!) >>> 21) & 7) === 1) breaks[i] = 1;
    }
    return breaks;
  }

  /**
   * In a sentence that opens with a run of capitals ("STEEL INDUSTRY Mills are closing", a section label of a
   * newsletter, or a whole line of capitals), the tokens of that run that cannot be inside a name: words the
   * unlabeled text writes in lower case at least half the time ("steel", "industry"), as Headline Case is cut, and
   * "of"/"the"... unless between two kept words ("BANK OF ENGLAND"); not the words of a gazetteer name of two
   * words or more ("NEW YORK"). Null when the run ends in a dash or comma (a dateline), or when the sentence opens with fewer than
   * two words of capitals, or when it has no word in lower case and three words or fewer (a short headline).
   */
  capitalsBreaks(tokens: readonly string[]): Uint8Array | null {
    if (!this.res.lexicon) return null;
    let run = 0;
    let words = 0;
    while (run < tokens.length && !hasLower(tokens[run]!)) {
      if (/[A-Z]{2}/.test(tokens[run]!)) words++;
      run++;
    }
    if (words < 2 || (run === tokens.length && words <= 3)) return null;
    // "MIDWAY ATOLL - Seventy-four years ago", "SAN JUAN, Puerto Rico": a dateline, a place.
    if (run < tokens.length && /^(?:[-,—–:]|--)$/.test(tokens[run - 1]!)) return null;
    const breaks = new Uint8Array(tokens.length);
    const lower = tokens.map((t) => normalizeWord(t).toLowerCase());
    // Words of a gazetteer name of two words or more are kept ("NEW YORK"): their hit codes have a B, I or L part.
    const gaz = this.gazetteerFeatures(lower);
    for (let i = 0; i < run; i++) {
      const c = (this.lexiconValue(lower[i]!) >>> 21) & 7;
      if ((c === 1 || c === 2) && !gaz[i]?.some((code) => code % 4 !== 0)) breaks[i] = 1;
    }
    for (let i = 0; i < run; i++) if (SMALL_WORDS.has(lower[i]!)) breaks[i] = i > 0 && i + 1 < run && !breaks[i - 1] && !breaks[i + 1] ? 0 : 1;
    // "... OF THE PARTY The guests": the sentence proper opens after the run.
    if (run < tokens.length && SMALL_WORDS.has(lower[run]!)) breaks[run] = 1;
    return breaks;
  }

  /** The lexicon's case bucket of a word (0 unknown or rare, 1 almost always lower case ... 4 almost always capitalized). */
  caseBucket(word: string): number {
    return (this.lexiconValue(normalizeWord(word).toLowerCase()) >>> 21) & 7;
  }

  /** The lexicon's name cue of a word: 0 none, 1 company contexts, 2 person contexts, 3 both (see train/lexicon-build.ts). */
  nameCue(word: string): number {
    return (this.lexiconValue(normalizeWord(word).toLowerCase()) >>> 24) & 3;
  }

  private lexiconValue(lw: string): number {
    return this.res.lexicon ? this.tableValue(this.res.lexicon, lw) : 0;
  }

  private tableValue(table: HashTable, lw: string): number {
    return table.get(finish(hashString(hashStart(0x9e37), lw)));
  }

  /** "Russian-Chinese", "Washington-based": the parts say what the glued token is. */
  private hyphenFeatures(out: Int32Array, base: number, slot: number, lw: string, hy: number): number {
    const last = lw.lastIndexOf("-");
    slot = this.put(out, base, slot, hashRange(hashStart(T.HyphenFirst), lw, 0, hy));
    slot = this.put(out, base, slot, hashRange(hashStart(T.HyphenLast), lw, last + 1, lw.length));
    const gaz = this.res.gazetteer;
    if (gaz) {
      const bits = gaz.get(finish(hashRange(hashStart(0x9e37), lw, 0, hy))) & ~GAZ.PREFIX;
      if (bits !== 0) slot = this.put(out, base, slot, hashChar(hashStart(T.HyphenGaz), bits));
    }
    return slot;
  }

  private clusterFeatures(out: Int32Array, base: number, slot: number, template: number, lw: string, lengths: readonly number[]): number {
    return this.pathFeatures(out, base, slot, template, this.lexiconValue(lw), lengths);
  }

  /** Bit-path prefixes of a cluster value (path in bits 0-15, depth in 16-20); one "unknown" feature when absent. */
  private pathFeatures(out: Int32Array, base: number, slot: number, template: number, raw: number, lengths: readonly number[]): number {
    const value = raw & 0x1fffff;
    if (value === 0) return this.put(out, base, slot, hashChar(hashStart(template), 0xffff));
    const depth = value >>> 16;
    const path = value & 0xffff;
    for (const len of lengths) {
      const d = Math.min(len, depth);
      const prefix = path & ((1 << d) - 1);
      slot = this.put(out, base, slot, hashChar(hashChar(hashStart(template * 64 + len), d), prefix));
    }
    return slot;
  }

  /** Per token, the gazetteer hits covering it as (category index * 4 + BILU part) codes. */
  private gazetteerFeatures(lower: readonly string[]): (number[] | undefined)[] {
    const gaz = this.res.gazetteer;
    return gaz ? phraseHits(gaz, GAZ_CATEGORIES, lower) : new Array<number[] | undefined>(lower.length);
  }

  /**
   * Second-stage features (Ratinov & Roth's context aggregation): for each capitalized token, the types the first
   * stage gave the same word elsewhere in the document, and the majority type.
   */
  addAggregates(doc: TokenDoc, features: Int32Array[], stage1: readonly Uint8Array[]): void {
    const counts = new Map<string, Int32Array>();
    const spanTypes = new Map<string, Int32Array>();
    forEachCapitalized(doc, (si, i, lw) => {
      const label = stage1[si]![i]!;
      let c = counts.get(lw);
      if (!c) counts.set(lw, (c = new Int32Array(TYPES.length + 1)));
      c[typeOf(label) + 1]!++;
      if (label !== 0 && (label - 1) % 4 !== 3) {
        // part of a multi-token span: remember that this word occurs inside a longer name
        let st = spanTypes.get(lw);
        if (!st) spanTypes.set(lw, (st = new Int32Array(TYPES.length)));
        st[typeOf(label)]!++;
      }
    });
    forEachCapitalized(doc, (si, i, lw) => {
      const out = features[si]!;
      const labels = stage1[si]!;
      const c = counts.get(lw)!;
      const own = typeOf(labels[i]!) + 1;
      let slot = i * SLOTS + LOCAL_SLOTS;
      const end = slot + AGG_WORD_SLOTS;
      let best = -1;
      let bestCount = 0;
      let total = 0;
      for (let t = 0; t <= TYPES.length; t++) {
        const others = c[t]! - (t === own ? 1 : 0);
        total += others;
        if (others > bestCount) {
          bestCount = others;
          best = t;
        }
        if (others > 0 && slot < end) out[slot++] = this.code(hashChar(hashStart(T.AggAny), t));
      }
      if (total > 0 && slot < end) {
        const share = bestCount * 2 > total ? 1 : 0;
        out[slot++] = this.code(hashChar(hashChar(hashStart(T.AggMajor), best), share));
      }
      const st = spanTypes.get(lw);
      if (st && slot < end) {
        let bt = 0;
        for (let t = 1; t < TYPES.length; t++) if (st[t]! > st[bt]!) bt = t;
        out[slot++] = this.code(hashChar(hashStart(T.AggSpan), bt));
      }
    });
  }
}

/** Per token, the phrases of a table (the gazetteer) covering it, as (category index * 4 + BILU part) codes. */
function phraseHits(table: HashTable, categories: readonly number[], lower: readonly string[]): (number[] | undefined)[] {
  const n = lower.length;
  const hits = new Array<number[] | undefined>(n);
  for (let i = 0; i < n; i++) {
    let h = hashStart(0x9e37);
    for (let k = 0; k < GAZ_MAX_TOKENS && i + k < n; k++) {
      if (k > 0) h = hashChar(h, 32);
      h = hashString(h, lower[i + k]!);
      const bits = table.get(finish(h));
      if (bits === 0) break;
      for (let c = 0; c < categories.length; c++) {
        if ((bits & categories[c]!) === 0) continue;
        for (let t = i; t <= i + k; t++) {
          const part = k === 0 ? 4 : t === i ? 1 : t === i + k ? 3 : 2;
          (hits[t] ??= []).push(c * 4 + part);
        }
      }
      if ((bits & GAZ.PREFIX) === 0) break;
    }
  }
  return hits;
}

/** Calls fn for every token written with a capital, with its lower-cased form. */
function forEachCapitalized(doc: TokenDoc, fn: (sentence: number, token: number, lower: string) => void): void {
  for (let si = 0; si < doc.length; si++) {
    const words = doc[si]!;
    for (let i = 0; i < words.length; i++) {
      const w = normalizeWord(words[i]!);
      const lw = w.toLowerCase();
      if (w !== lw) fn(si, i, lw);
    }
  }
}
