/**
 * The learned part of the quotes stage: a Source / Cue / Content sequence tagger over each paragraph (BILOU labels,
 * averaged structured perceptron reused from the entities stage: type 0 = Source, 1 = Cue, 2 = Content, the other two
 * types unused) over the features of features.ts; its file format, its loading, and its own Viterbi over the 13 used
 * labels. The linker (link.ts) joins the tagged spans into attributions. Trained by train/main.ts
 * (`npm run train:quotes`); model card docs/models/quotes.md. Without models/quotes.bin.gz the rules' attributions
 * are used as they are. A second-stage tagger of the same form (models/quotes2.bin.gz, `quoteModel2`; features.ts
 * `stackFeatures` adds templates over the first stage's labels; trained by train/stack.ts) re-labels each sequence
 * after the first where its file is present.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { gunzipWhole } from "../../core/gunzip.js";
import { END_MASK, TRANSITION_MASK } from "../entities/decode.js";
import { SLOTS } from "../entities/features.js";
import { NUM_LABELS, spansFromLabels, bilouFromSpans, type TypedSpan } from "../entities/labels.js";
import { quantize, scaleTransitions } from "../entities/model.js";
import { CONTENT, STACK_USED_SLOTS, USED_SLOTS, type Sequence } from "./features.js";

export interface QuoteModel {
  bits: number;
  weights: Int16Array;
  scale: number;
  trans: Float32Array;
  end: Float32Array;
  /** Feature slots read per token: USED_SLOTS (absent) for the first stage, STACK_USED_SLOTS for the second. */
  slots?: number;
}

/** NGQUO2: 45 feature templates (the cue lexicon, the rules' labels two away) and `''` opening quotations (marks.ts). */
const MAGIC = "NGQUO2";
/** NGQST1: the second-stage (stacked) tagger of round 9, the first stage's templates plus 23 over its labels. */
const MAGIC2 = "NGQST1";

export function serializeQuoteModel(m: QuoteModel): Buffer {
  const stage2 = m.slots === STACK_USED_SLOTS;
  const head = Buffer.from(JSON.stringify({ magic: stage2 ? MAGIC2 : MAGIC, bits: m.bits, scale: m.scale, usedSlots: stage2 ? STACK_USED_SLOTS : USED_SLOTS }) + "\n");
  const parts = [head, Buffer.from(m.trans.buffer, m.trans.byteOffset, m.trans.byteLength), Buffer.from(m.end.buffer, m.end.byteOffset, m.end.byteLength), Buffer.from(m.weights.buffer, m.weights.byteOffset, m.weights.byteLength)];
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

/** A model file of either stage; `stage2` says which one is expected (a file of the other stage or version throws). */
export function deserializeQuoteModel(gz: Buffer, stage2 = false): QuoteModel {
  const raw = gunzipWhole(gz);
  const nl = raw.indexOf(10);
  const head = JSON.parse(raw.subarray(0, nl).toString("utf8")) as { magic: string; bits: number; scale: number; usedSlots: number };
  if (stage2 ? head.magic !== MAGIC2 || head.usedSlots !== STACK_USED_SLOTS : head.magic !== MAGIC || head.usedSlots !== USED_SLOTS)
    throw new Error(stage2 ? "models/quotes2.bin.gz: not a second-stage quotes model of this version" : "models/quotes.bin.gz: not a quotes model of this version");
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
    ...(stage2 ? { slots: STACK_USED_SLOTS } : {}),
  };
}

export function fromFloat(bits: number, weights: Float32Array, trans: Float32Array, end: Float32Array, slots?: number): QuoteModel {
  const { q, scale } = quantize(weights);
  return { bits, weights: q, scale, trans, end, ...(slots !== undefined && slots !== USED_SLOTS ? { slots } : {}) };
}

/** models/quotes.bin.gz, or NEWSGRAPH_QUOTES_MODEL (a model trained on part of train, to score the held-out slice). */
const MODEL_PATH = process.env.NEWSGRAPH_QUOTES_MODEL || join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "models", "quotes.bin.gz");
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

/**
 * The second-stage tagger (round 9): NEWSGRAPH_QUOTES_MODEL2 (`none`: no second stage), else models/quotes2.bin.gz
 * when present and the first stage is the shipped one (a first stage given by NEWSGRAPH_QUOTES_MODEL goes without
 * the shipped second stage, which was trained on the shipped first stage's kind of labels).
 */
const MODEL2_ENV = process.env.NEWSGRAPH_QUOTES_MODEL2;
const MODEL2_PATH =
  MODEL2_ENV === "none" ? "" : MODEL2_ENV || (process.env.NEWSGRAPH_QUOTES_MODEL ? "" : join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "models", "quotes2.bin.gz"));
let loaded2: QuoteModel | null | undefined;

/** The second stage, loaded once; null when absent, disabled or without a first stage. */
export function quoteModel2(): QuoteModel | null {
  if (loaded2 !== undefined) return loaded2;
  loaded2 = !MODEL2_PATH || !quoteModel() || !existsSync(MODEL2_PATH) ? null : deserializeQuoteModel(readFileSync(MODEL2_PATH), true);
  return loaded2;
}

/** Sets the second stage in use (training and tests); null for none. */
export function setQuoteModel2(m: QuoteModel | null): void {
  loaded2 = m;
}

/** Working buffers of the decoder, grown as needed and reused across sequences. */
let emitBuf = new Float32Array(0), scoreBuf = new Float32Array(0), backBuf = new Uint8Array(0), partBuf = new Float32Array(0);
/** Features rescaled to the compact table's rows, for callers of `tagSequence` with another stride (training). */
let rescaledBuf = new Int32Array(0);

/** Grows the working buffers to hold n tokens' scores. */
function reserve(n: number): void {
  if (emitBuf.length >= n * QK) return;
  const size = Math.max(n * QK, 2 * emitBuf.length);
  emitBuf = new Float32Array(size);
  scoreBuf = new Float32Array(size);
  backBuf = new Uint8Array(size);
  partBuf = new Float32Array(size);
}

/**
 * Labels the quotes tagger uses: none and BILOU of types 0–2 (Source, Cue, Content) are labels 0–12; the entities
 * stage's layout has 21 (types 3 and 4 unused here: their weights are never raised in training).
 */
export const QK = 1 + 4 * 3;

/** The transitions of a model among the 13 used labels (row QK: start), its end scores and, per label, the labels allowed before it. */
interface Transitions {
  trans: Float32Array;
  end: Float32Array;
  prevFrom: Int32Array;
  prev: Int32Array;
}

/**
 * The run-time form of a model: weights of the 13 used labels only (6.8 MB instead of 11 MB for 2^18 buckets; the
 * emission scoring is a random read per feature, so the smaller rows and table are most of the stage's speed), and
 * its transitions.
 */
interface Compact extends Transitions {
  w: Int16Array;
}

const transitionsOf = new WeakMap<QuoteModel, Transitions>();
const compacts = new WeakMap<QuoteModel, Compact>();

function transitions(model: QuoteModel): Transitions {
  let t = transitionsOf.get(model);
  if (t) return t;
  const K = NUM_LABELS;
  const tr = scaleTransitions(model.trans, model.scale, TRANSITION_MASK);
  const en = scaleTransitions(model.end, model.scale, END_MASK);
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
  t = { trans, end, prevFrom, prev: Int32Array.from(list) };
  transitionsOf.set(model, t);
  return t;
}

/**
 * The 13 used labels' weights of each bucket of `model`, copied to rows of `row` int16 from `at` in `w` (a plain
 * copy loop: a subarray view per bucket allocated 2^18 objects, 40-80 ms of every worker's start-up).
 */
function copyRows(model: QuoteModel, w: Int16Array, row: number, at: number): void {
  const buckets = 1 << model.bits;
  const src = model.weights;
  for (let b = 0, from = 0, to = at; b < buckets; b++, from += NUM_LABELS, to += row) for (let l = 0; l < QK; l++) w[to + l] = src[from + l]!;
}

function compact(model: QuoteModel): Compact {
  let c = compacts.get(model);
  if (c) return c;
  const w = new Int16Array((1 << model.bits) * QK);
  copyRows(model, w, QK, 0);
  c = { w, ...transitions(model) };
  compacts.set(model, c);
  return c;
}

/**
 * Writes to out[o .. o + QK) the sums of the 13 weights at w[feats[fb + s] + shift ..] over the slots s in
 * [from, to) (a negative feature is absent). The sums stay in 13 locals, not read-modify-writes of `out` per feature.
 * Integer sums of at most SLOTS int16 values: exact, in whatever order or grouping they are added.
 */
function sumRows(w: Int16Array, feats: Int32Array, fb: number, from: number, to: number, shift: number, out: Float32Array, o: number): void {
  let e0 = 0, e1 = 0, e2 = 0, e3 = 0, e4 = 0, e5 = 0, e6 = 0, e7 = 0, e8 = 0, e9 = 0, e10 = 0, e11 = 0, e12 = 0;
  for (let s = fb + from, last = fb + to; s < last; s++) {
    const f = feats[s]!;
    if (f < 0) continue;
    const b = f + shift;
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
  out[o] = e0;
  out[o + 1] = e1;
  out[o + 2] = e2;
  out[o + 3] = e3;
  out[o + 4] = e4;
  out[o + 5] = e5;
  out[o + 6] = e6;
  out[o + 7] = e7;
  out[o + 8] = e8;
  out[o + 9] = e9;
  out[o + 10] = e10;
  out[o + 11] = e11;
  out[o + 12] = e12;
}

/**
 * Decoded labels of one sequence with a model (a new array; the working buffers are reused). `feats` as made by
 * `features` with the same `stride` (NUM_LABELS by default, as in training; QK saves a division per feature).
 * Labels of types 3 and 4 are never chosen (their weights are never raised), so decoding over the 13 used labels
 * gives the same path as over all 21.
 */
export function tagSequence(model: QuoteModel, feats: Int32Array, n: number, stride: number = NUM_LABELS): Uint8Array {
  const slots = model.slots ?? USED_SLOTS;
  if (n === 0) return new Uint8Array(0);
  const c = compact(model);
  reserve(n);
  const f = stride === QK ? feats : rescale(feats, n * SLOTS, stride);
  for (let i = 0; i < n; i++) sumRows(c.w, f, i * SLOTS, 0, slots, 0, emitBuf, i * QK);
  return decode(emitBuf, n, c);
}

/** feats[0 .. size) made with `stride`, as rows of the compact table (f / stride is exact: f is a multiple of stride). */
function rescale(feats: Int32Array, size: number, stride: number): Int32Array {
  if (rescaledBuf.length < size) rescaledBuf = new Int32Array(Math.max(size, 2 * rescaledBuf.length));
  for (let k = 0; k < size; k++) rescaledBuf[k] = feats[k]! < 0 ? -1 : (feats[k]! / stride) * QK;
  return rescaledBuf;
}

/** First-order Viterbi over the allowed transitions only (BILOU: about a third of the pairs); a new array of labels. */
function decode(emit: Float32Array, n: number, { trans, end, prevFrom, prev }: Transitions): Uint8Array {
  const out = new Uint8Array(n);
  const score = scoreBuf, back = backBuf;
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

/**
 * Row length (int16) of the paired table of the two stages: the first stage's 13 weights of a bucket at 0, the
 * second's at PAIR_HALF. Features for `StackedTagger` are made with this stride. Unpadded (52 bytes, 13.6 MB for
 * both): rows padded to 64 bytes, one cache line each, measured a few percent slower (a larger table).
 */
export const PAIR_ROW = 2 * QK;
const PAIR_HALF = QK;

/**
 * Both stages of the tagger over one table, for the stage at run time. The second stage reads the first stage's 49
 * feature buckets again (its first USED_SLOTS slots are the same), and each read of either table was a cache miss
 * (6.8 MB each, random rows): with a bucket's weights of both stages side by side (a row of 52 bytes), the first
 * pass sums both stages' weights over those slots from the lines it loads anyway, and the second stage reads only
 * its 23 stacked slots. The sums are those of `tagSequence` with each model, to the bit (integer sums: exact).
 */
export class StackedTagger {
  private readonly w: Int16Array;
  private readonly first: Transitions;
  private readonly second: Transitions;

  constructor(model: QuoteModel, model2: QuoteModel) {
    if (model2.bits !== model.bits) throw new Error("quotes models: the two stages' table sizes differ");
    if ((model.slots ?? USED_SLOTS) !== USED_SLOTS || model2.slots !== STACK_USED_SLOTS) throw new Error("quotes models: not a first and a second stage");
    this.w = new Int16Array((1 << model.bits) * PAIR_ROW);
    copyRows(model, this.w, PAIR_ROW, 0);
    copyRows(model2, this.w, PAIR_ROW, PAIR_HALF);
    this.first = transitions(model);
    this.second = transitions(model2);
  }

  /**
   * The first stage's labels of a sequence of n tokens; `feats` made by `features` with stride PAIR_ROW. Also keeps
   * the second stage's sums over the same slots, for `labelSecond` of this sequence.
   */
  labelFirst(feats: Int32Array, n: number): Uint8Array {
    if (n === 0) return new Uint8Array(0);
    reserve(n);
    for (let i = 0; i < n; i++) {
      sumRows(this.w, feats, i * SLOTS, 0, USED_SLOTS, 0, emitBuf, i * QK);
      // The same rows' other half: lines just loaded.
      sumRows(this.w, feats, i * SLOTS, 0, USED_SLOTS, PAIR_HALF, partBuf, i * QK);
    }
    return decode(emitBuf, n, this.first);
  }

  /** The second stage's labels of the sequence of the last `labelFirst`, `feats` now with its stacked slots (`stackFeatures`). */
  labelSecond(feats: Int32Array, n: number): Uint8Array {
    if (n === 0) return new Uint8Array(0);
    const emit = emitBuf, part = partBuf;
    for (let i = 0; i < n; i++) sumRows(this.w, feats, i * SLOTS, USED_SLOTS, STACK_USED_SLOTS, PAIR_HALF, emit, i * QK);
    for (let k = 0, size = n * QK; k < size; k++) emit[k]! += part[k]!;
    return decode(emit, n, this.second);
  }
}

const stackedTaggers = new WeakMap<QuoteModel, { model2: QuoteModel; tagger: StackedTagger }>();

/** The paired tagger of two stages, built once per pair of models. */
export function stackedTagger(model: QuoteModel, model2: QuoteModel): StackedTagger {
  const had = stackedTaggers.get(model);
  if (had && had.model2 === model2) return had.tagger;
  const tagger = new StackedTagger(model, model2);
  stackedTaggers.set(model, { model2, tagger });
  return tagger;
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
