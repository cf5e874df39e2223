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
import { END_MASK, scoreEmissions, TRANSITION_MASK, viterbi } from "../entities/decode.js";
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
 * (no feature strings). `into`, when long enough, is filled and returned instead of a new array.
 */
export function features(ctx: QuoteContext, seq: Sequence, rules: Uint8Array, bits: number, into?: Int32Array): Int32Array {
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
    out[slot++] = (finish(h) & mask) * NUM_LABELS;
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

/** Transition and end scores of a model, scaled and masked once per model. */
const scaled = new WeakMap<QuoteModel, { trans: Float32Array; end: Float32Array }>();

/** Working buffers of the decoder, grown as needed and reused across sequences. */
let emitBuf = new Float32Array(0), scoreBuf = new Float32Array(0), backBuf = new Uint8Array(0);

/** Decoded labels of one sequence with a model (a new array; the working buffers are reused). */
export function tagSequence(model: QuoteModel, feats: Int32Array, n: number): Uint8Array {
  const K = NUM_LABELS;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  let tr = scaled.get(model);
  if (!tr) scaled.set(model, (tr = { trans: scaleTransitions(model.trans, model.scale, TRANSITION_MASK), end: scaleTransitions(model.end, model.scale, END_MASK) }));
  if (emitBuf.length < n * K) {
    const size = Math.max(n * K, 2 * emitBuf.length);
    emitBuf = new Float32Array(size);
    scoreBuf = new Float32Array(size);
    backBuf = new Uint8Array(size);
  }
  scoreEmissions(model.weights, feats, SLOTS, USED_SLOTS, n, emitBuf);
  viterbi(emitBuf, n, tr.trans, tr.end, backBuf, scoreBuf, out);
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
  const usedS = new Uint8Array(sources.length), usedC = new Uint8Array(contents.length);
  const made: { start: number; a: RawAttribution }[] = [];
  for (const c of cues) {
    const cs = sent[c.start]!;
    let bs = -1, bd = Infinity;
    sources.forEach((s, i) => {
      if (usedS[i] || sent[s.start] !== cs) return;
      const d = s.end <= c.start ? c.start - s.end : s.start >= c.end ? s.start - c.end + 0.5 : Infinity;
      if (d < bd) {
        bd = d;
        bs = i;
      }
    });
    // Distances to a content are measured from the source-and-cue group ("“…,” she said" is adjacent to its
    // quotation), and a content on the left wins a tie: `“…,” she said several months later` is not the content.
    const srcL = bs >= 0 && sources[bs]!.end <= c.start ? sources[bs]!.start : c.start;
    const srcR = bs >= 0 && sources[bs]!.start >= c.end ? sources[bs]!.end : c.end;
    let bc = -1, bcd = Infinity;
    contents.forEach((x, i) => {
      if (usedC[i]) return;
      const d = x.end <= srcL ? srcL - x.end : x.start >= srcR ? x.start - srcR + 0.5 : x.end <= c.start ? c.start - x.end : x.start >= c.end ? x.start - c.end + 0.5 : Infinity;
      const sameSentence = sent[x.start] === cs || sent[x.end - 1] === cs || (sent[x.start]! < cs && sent[x.end - 1]! > cs);
      const dd = d + (sameSentence ? 0 : 50);
      if (dd < bcd) {
        bcd = dd;
        bc = i;
      }
    });
    if (bc < 0 || bcd > 60) continue;
    usedC[bc] = 1;
    if (bs >= 0) usedS[bs] = 1;
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
    featBuf = features(ctx, seq, lab, model.bits, featBuf);
    const labels = tagSequence(model, featBuf, n);
    link(ctx, spansOf(labels, seq), seq.block, out);
  }
  // A model attribution without a source borrows the source (and cue) of the rules' attribution whose content it
  // overlaps: the rules' source is next to the cue by construction; the linker's may be missing.
  const ruleOf = new Int32Array(ctx.doc.tokens.count).fill(-1);
  rules.forEach((r, i) => {
    if (r.source) for (const c of r.content) ruleOf.fill(i, c.start, c.end);
  });
  for (const a of out) {
    if (a.source || a.content.length === 0) continue;
    const c = a.content[0]!;
    let r = -1;
    for (let t = c.start; t < c.end && r < 0; t++) r = ruleOf[t]!;
    if (r < 0) continue;
    const rule = rules[r]!;
    const clash = [rule.source, rule.cue].some((sp) => sp && out.some((b) => b !== a && [b.source, b.cue].some((x) => x && x.start < sp.end && sp.start < x.end)));
    if (clash) continue;
    a.source = rule.source;
    if (!a.cue) a.cue = rule.cue;
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
  // The stage's covered map follows the model's spans (partial quotes are read from it).
  ctx.covered.fill(-1);
  out.forEach((a, i) => {
    for (const sp of [a.source, a.cue, ...a.content]) if (sp) for (let t = sp.start; t < sp.end; t++) ctx.covered[t] = i;
  });
  return out;
}

