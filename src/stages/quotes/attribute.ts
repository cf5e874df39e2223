/**
 * Rule-based attribution: finds Source, Cue and Content as token spans, in PolNeAR's span conventions (the content of
 * a direct quote keeps its quotation marks, an indirect one its "that"; stage.ts converts to the Analysis contract).
 *
 * Why rules here: the cue is a closed class (reporting verbs, "according to", a colon, a dash), and once the cue is
 * known the rest follows from the sentence's shape — the content before ("..., X said") or after ("X said that ...")
 * it, the source on the other side. The learned tagger (model.ts) re-reads these proposals with the tokens and
 * corrects span boundaries where PolNeAR's conventions differ from the rules.
 *
 * Every loop is bounded: cues are looked for outside quotations, a source is at most a few tokens, a content at
 * most its sentence or its quotation, so the stage is linear in the text's length.
 */
import type { Doc } from "../../core/doc.js";
import {
  AUX_ADVERBS,
  CUE_VERBS,
  DASHES,
  DETERMINERS,
  NOT_IN_SOURCE,
  OBJECT_CUES,
  PARTICIPLE_CUES,
  PRONOUNS,
} from "./lexicon.js";
import { findRegions, type Region } from "./marks.js";

/** Token span [start, end). */
export interface TokSpan {
  start: number;
  end: number;
}

export interface RawAttribution {
  source: TokSpan | null;
  cue: TokSpan | null;
  /** One fragment, or two around a cue in the middle (`“...,” he said, “...”`). */
  content: TokSpan[];
  block: number;
  /** Index of the attribution whose speaker a floating quote inherits, or -1. */
  inherit: number;
  rule: string;
}

export interface MentionRef {
  entity: number;
  tokenStart: number;
  tokenEnd: number;
}

export interface QuoteContext {
  doc: Doc;
  /** Lower-cased token texts. */
  words: string[];
  regions: Region[];
  /** Token -> index of the top-level region holding it, or -1. */
  regionAt: Int32Array;
  mentions: MentionRef[];
  /** Token -> index into `mentions`, or -1. */
  mentionAt: Int32Array;
  /** Token -> index of the attribution that claims it, or -1. */
  covered: Int32Array;
  attributions: RawAttribution[];
  /** contentBefore's resume point: the first unclaimed token `t` of the sentence starting at `s0`. */
  freeFrom: { s0: number; t: number };
}

const WORD = /^[A-Za-z][A-Za-z0-9.'’&-]*$/;
const SENTENCE_END = new Set([".", "!", "?"]);
const BOUNDARY = new Set(["and", "but", "that", "so", "yet", "because", "while", "as", "when", "though", "although", "which", "who"]);
const OBJECT_PRONOUNS = new Set(["him", "her", "them", "me", "us", "you", "reporters", "supporters", "journalists", "voters", "listeners", "viewers"]);

/** First-token index of the token holding character offset `c` (binary search). */
export function tokenAt(doc: Doc, c: number): number {
  let lo = 0, hi = doc.tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens.end[mid]! <= c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function buildContext(doc: Doc): QuoteContext {
  const n = doc.tokens.count;
  const words = new Array<string>(n);
  for (let t = 0; t < n; t++) words[t] = doc.tokenText(t).toLowerCase();
  const regions: Region[] = [];
  const regionAt = new Int32Array(n).fill(-1);
  const { text } = doc, { start, end } = doc.tokens;
  const space = (i: number): boolean => i < 0 || i >= text.length || /\s/.test(text[i]!);
  const opensHere = (t: number): boolean => space(start[t]! - 1) && end[t]! < text.length && !space(end[t]!) && /[\p{L}\p{N}]/u.test(text[end[t]!]!);
  doc.blocks.forEach((b, bi) => {
    if (!isQuoteBlock(doc, bi)) return;
    const t0 = tokenAt(doc, b.start), t1 = tokenAt(doc, b.end);
    const from = regions.length;
    findRegions(words, t0, t1, bi, regions, opensHere);
    for (let r = from; r < regions.length; r++) regionAt.fill(r, regions[r]!.open, regions[r]!.end);
  });
  const mentions: MentionRef[] = [];
  const mentionAt = new Int32Array(n).fill(-1);
  doc.entities.forEach((e, ei) => {
    for (const m of e.mentions) {
      const ts = tokenAt(doc, m.start);
      let te = ts;
      while (te < n && doc.tokens.start[te]! < m.end) te++;
      if (te <= ts) continue;
      mentionAt.fill(mentions.length, ts, te);
      mentions.push({ entity: ei, tokenStart: ts, tokenEnd: te });
    }
  });
  return { doc, words, regions, regionAt, mentions, mentionAt, covered: new Int32Array(n).fill(-1), attributions: [], freeFrom: { s0: -1, t: -1 } };
}

/** End of a source's head: its first comma (an appositive after it is a title), else its end. */
export function sourceHead(words: readonly string[], source: TokSpan): number {
  for (let t = source.start; t < source.end; t++) if (words[t] === ",") return t;
  return source.end;
}

/** Words that join two sources into one (`Jeb Bush and Hillary Clinton said`): the speaker is the group. */
const COORDINATORS: ReadonlySet<string> = new Set(["and", "or", "nor", "&"]);

/**
 * The mention heading a source (index into ctx.mentions, -1 for none): the last mention before any comma; a head
 * word that is no mention (and no possessive) means a group or an unnamed source ("Ukrainian officials", "Mrs.
 * Clinton and her surrogates"), and so does a head mention joined to what precedes it by "and" / "or" outside any
 * mention (`Jeb Bush and Hillary Clinton`): not one speaker. `Procter & Gamble` is one mention.
 */
export function headMention(ctx: QuoteContext, source: TokSpan): number {
  const { words } = ctx;
  const head = sourceHead(words, source);
  for (let t = head - 1; t >= source.start; t--) {
    const m = ctx.mentionAt[t]!;
    if (m >= 0) {
      const before = ctx.mentions[m]!.tokenStart - 1;
      return before > source.start && COORDINATORS.has(words[before]!) && ctx.mentionAt[before]! < 0 ? -1 : m;
    }
    if (t === head - 1 && !words[t]!.endsWith("'s") && words[t] !== "’s" && words[t] !== "'s") return -1;
  }
  return -1;
}

/** Quotes are the article's own voice: the title and the paragraphs, not captions, teasers, headings or bylines. */
export function isQuoteBlock(doc: Doc, block: number): boolean {
  const b = doc.blocks[block];
  if (!b) return false;
  if (b.kind === "paragraph" || b.kind === "title" || b.kind === "blockquote") return true;
  // A short quoted line with a credit ("“Build bridges.” — Ann Lee") looks like a crosshead to the layout; it is
  // the article's own quotation.
  return b.kind === "heading" && /^["“]/.test(doc.text.slice(b.start, b.start + 1)) && /[”"]\s*[—–-]+\s*\S/.test(doc.text.slice(b.start, b.end));
}

export function findAttributions(ctx: QuoteContext): RawAttribution[] {
  const { doc } = ctx;
  for (const s of doc.sentences) {
    if (!isQuoteBlock(doc, s.block)) continue;
    sentenceAttributions(ctx, s.tokenStart, s.tokenEnd, s.block);
  }
  creditLines(ctx);
  floatingQuotes(ctx);
  return ctx.attributions;
}

const isWord = (ctx: QuoteContext, t: number): boolean => WORD.test(ctx.doc.tokenText(t));
const isCap = (ctx: QuoteContext, t: number): boolean => {
  const c = ctx.doc.text.charCodeAt(ctx.doc.tokens.start[t]!);
  return c >= 65 && c <= 90;
};
const isCloseAt = (ctx: QuoteContext, t: number): boolean => {
  const r = ctx.regionAt[t]!;
  return r >= 0 && ctx.regions[r]!.close === t;
};

/** Cue length at token t (outside quotations and other attributions), or 0. */
function cueAt(ctx: QuoteContext, t: number, s1: number): number {
  if (ctx.regionAt[t]! >= 0 || ctx.covered[t]! >= 0) return 0;
  const w = ctx.words[t]!;
  if (w === "according" && t + 1 < s1 && ctx.words[t + 1] === "to") return 2;
  if (!CUE_VERBS.has(w)) return 0;
  // Lower-case only ("United States", "Said" as a name), except in a title-cased headline.
  if (isCap(ctx, t) && ctx.doc.blocks[ctx.doc.sentences[ctx.doc.tokens.sentence[t]!]!.block]?.kind !== "title") return 0;
  if (w === "think" && ctx.words[t + 1] === "tank") return 0;
  return 1;
}

/** The source noun phrase that ends right before the cue at c ("Putin", "the Russian leader", "experts"). */
function leftSource(ctx: QuoteContext, c: number, s0: number): TokSpan | null {
  const w = ctx.words;
  let j = c - 1;
  while (j >= s0 && (AUX_ADVERBS.has(w[j]!) || w[j] === "been" || w[j] === "n't" || w[j] === "not")) j--;
  if (j < s0 || ctx.regionAt[j]! >= 0 || ctx.covered[j]! >= 0) return null;
  const end = j + 1;
  const m = ctx.mentionAt[j]!;
  if (m >= 0) {
    let k = Math.max(s0, ctx.mentions[m]!.tokenStart);
    let n = 0;
    while (k - 1 >= s0 && n < 6 && isWord(ctx, k - 1) && isCap(ctx, k - 1) && !NOT_IN_SOURCE.has(w[k - 1]!) && ctx.regionAt[k - 1]! < 0) {
      k--;
      n++;
    }
    if (k - 1 >= s0 && DETERMINERS.has(w[k - 1]!)) k--;
    return { start: k, end };
  }
  if (PRONOUNS.has(w[j]!)) return { start: j, end };
  if (!isWord(ctx, j) || NOT_IN_SOURCE.has(w[j]!) || CUE_VERBS.has(w[j]!) || w[j]!.endsWith("ly")) return null;
  let k = j;
  let n = 1;
  while (k - 1 >= s0 && n < 6) {
    const x = w[k - 1]!;
    if (DETERMINERS.has(x)) {
      k--;
      break;
    }
    if (!isWord(ctx, k - 1) || NOT_IN_SOURCE.has(x) || CUE_VERBS.has(x) || ctx.regionAt[k - 1]! >= 0) break;
    k--;
    n++;
  }
  const p = k - 1;
  if (p >= s0 && isWord(ctx, p) && !BOUNDARY.has(w[p]!)) return null;
  return { start: k, end };
}

/** The source after an inverted cue ("said Yun Sun, director of ...", "says Putin"): up to a comma or the end. */
function rightSource(ctx: QuoteContext, a: number, s1: number): TokSpan | null {
  const w = ctx.words;
  if (a >= s1 || ctx.regionAt[a]! >= 0) return null;
  if (PRONOUNS.has(w[a]!)) return { start: a, end: a + 1 };
  let k = a;
  while (k < s1 && k - a < 8 && isWord(ctx, k) && ctx.regionAt[k]! < 0 && (!NOT_IN_SOURCE.has(w[k]!) || (w[k] === "of" && k > a))) k++;
  while (k > a && (w[k - 1] === "of" || DETERMINERS.has(w[k - 1]!))) k--;
  if (k === a) return null;
  return { start: a, end: k };
}

/** The end of a sentence's content: before the final period, or after it when a quotation closes after it. */
function contentEnd(ctx: QuoteContext, s0: number, s1: number): number {
  let e = s1;
  if (e - 1 >= s0 && isCloseAt(ctx, e - 1)) return e;
  while (e - 1 > s0 && SENTENCE_END.has(ctx.words[e - 1]!)) e--;
  return e;
}

function add(ctx: QuoteContext, a: RawAttribution): void {
  const id = ctx.attributions.length;
  ctx.attributions.push(a);
  for (const sp of [a.source, a.cue, ...a.content]) if (sp) for (let t = sp.start; t < sp.end; t++) if (ctx.covered[t]! < 0) ctx.covered[t] = id;
}

/** Content before a boundary token p (a comma or a closing mark): the quotation that ends there, or the clause. */
function contentBefore(ctx: QuoteContext, p: number, s0: number): TokSpan | null {
  let q = p;
  if (ctx.words[q] === "," && q - 1 >= s0 && isCloseAt(ctx, q - 1)) q--;
  if (isCloseAt(ctx, q)) {
    const r = ctx.regions[ctx.regionAt[q]!]!;
    return { start: r.open, end: q + 1 };
  }
  if (ctx.words[p] !== ",") return null;
  // The first token of the sentence no attribution claims: `covered` only grows, so the scan resumes where the
  // last one for this sentence stopped (linear over a sentence, however many cues it holds).
  let st = ctx.freeFrom.s0 === s0 && ctx.freeFrom.t > s0 ? ctx.freeFrom.t : s0;
  while (st < p && ctx.covered[st]! >= 0) st++;
  ctx.freeFrom.s0 = s0;
  ctx.freeFrom.t = st;
  if (p - st < 2) return null;
  return { start: st, end: p };
}

function sentenceAttributions(ctx: QuoteContext, s0: number, s1: number, block: number): void {
  const w = ctx.words;
  const e = contentEnd(ctx, s0, s1);
  for (let c = s0; c < s1; c++) {
    const len = cueAt(ctx, c, s1);
    if (len === 0) continue;
    const cue: TokSpan = { start: c, end: c + len };
    const after = c + len;
    if (len === 2) {
      // "According to X, ..." / "..., according to X."
      if (c - 1 >= s0 && w[c - 1] === ",") {
        const content = contentBefore(ctx, c - 1, s0);
        const source = rightSource(ctx, after, s1);
        if (content && source) add(ctx, { source, cue, content: [content], block, inherit: -1, rule: "according-after" });
      } else {
        const source = rightSource(ctx, after, s1);
        if (!source) continue;
        let k = source.end;
        while (k < e && w[k] !== ",") k++;
        if (k + 2 < e) add(ctx, { source: { start: source.start, end: k }, cue, content: [{ start: k + 1, end: e }], block, inherit: -1, rule: "according-before" });
      }
      continue;
    }
    // Inverted: "..., said Yun Sun" / "“...” said Trump".
    if (c - 1 >= s0 && (w[c - 1] === "," || isCloseAt(ctx, c - 1)) && !PARTICIPLE_CUES.has(w[c]!) && ctx.doc.blocks[block]?.kind !== "title") {
      let source = rightSource(ctx, after, s1);
      // The source ends the clause: "said Alfred Wu, associate professor ...", not "saying they would ...".
      if (source && source.end < e && w[source.end] !== "," && w[source.end] !== ":" && ctx.regionAt[source.end]! < 0 && !/^(in|on|at|to|during|after|before|last|this|on)$/.test(w[source.end]!)) source = null;
      const content = contentBefore(ctx, c - 1, s0);
      if (source && content) {
        add(ctx, { source, cue, content: [content, ...middle(ctx, source.end, s1)], block, inherit: -1, rule: "inverted" });
        continue;
      }
    }
    let source = leftSource(ctx, c, s0);
    const rest = e - after;
    if (source && source.start - 1 >= s0 && (w[source.start - 1] === "," || isCloseAt(ctx, source.start - 1))) {
      const short = rest <= 6 || w[after] === "," || w[after] === ".";
      const content = short ? contentBefore(ctx, source.start - 1, s0) : null;
      if (content) {
        add(ctx, { source, cue, content: [content, ...middle(ctx, after, s1)], block, inherit: -1, rule: "after" });
        continue;
      }
    }
    if (!source && PARTICIPLE_CUES.has(w[c]!) && c - 1 >= s0 && w[c - 1] === ",") source = subject(ctx, s0, c);
    if (!source) continue;
    // "X said (that) ...", "X told Y (that) ...", "X said: “...”".
    let a = after;
    if (OBJECT_CUES.has(w[c]!)) {
      let that = -1;
      for (let k = a; k < Math.min(e, a + 10); k++) {
        if (w[k] === "that") {
          that = k;
          break;
        }
        if (ctx.regionAt[k]! >= 0 || w[k] === ",") break;
      }
      if (that >= 0) a = that;
      else if (a < e && OBJECT_PRONOUNS.has(w[a]!)) a++;
      else if (a < e && ctx.mentionAt[a]! >= 0) a = ctx.mentions[ctx.mentionAt[a]!]!.tokenEnd;
    }
    if (a < e && (w[a] === ":" || w[a] === ",")) a++;
    if (a >= e && a < s1 && ctx.regionAt[a]! >= 0) {
      /* a quotation that runs past the sentence: taken below */
    } else if (e - a < 2) continue;
    let content: TokSpan;
    const r = ctx.regionAt[a]!;
    if (r >= 0 && ctx.regions[r]!.open === a && ctx.regions[r]!.end >= e) content = { start: a, end: ctx.regions[r]!.end };
    else content = { start: a, end: e };
    add(ctx, { source, cue, content: [content], block, inherit: -1, rule: "before" });
    c = content.end - 1;
  }
}

/** After a cue in the middle: `“...,” he said, “...”` goes on with a second quotation. */
function middle(ctx: QuoteContext, from: number, s1: number): TokSpan[] {
  if (from < s1 && ctx.words[from] === "," && from + 1 < s1) {
    const r = ctx.regionAt[from + 1]!;
    if (r >= 0 && ctx.regions[r]!.open === from + 1) return [{ start: from + 1, end: ctx.regions[r]!.end }];
  }
  return [];
}

/** The subject of a sentence, for a participle cue: its first mention or pronoun near the start. */
function subject(ctx: QuoteContext, s0: number, c: number): TokSpan | null {
  for (let t = s0; t < Math.min(c, s0 + 6); t++) {
    const m = ctx.mentionAt[t]!;
    if (m >= 0) {
      let k = Math.max(s0, ctx.mentions[m]!.tokenStart);
      if (k - 1 >= s0 && DETERMINERS.has(ctx.words[k - 1]!)) k--;
      return { start: k, end: ctx.mentions[m]!.tokenEnd };
    }
    if (PRONOUNS.has(ctx.words[t]!)) return { start: t, end: t + 1 };
  }
  return null;
}

/** A quotation followed by a credit line: `“...” — Jane Doe`. */
function creditLines(ctx: QuoteContext): void {
  const { doc, words } = ctx;
  for (const r of ctx.regions) {
    if (r.close < 0 || ctx.covered[r.open]! >= 0) continue;
    const d = r.close + 1;
    if (d >= doc.tokens.count || !DASHES.has(words[d]!)) continue;
    const b = doc.blocks[r.block]!;
    let k = d + 1;
    while (k < doc.tokens.count && doc.tokens.end[k]! <= b.end && k - d <= 6 && isWord(ctx, k) && isCap(ctx, k)) k++;
    if (k === d + 1 || (k < doc.tokens.count && doc.tokens.end[k]! <= b.end && words[k] !== "." && words[k] !== ",")) continue;
    add(ctx, { source: { start: d + 1, end: k }, cue: { start: d, end: d + 1 }, content: [{ start: r.open, end: r.end }], block: r.block, inherit: -1, rule: "credit" });
  }
}

/**
 * Quotations no cue claimed that open a sentence: a paragraph continuing a quotation, or a further quotation of the
 * speaker just quoted. They inherit the speaker of the nearest attribution before them within two paragraphs.
 */
function floatingQuotes(ctx: QuoteContext): void {
  const { doc } = ctx;
  const atts = ctx.attributions;
  // Attributions in text order of their first token, for "the nearest before".
  const order = atts.map((a, i) => ({ i, t: Math.min(...[a.source, a.cue, ...a.content].filter((x): x is TokSpan => x !== null).map((x) => x.start)) }));
  order.sort((x, y) => x.t - y.t);
  const firsts = order.map((o) => o.t);
  for (let ri = 0; ri < ctx.regions.length; ri++) {
    const r = ctx.regions[ri]!;
    if (ctx.covered[r.open]! >= 0) continue;
    const si = doc.tokens.sentence[r.open]!;
    const s = doc.sentences[si]!;
    if (r.open !== s.tokenStart) continue; // a partial quotation in the reporter's sentence
    // The nearest attribution that starts before this region, within two paragraphs.
    let lo = 0, hi = firsts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (firsts[mid]! < r.open) lo = mid + 1;
      else hi = mid;
    }
    let from = -1;
    for (let k = lo - 1; k >= 0 && k >= lo - 3; k--) {
      const a = atts[order[k]!.i]!;
      if (r.block - a.block > 4) break;
      if (a.source || a.inherit >= 0) {
        from = order[k]!.i;
        break;
      }
    }
    if (from < 0 && r.continues) {
      // A paragraph that opens a quotation and leaves it open: the cue may come in the next paragraph's part.
      const next = ctx.regions[ri + 1];
      const a = next && next.block > r.block ? ctx.covered[next.open]! : -1;
      if (a >= 0 && (atts[a]!.source || atts[a]!.inherit >= 0)) {
        add(ctx, { source: null, cue: null, content: [{ start: r.open, end: r.end }], block: r.block, inherit: a, rule: "floating-before" });
      }
      continue;
    }
    if (from < 0) continue;
    const prev = ri > 0 ? ctx.regions[ri - 1]! : null;
    const continued = prev !== null && prev.continues && prev.block < r.block;
    if (!continued && r.block - atts[from]!.block > 2) continue;
    add(ctx, { source: null, cue: null, content: [{ start: r.open, end: r.end }], block: r.block, inherit: from, rule: "floating" });
  }
}
