/**
 * The quotes tagger's features: per token of a paragraph, 49 hashed templates from the tokens, the entities stage's
 * mentions, the quotation marks and the rules' own proposals (stacking: the rules say where attributions are, the
 * tagger learns PolNeAR's span conventions and the long tail of cues). Hashed from integers, no feature strings.
 */
import { SLOTS } from "../entities/features.js";
import { finish, hashChar, hashRange, hashStart, hashString } from "../entities/hash.js";
import { B, I, L, NUM_LABELS, U } from "../entities/labels.js";
import { isQuoteBlock, tokenAt, type QuoteContext, type RawAttribution, type TokSpan } from "./attribute.js";
import { CUE_VERBS } from "./lexicon.js";
import { cueClass, stem } from "./cue-lexicon.js";

export const SOURCE = 0, CUE = 1, CONTENT = 2;
/** Feature slots used per token (of the entities stage's SLOTS). */
export const USED_SLOTS = 49;

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
  /** Hash of the word's stem (cue-lexicon.ts). */
  stem: Int32Array;
  /** Cue class (cue-lexicon.ts; 0 none). */
  cls: Uint8Array;
}

const hashCache = new WeakMap<QuoteContext, TokenHashes>();
/**
 * Word -> stem hash * 16 + cue class, across documents (bounded): one number, no pair allocated per new word. Only
 * for words ending in a letter a-z: any other token (punctuation, numbers, non-ASCII) is not a lexicon form and has
 * no -ing / -ed / -s to strip, so it is its own stem with no class.
 */
const stemCache = new Map<string, number>();

function tokenHashes(ctx: QuoteContext): TokenHashes {
  let th = hashCache.get(ctx);
  if (th) return th;
  const { doc, words } = ctx;
  const n = doc.tokens.count;
  th = { word: new Int32Array(n), suffix: new Int32Array(n), shape: new Int32Array(n), cue: new Uint8Array(n), stem: new Int32Array(n), cls: new Uint8Array(n) };
  const w0 = hashStart(0x77), s0 = hashStart(0x73), st0 = hashStart(0x74);
  for (let t = 0; t < n; t++) {
    const w = words[t]!;
    th.word[t] = hashString(w0, w);
    th.suffix[t] = hashRange(s0, w, Math.max(0, w.length - 3), w.length);
    th.shape[t] = shapeHash(doc.text, doc.tokens.start[t]!, doc.tokens.end[t]!);
    const last = w.charCodeAt(w.length - 1);
    if (!(last >= 97 && last <= 122)) {
      th.stem[t] = hashString(st0, w);
      continue; // cue 0, cls 0: CUE_VERBS and the cue lexicon hold words ending in a letter only
    }
    th.cue[t] = CUE_VERBS.has(w) || (w === "according" && words[t + 1] === "to") ? 1 : 0;
    let ws = stemCache.get(w);
    if (ws === undefined) {
      if (stemCache.size > 200_000) stemCache.clear();
      stemCache.set(w, (ws = hashString(st0, stem(w)) * 16 + cueClass(w, "to")));
    }
    const c = ws & 15;
    th.stem[t] = (ws - c) / 16;
    th.cls[t] = w === "according" ? (words[t + 1] === "to" ? c : 0) : c;
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

function quoteState(ctx: QuoteContext, t: number): number {
  const r = ctx.regionAt[t]!;
  if (r < 0) return Q_OUT;
  const reg = ctx.regions[r]!;
  if (t === reg.open) return Q_OPEN;
  if (t === reg.close) return Q_CLOSE;
  return reg.open === ctx.doc.sentences[ctx.doc.tokens.sentence[reg.open]!]!.tokenStart ? Q_IN_SENT : Q_IN_MID;
}

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
  // Distance to the nearest cue word (lexicon.ts) outside quotations within the sentence, left and right (0: none
  // within 16), and the nearest cue-lexicon word (cue-lexicon.ts) likewise as class * 8 + distance bucket: one pass
  // each way.
  // Also the distance (bucket, 0: none within 16) back to the last closing quotation mark and on to the next opening
  // one in the sentence: the cue after a quotation (`''…,'' the assailant, John McGraw, told`) and before one
  // (`Mr. Trump yelled, ''Out!''`, `his famous demand in Berlin: “…”`).
  if (cueLeftBuf.length < n) {
    cueLeftBuf = new Int32Array(n * 2);
    cueRightBuf = new Int32Array(n * 2);
    candLBuf = new Int32Array(n * 2);
    candRBuf = new Int32Array(n * 2);
    markLBuf = new Uint8Array(n * 2);
    markRBuf = new Uint8Array(n * 2);
  }
  const cueLeft = cueLeftBuf, cueRight = cueRightBuf, candL = candLBuf, candR = candRBuf, cls = th.cls;
  const markL = markLBuf, markR = markRBuf;
  for (let dir = 1; dir >= -1; dir -= 2) {
    const from = dir > 0 ? t0 : t1 - 1, to = dir > 0 ? t1 : t0 - 1;
    const dist = dir > 0 ? cueLeft : cueRight, cand = dir > 0 ? candL : candR, markD = dir > 0 ? markL : markR;
    let last = -1, lastCand = -1, lastMark = -1, lc = 0, ls = -1;
    for (let t = from; t !== to; t += dir) {
      const s = sentence[t]!;
      if (s !== ls) {
        last = lastCand = lastMark = -1;
        ls = s;
      }
      const d = last >= 0 ? (t - last) * dir : 0;
      dist[t - t0] = d > 16 ? 0 : d;
      const dc = (t - lastCand) * dir;
      cand[t - t0] = lastCand >= 0 && dc <= 16 ? lc * 8 + bucket(dc) : 0;
      const dm = (t - lastMark) * dir;
      markD[t - t0] = lastMark >= 0 && dm <= 16 ? bucket(dm) : 0;
      const rg = regionAt[t]!;
      if (rg >= 0 && (dir > 0 ? ctx.regions[rg]!.close : ctx.regions[rg]!.open) === t) lastMark = t;
      if (rg < 0) {
        if (th.cue[t]) last = t;
        if (cls[t]) {
          lastCand = t;
          lc = cls[t]!;
        }
      }
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
    const q = quoteState(ctx, t);
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
    // The cue lexicon (cue-lexicon.ts): the stem, alone and with the rules' label; the class with the rules' label,
    // the next word ("said in", "called for", "according to") and the words either side ("has learned", "a
    // statement"); the nearest lexicon word each side; a mention right before a lexicon word ("Obama said"). On the
    // held-out slice these 9 took exact F1 (Source / Cue / Content, train/main.ts's scoring, best epoch of 14) from
    // 60.5 / 58.1 / 35.0 to 62.8 / 60.2 / 37.3.
    const c = cls[t]!, cP = t > t0 ? cls[t - 1]! : 15, cN = t + 1 < t1 ? cls[t + 1]! : 15; // 15: the sequence's edge (classes are 0-9)
    // (Template ids 35-45, not 34-44: the ids these were chosen with; slot 34 onwards all the same.)
    f1(35, th.stem[t]!);
    f2(36, th.stem[t]!, r0);
    f2(37, c, r0);
    f2(38, c, wn);
    f2(39, cP, w);
    f2(40, cN, w);
    f2(41, candL[i]!, q);
    f2(42, candR[i]!, q);
    f2(43, ment, cN);
    // The words two to the left and right with the rules' label: 63.3 / 60.7 / 37.6 with the 9 above (epoch 13).
    f2(44, wh(t - 2), r0);
    f2(45, wh(t + 2), r0);
    // Quotation marks near a candidate cue, for the verbs the lexicon lacks (`yelled`, `tweeted`): the suffix and
    // the class with the distances back to a closing and on to an opening mark, and the word two on ("yelled , ''").
    const ml = markL[i]!, mr = markR[i]!;
    f2(46, th.suffix[t]!, ml);
    f2(47, th.suffix[t]!, mr);
    f2(48, c, ml * 8 + mr);
    f2(49, th.suffix[t]!, wh(t + 2));
  }
  return out;
}

let cueLeftBuf = new Int32Array(0), cueRightBuf = new Int32Array(0), candLBuf = new Int32Array(0), candRBuf = new Int32Array(0);
let markLBuf = new Uint8Array(0), markRBuf = new Uint8Array(0);


/**
 * Stacking (issue #9, round 9): the second-stage tagger's features are the first stage's USED_SLOTS plus these
 * STACK_TEMPLATES templates over the first-stage tagger's predicted labels, in slots USED_SLOTS .. STACK_USED_SLOTS - 1
 * of the same buffer. The second stage is trained on jackknifed first-stage labels (train/stack.ts), so that they are
 * as noisy in training as at run time.
 */
export const STACK_TEMPLATES = 23;
export const STACK_USED_SLOTS = USED_SLOTS + STACK_TEMPLATES;
if (STACK_USED_SLOTS > SLOTS) throw new Error("stacked templates exceed SLOTS");

let roleBuf = new Uint8Array(0), spanStartBuf = new Int32Array(0), spanEndBuf = new Int32Array(0);
let sideBuf = new Uint8Array(0), cueDLBuf = new Uint8Array(0), cueDRBuf = new Uint8Array(0), afterLBuf = new Uint8Array(0), afterRBuf = new Uint8Array(0);

/**
 * Fills the stacked slots of `out` (made by `features` for the same sequence, rules' labels, `bits` and `stride`) from
 * `lab1`, the first stage's labels of the sequence (0 none, else 1 + 4 * role + BILOU part - 1; length n).
 */
export function stackFeatures(ctx: QuoteContext, seq: Sequence, rules: Uint8Array, lab1: Uint8Array, bits: number, out: Int32Array, stride: number = NUM_LABELS): void {
  const th = tokenHashes(ctx);
  const { doc } = ctx;
  const t0 = seq.tokenStart, n = seq.tokenEnd - t0;
  const mask = (1 << bits) - 1;
  const sentence = doc.tokens.sentence;
  if (roleBuf.length < n) {
    const m = n * 2;
    roleBuf = new Uint8Array(m);
    spanStartBuf = new Int32Array(m);
    spanEndBuf = new Int32Array(m);
    sideBuf = new Uint8Array(m);
    cueDLBuf = new Uint8Array(m);
    cueDRBuf = new Uint8Array(m);
    afterLBuf = new Uint8Array(m);
    afterRBuf = new Uint8Array(m);
  }
  const role = roleBuf, spS = spanStartBuf, spE = spanEndBuf, side = sideBuf, cueDL = cueDLBuf, cueDR = cueDRBuf, afterL = afterLBuf, afterR = afterRBuf;
  // Role per token (3: none) and the span holding it (a role's run of tokens from a B or U).
  for (let i = 0; i < n; i++) role[i] = lab1[i] === 0 ? 3 : (lab1[i]! - 1) >> 2;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    const p0 = role[i] === 3 ? 0 : ((lab1[i]! - 1) & 3) + 1;
    if (p0 === B || p0 === I)
      while (j < n && role[j] === role[i]) {
        const p = ((lab1[j]! - 1) & 3) + 1;
        if (p === I) j++;
        else {
          if (p === L) j++;
          break;
        }
      }
    for (let k = i; k < j; k++) {
      spS[k] = i;
      spE[k] = j;
    }
    i = j;
  }
  // Per token, in its sentence, outside its own span: cue / source / content on the left (bits 1, 4, 16) and the right
  // (2, 8, 32); the distance (bucket) to the nearest cue token each side; the label right after that cue.
  for (let dir = 1; dir >= -1; dir -= 2) {
    let ls = -1, seen = 0, lastCue = -1;
    for (let i = dir > 0 ? 0 : n - 1; i >= 0 && i < n; i += dir) {
      const s = sentence[t0 + i]!;
      if (s !== ls) {
        ls = s;
        seen = 0;
        lastCue = -1;
      }
      // Spans wholly passed: those ending before this token's span (left pass) or starting after it (right pass).
      const prev = i - dir;
      if (prev >= 0 && prev < n && spS[prev] !== spS[i] && sentence[t0 + prev] === s && role[prev] !== 3) {
        seen |= 1 << (2 * role[prev]!);
        if (role[prev] === CUE) lastCue = prev;
      }
      if (dir > 0) side[i] = seen;
      else side[i] = side[i]! | (seen << 1);
      const d = lastCue >= 0 ? (i - lastCue) * dir : 0;
      const after = lastCue >= 0 && spE[lastCue]! < n ? lab1[spE[lastCue]!]! : 13;
      if (dir > 0) {
        cueDL[i] = lastCue >= 0 ? bucket(d) : 7;
        afterL[i] = lastCue >= 0 ? after : 14;
      } else {
        cueDR[i] = lastCue >= 0 ? bucket(d) : 7;
        afterR[i] = lastCue >= 0 ? after : 14;
      }
    }
  }
  const put = (slot: number, h: number): void => {
    out[slot] = (finish(h) & mask) * stride;
  };
  const f1 = (slot: number, tpl: number, a: number): void => put(slot, mix(hashStart(tpl), a));
  const f2 = (slot: number, tpl: number, a: number, b: number): void => put(slot, mix(mix(hashStart(tpl), a), b));
  const lb = (i: number): number => (i < 0 || i >= n ? 13 : lab1[i]!);
  for (let i = 0; i < n; i++) {
    const t = t0 + i;
    const base = i * SLOTS + USED_SLOTS;
    const q = quoteState(ctx, t);
    const Lt = lab1[i]!, Lp = lb(i - 1), Ln = lb(i + 1), Lpp = lb(i - 2), Lnn = lb(i + 2);
    const w = th.word[t]!;
    const m = ctx.mentionAt[t]!;
    const ment = m >= 0 ? typeHash(doc.entities[ctx.mentions[m]!.entity]!.type) : NO_MENTION;
    const inContent = role[i] === CONTENT ? 1 + bucket(i - spS[i]!) * 8 + bucket(spE[i]! - 1 - i) : 0;
    f1(base, 50, Lt);
    f2(base + 1, 51, Lp, Lt);
    f2(base + 2, 52, Lt, Ln);
    f2(base + 3, 53, Lpp, Lp * 16 + Lt);
    f2(base + 4, 54, Lt, Ln * 16 + Lnn);
    f2(base + 5, 55, Lp * 16 + Lt, Ln);
    f2(base + 6, 56, w, Lt);
    f2(base + 7, 57, w, Lp);
    f2(base + 8, 58, w, Ln);
    f2(base + 9, 59, side[i]! & 15, Lt);
    f2(base + 10, 60, side[i]! >> 4, Lt);
    f2(base + 11, 61, cueDL[i]!, q);
    f2(base + 12, 62, cueDR[i]!, q);
    f2(base + 13, 63, cueDL[i]! * 8 + cueDR[i]!, Lt);
    f2(base + 14, 64, afterL[i]!, Lt);
    f2(base + 15, 65, afterR[i]!, Lt);
    f2(base + 16, 66, inContent, q);
    f2(base + 17, 67, role[i] === 3 ? 0 : 1 + bucket(spE[i]! - spS[i]!), Lt);
    f2(base + 18, 68, t < rules.length ? rules[t]! : 99, Lt);
    f2(base + 19, 69, th.cls[t]!, Lt);
    f2(base + 20, 70, th.suffix[t]!, Lt);
    f2(base + 21, 71, ment, Lt);
    f2(base + 22, 72, th.shape[t]!, Lt);
  }
}
