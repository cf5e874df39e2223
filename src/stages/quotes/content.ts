/**
 * The content-boundary model: where each content fragment of a linked attribution starts and ends. The tagger
 * (model.ts) finds the contents — by token overlap its spans are mostly right — but, first-order, it sees little of
 * the sentence and misplaces the edges (held-out train slice, round 4: 397 of 1,683 gold contents start or end
 * elsewhere). Given the attribution the linker made (cue, source, fragments), two linear rankers choose, for each
 * fragment, its start among the tokens of its start's sentence and its end among those of its end's sentence (at
 * most WINDOW tokens from the linker's edge, never over the attribution's cue, source or other fragments), from
 * features of the boundary tokens and their neighbours, the cue's lexicon class, the side of the cue, quotation
 * marks, mentions, the rules' labels, the distance to the linker's edge and to the cue group. Averaged perceptron,
 * trained on PolNeAR train (train/content.ts) with the linker's contents from a jackknifed tagger, weights in
 * models/quotes-content.bin.gz; model card docs/models/quotes.md, "Round 5: content boundaries".
 *
 * Which does what: the linker's rules still decide which contents an attribution has (the pairing, the second
 * fragment, continuations, the `NAME:` turn); this model moves their edges only. Cost: per fragment two windows of
 * at most 2 · WINDOW + 1 candidates, ~20 hashed reads each, so linear in the text.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { gunzipWhole } from "../../core/gunzip.js";
import { finish, hashStart, hashString } from "../entities/hash.js";
import type { QuoteContext, RawAttribution, TokSpan } from "./attribute.js";
import { cueClass } from "./cue-lexicon.js";
import { FINITE } from "./lexicon.js";
import { ruleLabels } from "./features.js";

/** Most tokens a content edge moves from the linker's. */
export const WINDOW = 40;

export interface ContentModel {
  bits: number;
  /** Hashed feature weights, quantized (the argmax needs no scale). */
  w: Int16Array;
}

/** Per-document values the features read. */
export interface ContentEnv {
  ctx: QuoteContext;
  word: Int32Array;
  rules: Uint8Array;
  /** 1 where a token is inside some attribution's cue. */
  cueAt: Uint8Array;
}

export function contentEnv(ctx: QuoteContext, rules: readonly RawAttribution[], atts: readonly RawAttribution[]): ContentEnv {
  const n = ctx.doc.tokens.count;
  const word = new Int32Array(n);
  const h0 = hashStart(0x63);
  for (let t = 0; t < n; t++) word[t] = hashString(h0, ctx.words[t]!);
  const cueAt = new Uint8Array(n);
  for (const a of atts) if (a.cue) cueAt.fill(1, a.cue.start, a.cue.end);
  return { ctx, word, rules: ruleLabels(ctx, rules), cueAt };
}

const BOS = hashString(hashStart(0x63), "<s>");

/** Decision kinds: a fragment's start, its end. */
export const START = 0, END = 1;

/** Candidates of one decision: token positions (a start, or an exclusive end) and their features. */
export interface Candidates {
  pos: number[];
  /** Features of candidate i: feats[offs[i] .. offs[i + 1]). */
  offs: number[];
  feats: number[];
  /** Index of the linker's own edge among pos. */
  prop: number;
}

export function emptyCandidates(): Candidates {
  return { pos: [], offs: [0], feats: [], prop: -1 };
}

/** Signed log bucket of a distance. */
const sd = (d: number): number => (d < 0 ? -bucket(-d) : bucket(d));
const bucket = (d: number): number => (d <= 2 ? d : d <= 4 ? 3 : d <= 8 ? 4 : d <= 16 ? 5 : d <= 32 ? 6 : 7);

/**
 * The candidates for the start (kind START) or end (END) of fragment `fi` of `a`, with their features, into `out`
 * (cleared first). The window: the sentence of the linker's edge, within WINDOW tokens of it, not over the
 * attribution's other spans, the fragment kept non-empty against its other edge.
 */
export function candidates(env: ContentEnv, a: RawAttribution, fi: number, kind: number, mask: number, out: Candidates): void {
  const { ctx, word, rules, cueAt } = env;
  const { doc, words, regionAt, regions, mentionAt } = ctx;
  const sent = doc.tokens.sentence;
  const n = doc.tokens.count;
  const f = a.content[fi]!;
  out.pos.length = 0;
  out.offs.length = 1;
  out.feats.length = 0;
  out.prop = -1;
  // The attribution's other spans bound the fragment: lo on its left, hi on its right.
  let lo = -1, hi = n + 1;
  const bound = (sp: TokSpan | null): void => {
    if (!sp || sp === f) return;
    if (sp.end <= f.start) lo = Math.max(lo, sp.end);
    else if (sp.start >= f.end) hi = Math.min(hi, sp.start);
  };
  bound(a.source);
  bound(a.cue);
  for (const c of a.content) bound(c);
  const cue = a.cue;
  const side = cue && f.end <= cue.start ? 0 : 1;
  let cls = 0;
  if (cue) for (let t = cue.start; t < cue.end && cls === 0; t++) cls = cueClass(words[t]!, words[t + 1]);
  const cueLast = cue ? word[cue.end - 1]! : BOS;
  const w = (t: number): number => (t >= 0 && t < n ? word[t]! : BOS);
  const inQ = (t: number): number => (t >= 0 && t < n && regionAt[t]! >= 0 ? 1 : 0);
  const lab = (t: number): number => (t >= 0 && t < n ? rules[t]! : 15);
  const emit = (tpl: number, x: number, y = 0, z = 0): void => {
    let h = hashStart(kind * 64 + tpl);
    h = Math.imul(h ^ side, 0x01000193);
    h = Math.imul(h ^ x, 0x01000193);
    h = Math.imul(h ^ y, 0x01000193);
    h = Math.imul(h ^ z, 0x01000193);
    out.feats.push(finish(h) & mask);
  };
  if (kind === START) {
    const P = f.start;
    const sen = doc.sentences[sent[P]!]!;
    const from = Math.max(lo, sen.tokenStart, P - WINDOW), to = Math.min(f.end - 1, P + WINDOW);
    // Distance to the attribution's span on the left, when it is in this sentence.
    const grp = lo >= sen.tokenStart ? lo : -1;
    commaCounts(words, from, to + 1, commas);
    shapeCounts(ctx, from, to, shapes);
    for (let p = from; p <= to; p++) {
      const prop = p === P ? 1 : 0;
      const dl = grp >= 0 ? bucket(p - grp) : 8;
      let prevCue = 9;
      for (let t = p - 1; t >= Math.max(0, p - 8); t--)
        if (cueAt[t]) {
          prevCue = p - t;
          break;
        }
      const r = regionAt[p]!;
      const opens = r >= 0 && regions[r]!.open === p ? 1 : 0;
      emit(1, prop);
      emit(2, sd(p - P));
      emit(3, w(p));
      emit(4, w(p - 1));
      emit(5, w(p - 1), w(p));
      emit(6, w(p), prop);
      emit(7, w(p - 1), prop);
      emit(8, p === sen.tokenStart ? 1 : 0, p === grp ? 1 : 0);
      emit(9, dl);
      emit(10, opens * 4 + inQ(p) * 2 + inQ(p - 1));
      emit(11, cls, w(p - 1));
      emit(12, cls, dl);
      emit(13, p > 0 && mentionAt[p]! >= 0 && mentionAt[p] === mentionAt[p - 1] ? 1 : 0);
      emit(14, lab(p), lab(p - 1));
      emit(15, cueLast, w(p));
      emit(16, w(p + 1));
      emit(17, prop, dl);
      emit(18, prevCue);
      emit(19, sd(p - P), w(p - 1));
      emit(20, w(p - 2));
      emit(21, cls, prop);
      emit(22, Math.sign(p - P), between(commas, from, p, P));
      emit(23, Math.sign(p - P), p < P ? shape(shapes, from, p, P) : shape(shapes, from, P, p));
      if (prop) out.prop = out.pos.length;
      out.pos.push(p);
      out.offs.push(out.feats.length);
    }
  } else {
    const E = f.end;
    const sen = doc.sentences[sent[E - 1]!]!;
    const from = Math.max(f.start + 1, E - WINDOW), to = Math.min(hi, sen.tokenEnd, E + WINDOW);
    const grp = hi <= sen.tokenEnd ? hi : -1;
    commaCounts(words, from - 1, to, commas);
    for (let q = from; q <= to; q++) {
      const prop = q === E ? 1 : 0;
      const dh = grp >= 0 ? bucket(grp - q) : 8;
      let nextCue = 9;
      for (let t = q; t < Math.min(n, q + 8); t++)
        if (cueAt[t]) {
          nextCue = t - q;
          break;
        }
      const r = regionAt[q - 1]!;
      const closes = r >= 0 && regions[r]!.close === q - 1 ? 1 : 0;
      const last = q === sen.tokenEnd ? 2 : q === sen.tokenEnd - 1 && (words[q] === "." || words[q] === "?" || words[q] === "!") ? 1 : 0;
      emit(1, prop);
      emit(2, sd(q - E));
      emit(3, w(q - 1));
      emit(4, w(q));
      emit(5, w(q - 1), w(q));
      emit(6, w(q - 1), prop);
      emit(7, w(q), prop);
      emit(8, last, q === grp ? 1 : 0);
      emit(9, dh);
      emit(10, closes * 4 + inQ(q - 1) * 2 + inQ(q));
      emit(11, cls, w(q));
      emit(12, q < n && mentionAt[q]! >= 0 && mentionAt[q] === mentionAt[q - 1] ? 1 : 0);
      emit(13, lab(q - 1), lab(q));
      emit(14, nextCue);
      emit(15, bucket(q - f.start));
      emit(16, w(q + 1));
      emit(17, cls, dh);
      emit(18, sd(q - E), w(q));
      emit(19, prop, dh);
      emit(20, w(q - 2));
      emit(21, cls, prop);
      emit(22, Math.sign(q - E), between(commas, from - 1, q - 1, E - 1));
      if (prop) out.prop = out.pos.length;
      out.pos.push(q);
      out.offs.push(out.feats.length);
    }
  }
}


/**
 * shapes[4·i + k] = tokens among [a, a + i) with property k: 0 in a mention (a subject), 1 a finite auxiliary
 * (FINITE), 2 another word ending in -ed, 3 a reporting-lexicon word; for i in [0, b - a].
 */
const shapes: number[] = [];
function shapeCounts(ctx: QuoteContext, a: number, b: number, into: number[]): void {
  const { words, mentionAt } = ctx;
  into.length = 4;
  into.fill(0);
  for (let t = a; t < b; t++) {
    const w = words[t]!, k = into.length - 4;
    const fin = FINITE.has(w);
    into.push(into[k]! + (mentionAt[t]! >= 0 ? 1 : 0), into[k + 1]! + (fin ? 1 : 0), into[k + 2]! + (!fin && w.length >= 4 && w.endsWith("ed") ? 1 : 0), into[k + 3]! + (cueClass(w, words[t + 1]) !== 0 ? 1 : 0));
  }
}

/**
 * The shape of the tokens [x, y) that a start at x < P adds to the fragment, or a start at y > P cuts from it
 * (window from a): whether they hold a mention, a finite auxiliary, an -ed word, a reporting-lexicon word, as 4 bits.
 * Why (round 7): trained on the current tagger's jackknife, the start ranker moved `Putin admitted ‸ Beijing had
 * questions and concerns about the invasion` to `about ‸ the invasion` on the boundary words alone (`about ‸ the`
 * opens many contents of nominal cues, `concerns about`); it had no feature for cutting the clause's own subject
 * and finite verb out of the content. Held-out train slice, Content exact F1 50.1 → 50.7 (the end edge's twin: worse;
 * with the cue class or the distance: worse).
 */
function shape(counts: readonly number[], a: number, x: number, y: number): number {
  const i = 4 * (x - a), j = 4 * (y - a);
  let bits = 0;
  for (let k = 0; k < 4; k++) if (counts[j + k]! > counts[i + k]!) bits |= 8 >> k;
  return bits;
}

/** Candidates as training stores them (typed arrays) or as `candidates` fills them. */
export interface CandidateView {
  pos: ArrayLike<number>;
  offs: ArrayLike<number>;
  feats: ArrayLike<number>;
  prop: number;
}

/** commas[i] = commas among words[a .. a + i), for i in [0, b - a]. */
const commas: number[] = [];
function commaCounts(words: readonly string[], a: number, b: number, into: number[]): void {
  into.length = 0;
  into.push(0);
  for (let t = a; t < b; t++) into.push(into[into.length - 1]! + (words[t] === "," || words[t] === ";" || words[t] === ":" ? 1 : 0));
}

/** Clause punctuation strictly between tokens x and y (either order) of the window starting at a, as 0 / 1 / 2+. */
function between(counts: readonly number[], a: number, x: number, y: number): number {
  const lo = Math.min(x, y) + 1, hi = Math.max(x, y);
  if (hi <= lo) return 0;
  const c = counts[Math.min(hi, a + counts.length - 1) - a]! - counts[Math.max(lo, a) - a]!;
  return c > 2 ? 2 : c;
}

/** Index of the best-scoring candidate; the linker's own edge wins ties (and stands when there is no candidate). */
export function best(w: ArrayLike<number>, c: CandidateView): number {
  let bi = c.prop, bs = -Infinity;
  if (bi >= 0) {
    bs = 0;
    for (let k = c.offs[bi]!; k < c.offs[bi + 1]!; k++) bs += w[c.feats[k]!]!;
  }
  for (let i = 0; i < c.pos.length; i++) {
    let s = 0;
    for (let k = c.offs[i]!; k < c.offs[i + 1]!; k++) s += w[c.feats[k]!]!;
    if (s > bs) {
      bs = s;
      bi = i;
    }
  }
  return bi;
}

const scratch = emptyCandidates();

/**
 * Moves the content edges of every attribution with a cue to the model's choice (in place). A fragment whose chosen
 * start is not before its chosen end keeps the linker's edges.
 */
export function refineContents(env: ContentEnv, atts: readonly RawAttribution[], w: ArrayLike<number>, mask: number): void {
  for (const a of atts) {
    if (!a.cue) continue;
    for (let fi = 0; fi < a.content.length; fi++) {
      const f = a.content[fi]!;
      // A whole quotation is the marks' to bound (direct quotes keep their kind): the model leaves it.
      const r = env.ctx.regionAt[f.start]!;
      if (r >= 0 && env.ctx.regions[r]!.open === f.start && f.end >= env.ctx.regions[r]!.end) continue;
      candidates(env, a, fi, START, mask, scratch);
      const si = best(w, scratch);
      const s = si >= 0 ? scratch.pos[si]! : f.start;
      candidates(env, a, fi, END, mask, scratch);
      const ei = best(w, scratch);
      const e = ei >= 0 ? scratch.pos[ei]! : f.end;
      if (s < e && (s !== f.start || e !== f.end)) a.content[fi] = { start: s, end: e };
    }
  }
}

/** NGQCT2: the templates above (23 per start decision, 22 per end; NGQCT1 had 22 for both), WINDOW 40. */
const MAGIC = "NGQCT2";

export function serializeContentModel(m: ContentModel): Buffer {
  const head = Buffer.from(JSON.stringify({ magic: MAGIC, bits: m.bits }) + "\n");
  return gzipSync(Buffer.concat([head, Buffer.from(m.w.buffer, m.w.byteOffset, m.w.byteLength)]), { level: 9 });
}

export function deserializeContentModel(gz: Buffer, name = "models/quotes-content.bin.gz"): ContentModel {
  const raw = gunzipWhole(gz);
  const nl = raw.indexOf(10);
  const head = JSON.parse(raw.subarray(0, nl).toString("utf8")) as { magic: string; bits: number };
  if (head.magic !== MAGIC) throw new Error(`${name}: not a content model of this version`);
  const wb = Buffer.from(raw.subarray(nl + 1)); // copied: aligned for the typed array
  return { bits: head.bits, w: new Int16Array(wb.buffer, wb.byteOffset, wb.length / 2) };
}

/** models/quotes-content.bin.gz, or NEWSGRAPH_QUOTES_CONTENT=FILE; `none` runs the linker's edges alone. */
const MODEL_PATH = process.env.NEWSGRAPH_QUOTES_CONTENT || join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "models", "quotes-content.bin.gz");
let loaded: ContentModel | null | undefined;

export function contentModel(): ContentModel | null {
  if (loaded !== undefined) return loaded;
  loaded = MODEL_PATH === "none" || !existsSync(MODEL_PATH) ? null : deserializeContentModel(readFileSync(MODEL_PATH), MODEL_PATH);
  return loaded;
}

/** Sets the model in use (tests); null for the linker's edges alone. */
export function setContentModel(m: ContentModel | null): void {
  loaded = m;
}
