/**
 * The learned part of the quotes stage: a Source / Cue / Content sequence tagger over each paragraph (BILOU labels,
 * averaged structured perceptron and Viterbi reused from the entities stage: type 0 = Source, 1 = Cue, 2 = Content,
 * the other two types unused), with features from the tokens, the entities stage's mentions, the quotation marks and
 * the rules' own proposals (stacking: the rules say where attributions are, the tagger learns PolNeAR's span
 * conventions and the long tail of cues — "called for", "shows", "cited" — that a verb list misses).
 *
 * A rule-based linker then joins the tagged spans into attributions: each cue takes the nearest source of its
 * sentence and the adjacent content; a content with no cue is a floating quote that inherits the speaker before it.
 * Trained by train/main.ts (`npm run train:quotes`); model card docs/models/quotes.md. Without models/quotes.bin.gz
 * the rules' attributions are used as they are.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { END_MASK, TRANSITION_MASK } from "../entities/decode.js";
import { SLOTS } from "../entities/features.js";
import { finish, hashChar, hashRange, hashStart, hashString } from "../entities/hash.js";
import { B, bilouFromSpans, I, L, NUM_LABELS, spansFromLabels, U, type TypedSpan } from "../entities/labels.js";
import { quantize, scaleTransitions } from "../entities/model.js";
import { isQuoteBlock, tokenAt, type QuoteContext, type RawAttribution, type TokSpan } from "./attribute.js";
import { CUE_VERBS } from "./lexicon.js";

export const SOURCE = 0, CUE = 1, CONTENT = 2;
/** Feature slots used per token (of the entities stage's SLOTS). */
export const USED_SLOTS = 34;

export interface QuoteModel {
  bits: number;
  weights: Int16Array;
  scale: number;
  trans: Float32Array;
  end: Float32Array;
}

/** One paragraph as a tagger sequence: its token range. */
export interface Sequence {
  block: number;
  tokenStart: number;
  tokenEnd: number;
}

export function sequences(ctx: QuoteContext): Sequence[] {
  const out: Sequence[] = [];
  const { doc } = ctx;
  doc.blocks.forEach((b, bi) => {
    if (!isQuoteBlock(doc, bi)) return;
    const t0 = tokenAt(doc, b.start), t1 = tokenAt(doc, b.end);
    if (t1 > t0) out.push({ block: bi, tokenStart: t0, tokenEnd: t1 });
  });
  return out;
}

/** Per token of the document: the rules' label (0 = none, else 1 + 4 * role + BILOU part - 1), as for the tagger. */
export function ruleLabels(ctx: QuoteContext, atts: readonly RawAttribution[]): Uint8Array {
  const lab = new Uint8Array(ctx.doc.tokens.count);
  const mark = (sp: TokSpan | null, type: number): void => {
    if (!sp || sp.end <= sp.start) return;
    if (sp.end - sp.start === 1) lab[sp.start] = 1 + 4 * type + (U - 1);
    else {
      lab[sp.start] = 1 + 4 * type + (B - 1);
      for (let t = sp.start + 1; t < sp.end - 1; t++) lab[t] = 1 + 4 * type + (I - 1);
      lab[sp.end - 1] = 1 + 4 * type + (L - 1);
    }
  };
  for (const a of atts) {
    mark(a.source, SOURCE);
    mark(a.cue, CUE);
    for (const c of a.content) mark(c, CONTENT);
  }
  return lab;
}

const bucket = (d: number): number => (d <= 0 ? 0 : d <= 1 ? 1 : d <= 2 ? 2 : d <= 4 ? 3 : d <= 8 ? 4 : d <= 16 ? 5 : 6);

/** Mixes one 32-bit value into a running hash (bijective in `v` for a fixed `h`; `finish` avalanches at the end). */
const mix = (h: number, v: number): number => {
  h = Math.imul(h ^ v, 0x01000193);
  return h ^ (h >>> 15);
};

/** Shape of the characters [a, b) of `text`: X / x / d / the character itself, runs collapsed, at most 5 classes. */
function shapeHash(text: string, a: number, b: number): number {
  let h = hashStart(0x5a);
  let last = -1, n = 0;
  for (let i = a; i < b && n < 5; i++) {
    const c = text.charCodeAt(i);
    const k = c >= 65 && c <= 90 ? 88 : c >= 97 && c <= 122 ? 120 : c >= 48 && c <= 57 ? 100 : c;
    if (k !== last) {
      h = hashChar(h, k);
      n++;
    }
    last = k;
  }
  return h;
}

/**
 * Per-document values the features read, computed once per document (no strings): the hash of each lower-cased
 * word, of its 3-character suffix, of its shape, and whether it is a cue word.
 */
interface TokenHashes {
  word: Int32Array;
  suffix: Int32Array;
  shape: Int32Array;
  cue: Uint8Array;
}

const hashCache = new WeakMap<QuoteContext, TokenHashes>();

function tokenHashes(ctx: QuoteContext): TokenHashes {
  let th = hashCache.get(ctx);
  if (th) return th;
  const { doc, words } = ctx;
  const n = doc.tokens.count;
  th = { word: new Int32Array(n), suffix: new Int32Array(n), shape: new Int32Array(n), cue: new Uint8Array(n) };
  const w0 = hashStart(0x77), s0 = hashStart(0x73);
  for (let t = 0; t < n; t++) {
    const w = words[t]!;
    th.word[t] = hashString(w0, w);
    th.suffix[t] = hashRange(s0, w, Math.max(0, w.length - 3), w.length);
    th.shape[t] = shapeHash(doc.text, doc.tokens.start[t]!, doc.tokens.end[t]!);
    th.cue[t] = CUE_VERBS.has(w) || (w === "according" && words[t + 1] === "to") ? 1 : 0;
  }
  hashCache.set(ctx, th);
  return th;
}

const BOS = hashString(hashStart(0x77), "<s>"), EOS = hashString(hashStart(0x77), "</s>");
const NO_MENTION = hashString(hashStart(0x6d), "-");
const typeHashes = new Map<string, number>();
const typeHash = (type: string): number => {
  let h = typeHashes.get(type);
  if (h === undefined) typeHashes.set(type, (h = hashString(hashStart(0x6d), type)));
  return h;
};

/** Quotation state of a token: 0 outside, 1 the opening mark, 2 the closing mark, 3 inside a quotation opening its sentence, 4 inside one opening mid-sentence. */
const Q_OUT = 0, Q_OPEN = 1, Q_CLOSE = 2, Q_IN_SENT = 3, Q_IN_MID = 4;

/**
 * Feature buckets (USED_SLOTS per token, in the entities stage's SLOTS layout) of one sequence, hashed from integers
 * (no feature strings). `into`, when long enough, is filled and returned instead of a new array. Each bucket is
 * multiplied by `stride`: NUM_LABELS (21) for training, QK (13) for the run-time decoder's compact table.
 */
export function features(ctx: QuoteContext, seq: Sequence, rules: Uint8Array, bits: number, into?: Int32Array, stride: number = NUM_LABELS): Int32Array {
  const { doc } = ctx;
  const th = tokenHashes(ctx);
  const n = seq.tokenEnd - seq.tokenStart;
  const size = n * SLOTS;
  const out = into && into.length >= size ? into : new Int32Array(size);
  out.fill(-1, 0, size);
  const mask = (1 << bits) - 1;
  const t0 = seq.tokenStart, t1 = seq.tokenEnd;
  const wh = (t: number): number => (t < t0 ? BOS : t >= t1 ? EOS : th.word[t]!);
  const rl = (t: number): number => (t < t0 || t >= t1 ? 99 : rules[t]!);
  const sentence = doc.tokens.sentence;
  const regionAt = ctx.regionAt;
  let hasRegion = 0;
  for (let t = t0; t < t1 && !hasRegion; t++) hasRegion = regionAt[t]! >= 0 ? 1 : 0;
  // Distance to the nearest cue word outside quotations within the sentence, left and right (0: none within 16):
  // one pass each way.
  const cueLeft = cueLeftBuf.length >= n ? cueLeftBuf : (cueLeftBuf = new Int32Array(n * 2));
  const cueRight = cueRightBuf.length >= n ? cueRightBuf : (cueRightBuf = new Int32Array(n * 2));
  {
    let last = -1, ls = -1;
    for (let t = t0; t < t1; t++) {
      const s = sentence[t]!;
      if (s !== ls) {
        last = -1;
        ls = s;
      }
      const d = last >= 0 ? t - last : 0;
      cueLeft[t - t0] = d > 16 ? 0 : d;
      if (th.cue[t] && regionAt[t]! < 0) last = t;
    }
    last = -1;
    ls = -1;
    for (let t = t1 - 1; t >= t0; t--) {
      const s = sentence[t]!;
      if (s !== ls) {
        last = -1;
        ls = s;
      }
      const d = last >= 0 ? last - t : 0;
      cueRight[t - t0] = d > 16 ? 0 : d;
      if (th.cue[t] && regionAt[t]! < 0) last = t;
    }
  }
  let slot = 0;
  const put = (h: number): void => {
    out[slot++] = (finish(h) & mask) * stride;
  };
  const f1 = (tpl: number, a: number): void => put(mix(hashStart(tpl), a));
  const f2 = (tpl: number, a: number, b: number): void => put(mix(mix(hashStart(tpl), a), b));
  for (let t = t0; t < t1; t++) {
    const i = t - t0;
    slot = i * SLOTS;
    const s = doc.sentences[sentence[t]!]!;
    const fromStart = bucket(t - s.tokenStart), toEnd = bucket(s.tokenEnd - 1 - t);
    const r = regionAt[t]!;
    const reg = r >= 0 ? ctx.regions[r]! : null;
    const q = reg ? (t === reg.open ? Q_OPEN : t === reg.close ? Q_CLOSE : reg.open === doc.sentences[sentence[reg.open]!]!.tokenStart ? Q_IN_SENT : Q_IN_MID) : Q_OUT;
    const m = ctx.mentionAt[t]!;
    const ment = m >= 0 ? typeHash(doc.entities[ctx.mentions[m]!.entity]!.type) : NO_MENTION;
    const cl = bucket(cueLeft[i]!), cr = bucket(cueRight[i]!);
    const shape = th.shape[t]!;
    const w = th.word[t]!, wp = wh(t - 1), wn = wh(t + 1);
    const r0 = rl(t);
    put(hashStart(1));
    f1(2, w);
    f1(3, wp);
    f1(4, wn);
    f1(5, wh(t - 2));
    f1(6, wh(t + 2));
    f2(7, wp, w);
    f2(8, w, wn);
    f1(9, shape);
    f1(10, r0);
    f2(11, rl(t - 1), rl(t + 1));
    f2(12, r0, w);
    f1(13, q);
    f2(14, q, r0);
    f1(15, ment);
    f2(16, ment, m >= 0 && ctx.mentions[m]!.tokenStart === t ? 1 : 0);
    f1(17, fromStart);
    f1(18, toEnd);
    f2(19, fromStart, toEnd);
    f1(20, th.cue[t]!);
    f2(21, cl, cr);
    f2(22, cl, q);
    f2(23, cr, q);
    f1(24, th.suffix[t]!);
    f2(25, th.shape[Math.max(t0, t - 1)]!, shape);
    f2(26, hasRegion, q);
    f2(27, wp, r0);
    f2(28, wn, r0);
    f2(29, ment, wn);
    f2(30, ment, wp);
    f2(31, toEnd, w);
    f2(32, fromStart, w);
    f2(33, r0, q * 8 + toEnd);
  }
  return out;
}

let cueLeftBuf = new Int32Array(1024), cueRightBuf = new Int32Array(1024);

const MAGIC = "NGQUO1";

export function serializeQuoteModel(m: QuoteModel): Buffer {
  const head = Buffer.from(JSON.stringify({ magic: MAGIC, bits: m.bits, scale: m.scale, usedSlots: USED_SLOTS }) + "\n");
  const parts = [head, Buffer.from(m.trans.buffer, m.trans.byteOffset, m.trans.byteLength), Buffer.from(m.end.buffer, m.end.byteOffset, m.end.byteLength), Buffer.from(m.weights.buffer, m.weights.byteOffset, m.weights.byteLength)];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

export function deserializeQuoteModel(gz: Buffer): QuoteModel {
  const raw = gunzipSync(gz);
  const nl = raw.indexOf(10);
  const head = JSON.parse(raw.subarray(0, nl).toString("utf8")) as { magic: string; bits: number; scale: number; usedSlots: number };
  if (head.magic !== MAGIC || head.usedSlots !== USED_SLOTS) throw new Error("models/quotes.bin.gz: not a quotes model of this version");
  let o = nl + 1;
  const take = (bytes: number): Buffer => {
    const b = Buffer.from(raw.subarray(o, o + bytes)); // copied: aligned for the typed array
    o += bytes;
    return b;
  };
  const tn = (NUM_LABELS + 1) * NUM_LABELS;
  const tb = take(tn * 4), eb = take(NUM_LABELS * 4), wb = take(raw.length - o);
  return {
    bits: head.bits,
    scale: head.scale,
    trans: new Float32Array(tb.buffer, tb.byteOffset, tn),
    end: new Float32Array(eb.buffer, eb.byteOffset, NUM_LABELS),
    weights: new Int16Array(wb.buffer, wb.byteOffset, wb.length / 2),
  };
}

export function fromFloat(bits: number, weights: Float32Array, trans: Float32Array, end: Float32Array): QuoteModel {
  const { q, scale } = quantize(weights);
  return { bits, weights: q, scale, trans, end };
}

const MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "models", "quotes.bin.gz");
let loaded: QuoteModel | null | undefined;

/** models/quotes.bin.gz, loaded once; null when absent (the rules then stand alone) or disabled by NEWSGRAPH_QUOTES_RULES=1. */
export function quoteModel(): QuoteModel | null {
  if (loaded !== undefined) return loaded;
  loaded = process.env.NEWSGRAPH_QUOTES_RULES === "1" || !existsSync(MODEL_PATH) ? null : deserializeQuoteModel(readFileSync(MODEL_PATH));
  return loaded;
}

/** Sets the model in use (training and tests); null for rules only. */
export function setQuoteModel(m: QuoteModel | null): void {
  loaded = m;
}

/** Working buffers of the decoder, grown as needed and reused across sequences. */
let emitBuf = new Float32Array(0), scoreBuf = new Float32Array(0), backBuf = new Uint8Array(0);

/**
 * Labels the quotes tagger uses: none and BILOU of types 0–2 (Source, Cue, Content) are labels 0–12; the entities
 * stage's layout has 21 (types 3 and 4 unused here: their weights are never raised in training).
 */
export const QK = 1 + 4 * 3;

/**
 * The run-time form of a model: weights of the 13 used labels only (6.8 MB instead of 11 MB for 2^18 buckets; the
 * emission scoring is a random read per feature, so the smaller rows and table are most of the stage's speed), the
 * transitions among them (row QK: start) and, per label, the labels allowed before it.
 */
interface Compact {
  w: Int16Array;
  trans: Float32Array;
  end: Float32Array;
  prevFrom: Int32Array;
  prev: Int32Array;
}

const compacts = new WeakMap<QuoteModel, Compact>();

function compact(model: QuoteModel): Compact {
  let c = compacts.get(model);
  if (c) return c;
  const K = NUM_LABELS;
  const tr = scaleTransitions(model.trans, model.scale, TRANSITION_MASK);
  const en = scaleTransitions(model.end, model.scale, END_MASK);
  const buckets = 1 << model.bits;
  const w = new Int16Array(buckets * QK);
  for (let b = 0; b < buckets; b++) w.set(model.weights.subarray(b * K, b * K + QK), b * QK);
  const trans = new Float32Array((QK + 1) * QK);
  for (let p = 0; p <= QK; p++) for (let l = 0; l < QK; l++) trans[p * QK + l] = tr[(p === QK ? K : p) * K + l]!;
  const end = en.slice(0, QK);
  const prevFrom = new Int32Array(QK + 1);
  const list: number[] = [];
  for (let l = 0; l < QK; l++) {
    prevFrom[l] = list.length;
    for (let p = 0; p < QK; p++) if (trans[p * QK + l]! > -Infinity) list.push(p);
  }
  prevFrom[QK] = list.length;
  c = { w, trans, end, prevFrom, prev: Int32Array.from(list) };
  compacts.set(model, c);
  return c;
}

/**
 * Decoded labels of one sequence with a model (a new array; the working buffers are reused). `feats` as made by
 * `features` with the same `stride` (NUM_LABELS by default, as in training; QK saves a division per feature).
 * Labels of types 3 and 4 are never chosen (their weights are never raised), so decoding over the 13 used labels
 * gives the same path as over all 21.
 */
export function tagSequence(model: QuoteModel, feats: Int32Array, n: number, stride: number = NUM_LABELS): Uint8Array {
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const { w, trans, end, prevFrom, prev } = compact(model);
  if (emitBuf.length < n * QK) {
    const size = Math.max(n * QK, 2 * emitBuf.length);
    emitBuf = new Float32Array(size);
    scoreBuf = new Float32Array(size);
    backBuf = new Uint8Array(size);
  }
  const emit = emitBuf, score = scoreBuf, back = backBuf;
  for (let i = 0; i < n; i++) {
    const o = i * QK;
    const fb = i * SLOTS;
    let e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0, e7 = 0, e8 = 0, e9 = 0, e10 = 0, e11 = 0, e12 = 0;
    for (let s = 0; s < USED_SLOTS; s++) {
      const f = feats[fb + s]!;
      if (f < 0) continue;
      const b = stride === QK ? f : (f / stride) * QK; // f / stride is exact: f is a multiple of stride
      e0 += w[b]!;
      e1 += w[b + 1]!;
      e2 += w[b + 2]!;
      e3 += w[b + 3]!;
      e4 += w[b + 4]!;
      e5 += w[b + 5]!;
      e6 += w[b + 6]!;
      e7 += w[b + 7]!;
      e8 += w[b + 8]!;
      e9 += w[b + 9]!;
      e10 += w[b + 10]!;
      e11 += w[b + 11]!;
      e12 += w[b + 12]!;
    }
    emit[o] = e0;
    emit[o + 1] = e1;
    emit[o + 2] = e2;
    emit[o + 3] = e3;
    emit[o + 4] = e4;
    emit[o + 5] = e5;
    emit[o + 6] = e6;
    emit[o + 7] = e7;
    emit[o + 8] = e8;
    emit[o + 9] = e9;
    emit[o + 10] = e10;
    emit[o + 11] = e11;
    emit[o + 12] = e12;
  }
  // First-order Viterbi over the allowed transitions only (BILOU: about a third of the pairs).
  for (let l = 0; l < QK; l++) score[l] = trans[QK * QK + l]! + emit[l]!;
  for (let i = 1; i < n; i++) {
    const po = (i - 1) * QK, o = i * QK;
    for (let l = 0; l < QK; l++) {
      let best = -Infinity, arg = 0;
      for (let j = prevFrom[l]!, to = prevFrom[l + 1]!; j < to; j++) {
        const p = prev[j]!;
        const v = score[po + p]! + trans[p * QK + l]!;
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      score[o + l] = best + emit[o + l]!;
      back[o + l] = arg;
    }
  }
  const lo = (n - 1) * QK;
  let best = -Infinity, arg = 0;
  for (let l = 0; l < QK; l++) {
    const v = score[lo + l]! + end[l]!;
    if (v > best) {
      best = v;
      arg = l;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * QK + out[i]!]!;
  return out;
}

/** Spans (token indices of the document) of one decoded sequence, by role. */
export function spansOf(labels: Uint8Array, seq: Sequence): TypedSpan[] {
  return spansFromLabels(labels, labels.length)
    .filter((s) => s.type <= CONTENT)
    .map((s) => ({ start: s.start + seq.tokenStart, end: s.end + seq.tokenStart, type: s.type }));
}

/** Gold labels of one sequence from role spans (document token indices). */
export function goldLabels(seq: Sequence, spans: readonly TypedSpan[]): Uint8Array {
  const local = spans
    .filter((s) => s.start >= seq.tokenStart && s.end <= seq.tokenEnd && s.end > s.start)
    .map((s) => ({ start: s.start - seq.tokenStart, end: s.end - seq.tokenStart, type: s.type }));
  return bilouFromSpans(seq.tokenEnd - seq.tokenStart, local);
}

/**
 * The linker: tagged spans of one paragraph to attributions. Each cue takes the nearest source in its sentence
 * (left first) and the nearest unused content touching its sentence (the one it is adjacent to); contents left over
 * are floating quotes, inheriting the speaker of the attribution before them.
 */
export function link(ctx: QuoteContext, spans: readonly TypedSpan[], block: number, into: RawAttribution[]): void {
  const sent = ctx.doc.tokens.sentence;
  const sources = spans.filter((s) => s.type === SOURCE);
  const cues = spans.filter((s) => s.type === CUE);
  const contents = spans.filter((s) => s.type === CONTENT);
  const usedC = new Uint8Array(contents.length);
  // The spans of one role are sorted and disjoint (one label per token), so starts and ends are both increasing:
  // the nearest unused source on each side is found through skip pointers over the used ones, and the contents a cue
  // may take (within 60 tokens of its group) by binary search, so a paragraph is linked in O(n log n) whatever the
  // number of quotations in one sentence (it was O(cues × spans)).
  const nS = sources.length;
  const skipL = new Int32Array(nS + 1), skipR = new Int32Array(nS + 1);
  for (let i = 0; i <= nS; i++) {
    skipL[i] = i; // slot i + 1 ↔ source i; slot 0 = none
    skipR[i] = i;
  }
  const findL = (i: number): number => {
    // Largest unused source index ≤ i - 1, as slot (index + 1); 0 = none.
    let r = i;
    while (skipL[r] !== r) r = skipL[r]!;
    while (skipL[i] !== r) {
      const nx = skipL[i]!;
      skipL[i] = r;
      i = nx;
    }
    return r;
  };
  const findR = (i: number): number => {
    // Smallest unused source index ≥ i; nS = none.
    let r = i;
    while (skipR[r] !== r) r = skipR[r]!;
    while (skipR[i] !== r) {
      const nx = skipR[i]!;
      skipR[i] = r;
      i = nx;
    }
    return r;
  };
  const useSource = (i: number): void => {
    skipL[i + 1] = i;
    skipR[i] = i + 1;
  };
  /** First index in [0, n) whose key ≥ v (keys increasing). */
  const lower = (n: number, key: (i: number) => number, v: number): number => {
    let lo = 0, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(mid) < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const sourceStart = (i: number): number => sources[i]!.start;
  const contentEnd = (i: number): number => contents[i]!.end;
  const contentStart = (i: number): number => contents[i]!.start;
  const cand: number[] = [];
  const made: { start: number; a: RawAttribution }[] = [];
  for (const c of cues) {
    const cs = sent[c.start]!;
    let bs = -1, bd = Infinity;
    // The nearest unused source on each side, in the cue's sentence (a tie goes to the left one, as d is .5 more on the right).
    const k = lower(nS, sourceStart, c.end);
    const l = findL(k) - 1;
    if (l >= 0 && sent[sources[l]!.start] === cs && sources[l]!.end <= c.start) {
      bd = c.start - sources[l]!.end;
      bs = l;
    }
    const r = findR(k);
    if (r < nS && sent[sources[r]!.start] === cs) {
      const d = sources[r]!.start - c.end + 0.5;
      if (d < bd) {
        bd = d;
        bs = r;
      }
    }
    // Distances to a content are measured from the source-and-cue group ("“…,” she said" is adjacent to its
    // quotation), and a content on the left wins a tie: `“…,” she said several months later` is not the content.
    const srcL = bs >= 0 && sources[bs]!.end <= c.start ? sources[bs]!.start : c.start;
    const srcR = bs >= 0 && sources[bs]!.start >= c.end ? sources[bs]!.end : c.end;
    // Only contents within 60 tokens of the group or of the cue can be taken: ends in [srcL - 60, srcL] or
    // [c.start - 60, c.start], starts in [srcR, srcR + 60] or [c.end, c.end + 60].
    cand.length = 0;
    const nC = contents.length;
    for (const lo of [srcL - 60, c.start - 60]) for (let i = lower(nC, contentEnd, lo); i < nC && contents[i]!.end <= lo + 60; i++) cand.push(i);
    for (const lo of [srcR, c.end]) for (let i = lower(nC, contentStart, lo); i < nC && contents[i]!.start <= lo + 60; i++) cand.push(i);
    cand.sort((a, b) => a - b);
    let bc = -1, bcd = Infinity;
    for (let j = 0; j < cand.length; j++) {
      const i = cand[j]!;
      if (usedC[i] || (j > 0 && cand[j - 1] === i)) continue;
      const x = contents[i]!;
      const d = x.end <= srcL ? srcL - x.end : x.start >= srcR ? x.start - srcR + 0.5 : x.end <= c.start ? c.start - x.end : x.start >= c.end ? x.start - c.end + 0.5 : Infinity;
      const sameSentence = sent[x.start] === cs || sent[x.end - 1] === cs || (sent[x.start]! < cs && sent[x.end - 1]! > cs);
      const dd = d + (sameSentence ? 0 : 50);
      if (dd < bcd) {
        bcd = dd;
        bc = i;
      }
    }
    if (bc < 0 || bcd > 60) continue;
    usedC[bc] = 1;
    if (bs >= 0) useSource(bs);
    const src = bs >= 0 ? sources[bs]! : null;
    const content = contents[bc]!;
    made.push({
      start: Math.min(c.start, content.start),
      a: { source: src ? { start: src.start, end: src.end } : null, cue: { start: c.start, end: c.end }, content: [{ start: content.start, end: content.end }], block, inherit: -1, rule: "model" },
    });
  }
  contents.forEach((x, i) => {
    if (!usedC[i]) made.push({ start: x.start, a: { source: null, cue: null, content: [{ start: x.start, end: x.end }], block, inherit: -2, rule: "model-floating" } });
  });
  made.sort((a, b) => a.start - b.start);
  for (const m of made) into.push(m.a);
}

/**
 * Replaces the rules' attributions by the tagger's, where a model is loaded. Floating contents inherit from the
 * nearest attribution with a source (or an inherited speaker) before them, within two paragraphs.
 */
/** The feature buffer of `refineAttributions`, reused across sequences and documents. */
let featBuf: Int32Array = new Int32Array(0);

export function refineAttributions(ctx: QuoteContext, rules: RawAttribution[], model: QuoteModel | null = quoteModel()): RawAttribution[] {
  if (!model) return rules;
  const lab = ruleLabels(ctx, rules);
  const out: RawAttribution[] = [];
  for (const seq of sequences(ctx)) {
    const n = seq.tokenEnd - seq.tokenStart;
    featBuf = features(ctx, seq, lab, model.bits, featBuf, QK);
    const labels = tagSequence(model, featBuf, n, QK);
    link(ctx, spansOf(labels, seq), seq.block, out);
  }
  // A model attribution without a source borrows the source (and cue) of the rules' attribution whose content it
  // overlaps: the rules' source is next to the cue by construction; the linker's may be missing.
  const ruleOf = new Int32Array(ctx.doc.tokens.count).fill(-1);
  rules.forEach((r, i) => {
    if (r.source) for (const c of r.content) ruleOf.fill(i, c.start, c.end);
  });
  // Per token: how many of the model's attributions hold it in their source or cue (kept up to date as sources are
  // borrowed), so a clash is found in the borrowed spans' length, not by a scan over all attributions.
  const held = new Uint16Array(ctx.doc.tokens.count);
  const hold = (sp: TokSpan | null): void => {
    if (sp) for (let t = sp.start; t < sp.end; t++) if (held[t]! < 0xffff) held[t]!++;
  };
  for (const a of out) {
    hold(a.source);
    hold(a.cue);
  }
  const clashes = (sp: TokSpan | null, own: TokSpan | null): boolean => {
    if (!sp) return false;
    for (let t = sp.start; t < sp.end; t++) if (held[t]! > (own && t >= own.start && t < own.end ? 1 : 0)) return true;
    return false;
  };
  for (const a of out) {
    if (a.source || a.content.length === 0) continue;
    const c = a.content[0]!;
    let r = -1;
    for (let t = c.start; t < c.end && r < 0; t++) r = ruleOf[t]!;
    if (r < 0) continue;
    const rule = rules[r]!;
    if (clashes(rule.source, a.cue) || clashes(rule.cue, a.cue)) continue;
    a.source = rule.source;
    hold(a.source);
    if (!a.cue) {
      a.cue = rule.cue;
      hold(a.cue);
    }
    a.inherit = -1;
  }
  let last = -1;
  out.forEach((a, i) => {
    if (a.inherit === -2) {
      a.inherit = last >= 0 && a.block - out[last]!.block <= 2 ? last : -1;
      if (a.inherit < 0) return;
    }
    if (a.source || a.inherit >= 0) last = i;
  });
  const joined = joinContinuations(ctx, out);
  // The stage's covered map follows the model's spans (partial quotes are read from it).
  ctx.covered.fill(-1);
  joined.forEach((a, i) => {
    for (const sp of [a.source, a.cue, ...a.content]) if (sp) for (let t = sp.start; t < sp.end; t++) ctx.covered[t] = i;
  });
  return joined;
}

/** Most tokens between an attribution and a quotation that goes on with it (`, clapping.`, `in August.`). */
const MAX_GAP = 8;

/**
 * A quotation that goes on after its attribution in the same paragraph — `“X,” she said. “Y.”`, `“X,” said Rep.
 * Butterfield, head of the caucus. “Y.”` — is one more fragment of that attribution's content, as in PolNeAR
 * (3,149 contents of train in several fragments), not a floating quote of its own: the tagger gives it no cue, the
 * linker leaves it floating. Joined when it is a quotation opening right after the attribution (at most MAX_GAP
 * tokens, none of them quoted) and it inherits that attribution's speaker (an indirect content before it too:
 * `He said that X. “Y.”`; on the train slice that joins a few more right than requiring a quotation before).
 * Linear: one pass, each attribution looked at once. Returns the new list, `inherit` renumbered.
 */
function joinContinuations(ctx: QuoteContext, out: RawAttribution[]): RawAttribution[] {
  const { regions, regionAt } = ctx;
  const opensQuote = (t: number): boolean => regionAt[t]! >= 0 && regions[regionAt[t]!]!.open === t;
  const newIndex = new Int32Array(out.length);
  const joined: RawAttribution[] = [];
  let reach = -1; // exclusive end of the last kept attribution's spans
  for (let i = 0; i < out.length; i++) {
    const a = out[i]!;
    const last = joined.length - 1;
    const prev = last >= 0 ? joined[last]! : null;
    const target = a.inherit >= 0 ? newIndex[a.inherit]! : -1;
    if (prev && target === last && !a.source && !a.cue && a.content.length === 1 && prev.cue && prev.block === a.block && prev.content.length > 0) {
      const c = a.content[0]!;
      let ok = opensQuote(c.start) && c.start >= reach && c.start - reach <= MAX_GAP;
      for (let t = reach; ok && t < c.start; t++) if (regionAt[t]! >= 0) ok = false;
      if (ok) {
        prev.content.push({ start: c.start, end: c.end });
        reach = Math.max(reach, c.end);
        newIndex[i] = last;
        continue;
      }
    }
    newIndex[i] = joined.length;
    if (a.inherit >= 0) a.inherit = newIndex[a.inherit]!;
    joined.push(a);
    reach = -1;
    for (const sp of [a.source, a.cue, ...a.content]) if (sp) reach = Math.max(reach, sp.end);
  }
  return joined;
}

