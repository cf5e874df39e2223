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
import { finish, hashChar, hashStart, hashString } from "../entities/hash.js";
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

const shapeOf = (s: string): string => {
  let out = "";
  let last = "";
  for (let i = 0; i < s.length && out.length < 5; i++) {
    const c = s.charCodeAt(i);
    const k = c >= 65 && c <= 90 ? "X" : c >= 97 && c <= 122 ? "x" : c >= 48 && c <= 57 ? "d" : s[i]!;
    if (k !== last) out += k;
    last = k;
  }
  return out;
};

const bucket = (d: number): number => (d <= 0 ? 0 : d <= 1 ? 1 : d <= 2 ? 2 : d <= 4 ? 3 : d <= 8 ? 4 : d <= 16 ? 5 : 6);

/** Feature buckets (USED_SLOTS per token, in the entities stage's SLOTS layout) of one sequence. */
export function features(ctx: QuoteContext, seq: Sequence, rules: Uint8Array, bits: number): Int32Array {
  const { doc, words } = ctx;
  const n = seq.tokenEnd - seq.tokenStart;
  const out = new Int32Array(n * SLOTS).fill(-1);
  const mask = (1 << bits) - 1;
  const w = (t: number): string => (t < seq.tokenStart ? "<s>" : t >= seq.tokenEnd ? "</s>" : words[t]!);
  const rl = (t: number): number => (t < seq.tokenStart || t >= seq.tokenEnd ? 99 : rules[t]!);
  // Per sentence of the sequence: where its cue verbs are.
  const cueIn = new Uint8Array(n);
  for (let t = seq.tokenStart; t < seq.tokenEnd; t++) cueIn[t - seq.tokenStart] = CUE_VERBS.has(words[t]!) || (words[t] === "according" && words[t + 1] === "to") ? 1 : 0;
  const sentence = doc.tokens.sentence;
  let hasRegion = false;
  for (let t = seq.tokenStart; t < seq.tokenEnd && !hasRegion; t++) hasRegion = ctx.regionAt[t]! >= 0;
  for (let t = seq.tokenStart; t < seq.tokenEnd; t++) {
    const i = t - seq.tokenStart;
    const base = i * SLOTS;
    let slot = 0;
    const put = (h: number): void => {
      out[base + slot] = (finish(h) & mask) * NUM_LABELS;
      slot++;
    };
    const f1 = (tpl: number, s: string): void => put(hashString(hashStart(tpl), s));
    const f2 = (tpl: number, a: string, b: string): void => put(hashString(hashChar(hashString(hashStart(tpl), a), 0x1f), b));
    const s = doc.sentences[sentence[t]!]!;
    const fromStart = t - s.tokenStart, toEnd = s.tokenEnd - 1 - t;
    const r = ctx.regionAt[t]!;
    const reg = r >= 0 ? ctx.regions[r]! : null;
    const q = reg ? (t === reg.open ? "open" : t === reg.close ? "close" : reg.open === doc.sentences[sentence[reg.open]!]!.tokenStart ? "in-sent" : "in-mid") : "out";
    const m = ctx.mentionAt[t]!;
    const ment = m >= 0 ? `${doc.entities[ctx.mentions[m]!.entity]!.type}` : "-";
    let cueLeft = 0, cueRight = 0;
    for (let k = t - 1; k >= s.tokenStart && k >= seq.tokenStart && t - k <= 16; k--) if (cueIn[k - seq.tokenStart] && ctx.regionAt[k]! < 0) { cueLeft = t - k; break; }
    for (let k = t + 1; k < s.tokenEnd && k < seq.tokenEnd && k - t <= 16; k++) if (cueIn[k - seq.tokenStart] && ctx.regionAt[k]! < 0) { cueRight = k - t; break; }
    const shape = shapeOf(doc.tokenText(t));
    f1(1, "bias");
    f1(2, w(t));
    f1(3, w(t - 1));
    f1(4, w(t + 1));
    f1(5, w(t - 2));
    f1(6, w(t + 2));
    f2(7, w(t - 1), w(t));
    f2(8, w(t), w(t + 1));
    f1(9, shape);
    f1(10, String(rl(t)));
    f2(11, String(rl(t - 1)), String(rl(t + 1)));
    f2(12, String(rl(t)), w(t));
    f1(13, q);
    f2(14, q, String(rl(t)));
    f1(15, ment);
    f2(16, ment, String(m >= 0 && ctx.mentions[m]!.tokenStart === t));
    f1(17, `${bucket(fromStart)}`);
    f1(18, `${bucket(toEnd)}`);
    f2(19, `${bucket(fromStart)}`, `${bucket(toEnd)}`);
    f1(20, `${cueIn[i]}`);
    f2(21, `${bucket(cueLeft)}`, `${bucket(cueRight)}`);
    f2(22, `${bucket(cueLeft)}`, q);
    f2(23, `${bucket(cueRight)}`, q);
    f1(24, w(t).slice(-3));
    f2(25, shapeOf(doc.tokenText(Math.max(seq.tokenStart, t - 1))), shape);
    f2(26, String(hasRegion), q);
    f2(27, w(t - 1), String(rl(t)));
    f2(28, w(t + 1), String(rl(t)));
    f2(29, ment, w(t + 1));
    f2(30, ment, w(t - 1));
    f2(31, `${bucket(toEnd)}`, w(t));
    f2(32, `${bucket(fromStart)}`, w(t));
    f2(33, String(rl(t)), q + `${bucket(toEnd)}`);
  }
  return out;
}

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

/** Decoded labels of one sequence with a model. */
export function tagSequence(model: QuoteModel, feats: Int32Array, n: number): Uint8Array {
  const K = NUM_LABELS;
  const emit = new Float32Array(n * K), score = new Float32Array(n * K), back = new Uint8Array(n * K), out = new Uint8Array(n);
  if (n === 0) return out;
  const trans = scaleTransitions(model.trans, model.scale, TRANSITION_MASK);
  const end = scaleTransitions(model.end, model.scale, END_MASK);
  scoreEmissions(model.weights, feats, SLOTS, USED_SLOTS, n, emit);
  viterbi(emit, n, trans, end, back, score, out);
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
    let bc = -1, bcd = Infinity;
    contents.forEach((x, i) => {
      if (usedC[i]) return;
      const d = x.end <= c.start ? c.start - x.end : x.start >= c.end ? x.start - c.end : Infinity;
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
export function refineAttributions(ctx: QuoteContext, rules: RawAttribution[], model: QuoteModel | null = quoteModel()): RawAttribution[] {
  if (!model) return rules;
  const lab = ruleLabels(ctx, rules);
  const out: RawAttribution[] = [];
  for (const seq of sequences(ctx)) {
    const n = seq.tokenEnd - seq.tokenStart;
    const labels = tagSequence(model, features(ctx, seq, lab, model.bits), n);
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

