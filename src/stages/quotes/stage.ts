/**
 * The quotes stage: who said what. Finds direct, partial and indirect speech in the article's own voice (title and
 * paragraphs) and resolves each speaker to an entity of `doc.entities` after coref.
 *
 * Which part does what, and why:
 * - quotation marks (marks.ts): a linear scan pairs the marks — deterministic, nothing to learn;
 * - attributions (attribute.ts): rules find the cue (a closed class of reporting verbs) and, from the sentence's
 *   shape, the source and the content; they also link floating quotes to the speaker before them;
 * - the learned tagger (model.ts, trained on PolNeAR train by train/main.ts) re-labels Source / Cue / Content
 *   token by token with the rules' proposals as features, and its spans replace the rules' where it is loaded
 *   (see docs/models/quotes.md for when it wins); a second tagger (models/quotes2.bin.gz, round 9) re-labels them
 *   with the first one's labels among its features;
 * - speakers (below): the entity whose mention heads the source span (coref has resolved "he" and "the Russian
 *   leader"); groups and unnamed sources ("Ukrainian officials", "experts") keep `speakerText` only.
 */
import type { Quote, QuoteKind, Span } from "../../core/analysis.js";
import type { Doc } from "../../core/doc.js";
import { registerStage } from "../../core/pipeline.js";
import { GENDERED_HONORIFICS, TITLE_MODIFIERS } from "../coref/lexicon.js";
import { isRoleNoun } from "../coref/titles.js";
import { buildContext, findAttributions, headMention, sourceHead, type QuoteContext, type RawAttribution, type TokSpan } from "./attribute.js";
import { FINITE, GROUP_PRONOUNS } from "./lexicon.js";
import { refineAttributions } from "./link.js";

/** Character span of a token span. */
export function charSpan(doc: Doc, t: TokSpan): Span {
  return { start: doc.tokens.start[t.start]!, end: doc.tokens.end[t.end - 1]! };
}

/** The attributions of a document in PolNeAR's conventions (token spans), after the model where it is loaded. */
export function attributions(doc: Doc): { ctx: QuoteContext; atts: RawAttribution[] } {
  const ctx = buildContext(doc);
  const atts = refineAttributions(ctx, findAttributions(ctx));
  return { ctx, atts };
}

interface Speaker {
  speaker: string | null;
  speakerText: string | null;
  sourceSpan: Span | null;
}

/** The entity whose mention heads the source (headMention: the last mention before any comma). */
function resolveSpeaker(ctx: QuoteContext, source: TokSpan): Speaker {
  const { doc, words } = ctx;
  const span = charSpan(doc, source);
  const speakerText = doc.text.slice(span.start, span.end);
  let best = headMention(ctx, source);
  // A relative pronoun as the whole source (`Mr Mubanga, who insists he does not feel bitter, said:`): the speaker
  // is the name the clause hangs on, right before its comma.
  if (best < 0 && source.end - source.start === 1 && RELATIVE_SOURCES.has(words[source.start]!) && words[source.start - 1] === ",") best = ctx.mentionAt[source.start - 2] ?? -1;
  if (best < 0 && sourceHead(words, source) - source.start === 1 && GROUP_PRONOUNS.has(words[source.start]!)) return { speaker: null, speakerText, sourceSpan: span };
  const mod = best >= 0 ? modifierStart(ctx, source, ctx.mentions[best]!.tokenStart) : -1;
  if (mod >= 0) {
    // `Hannah Ward of the Refugee Council`: a person right before the modifier is its head (an organization there
    // is not taken: BBC's `the Labour MP for Birkenhead` is tagged ORG `Labour MP`); `the chairman of the Bar
    // Council, Guy Mansfield QC`: the person named in apposition is the head's name.
    best = mod > source.start ? personAt(ctx, mod - 1) : -1;
    if (best < 0) best = appositionPerson(ctx, source);
    if (best < 0) return { speaker: null, speakerText, sourceSpan: span };
  }
  const entity = best >= 0 ? doc.entities[ctx.mentions[best]!.entity] : undefined;
  return { speaker: entity?.id ?? null, speakerText, sourceSpan: span };
}

/**
 * Where the mention starting at `m` is the object of a phrase that modifies another head, the phrase's first word
 * (else -1): `a spokesman for Mr Prescott`, `The five unions meeting Mr Prescott`, `supporters of Trump`, `people
 * close to the Clintons`. Then the speaker is that head, not the name (BBC politics 311: both came out as quotes of
 * John Prescott). Only with a word before the preposition inside the source, so `According to Trump` (cue
 * `According to`) and a bare name are untouched; a lower-case `-ing` word counts (`meeting`, `representing`), a
 * capitalized one is a title (`King Abdullah`).
 */
function modifierStart(ctx: QuoteContext, source: TokSpan, m: number): number {
  const { words } = ctx;
  const cap = (t: number): boolean => /^[A-Z]/.test(ctx.doc.tokenText(t));
  let b = m - 1;
  // Back over the name's honorific or role (`for Mr Prescott`, `for President Obama`), then a determiner.
  while (b > source.start && cap(b) && isRoleWord(words[b]!)) b--;
  while (b > source.start && DETERMINERS.has(words[b]!)) b--;
  if (b <= source.start) return -1;
  const w = words[b]!;
  // `Secretary of State John Kerry`, `Minister for Europe`: a preposition inside a title, after its capitalized role
  // (`Supporters of Mr Prescott`, capitalized where the sentence starts, is no title).
  if (MODIFIER_PREPOSITIONS.has(w)) return cap(b - 1) && isRoleWord(words[b - 1]!) ? -1 : b;
  // `The five unions meeting Mr Prescott`; not the noun of `the ruling Carla Ferstman` (a source cut wrong).
  return w.length >= 6 && /^[a-z]+ing$/.test(ctx.doc.tokenText(b)) && !DETERMINERS.has(words[b - 1]!) ? b : -1;
}

/** The mention at token t when it names a person, or -1. */
function personAt(ctx: QuoteContext, t: number): number {
  const m = ctx.mentionAt[t]!;
  return m >= 0 && ctx.doc.entities[ctx.mentions[m]!.entity]?.type === "PERSON" ? m : -1;
}

/** The person mention that opens the source's apposition (after its first comma and a title), or -1. */
function appositionPerson(ctx: QuoteContext, source: TokSpan): number {
  let c = sourceHead(ctx.words, source) + 1;
  while (c < source.end && ctx.mentionAt[c]! < 0 && (DETERMINERS.has(ctx.words[c]!) || (/^[A-Z]/.test(ctx.doc.tokenText(c)) && (isRoleWord(ctx.words[c]!) || TITLE_MODIFIERS.has(ctx.words[c]!))))) c++;
  const m = c < source.end ? personAt(ctx, c) : -1;
  return m >= 0 && ctx.mentions[m]!.tokenStart === c ? m : -1;
}

/** A role (coref's) or an honorific before a name; the context's words are lower-cased. */
const isRoleWord = (w: string): boolean => isRoleNoun(w) || GENDERED_HONORIFICS.has(w.replace(/\.$/, "")) || w === "dr" || w === "dr.";

const DETERMINERS: ReadonlySet<string> = new Set(["the", "a", "an"]);
/** Prepositions that attach a name to the head before it (`a spokesman for`, `an aide to`, `a friend of`). */
const MODIFIER_PREPOSITIONS: ReadonlySet<string> = new Set(["for", "of", "to", "at", "from", "with", "in", "on", "by", "near", "behind", "against", "within", "among", "like", "under", "inside"]);

/** Relative pronouns that stand for the name before them. */
const RELATIVE_SOURCES: ReadonlySet<string> = new Set(["who", "which"]);

const OPENERS = new Set(["“", "``", "„", "«", '"']);

/** The Analysis quotes: the contract's spans (no quotation marks, no "that"), kinds, speakers. */
export function toQuotes(doc: Doc, ctx: QuoteContext, atts: readonly RawAttribution[]): Quote[] {
  const speakers: (Speaker | null)[] = [];
  const quotes: Quote[] = [];
  const push = (span: Span, kind: QuoteKind, a: RawAttribution, sp: Speaker | null): void => {
    let { start, end } = span;
    const text = doc.text;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end <= start) return;
    const cue = a.cue ? charSpan(doc, a.cue) : null;
    quotes.push({
      start,
      end,
      id: "",
      kind,
      text: text.slice(start, end),
      cue: cue ? text.slice(cue.start, cue.end) : null,
      speaker: sp?.speaker ?? null,
      speakerText: sp?.speakerText ?? null,
      cueSpan: cue,
      sourceSpan: sp?.sourceSpan ?? null,
    });
  };
  for (const a of atts) speakers.push(a.source ? resolveSpeaker(ctx, a.source) : null);
  // Inherited speakers (floating quotes), following chains of inheritance a few steps.
  for (let round = 0; round < 3; round++)
    atts.forEach((a, i) => {
      const from = a.inherit >= 0 ? speakers[a.inherit] : null;
      if (!a.source && !speakers[i] && from) speakers[i] = { ...from, sourceSpan: null };
    });
  atts.forEach((a, i) => {
    const sp = speakers[i] ?? null;
    // No source and nothing to inherit (a tagged content no cue claimed, a "so-called" naming): no quote of anyone.
    if (!sp) return;
    for (const frag of a.content) {
      const r = ctx.regionAt[frag.start]!;
      const region = r >= 0 ? ctx.regions[r]! : null;
      if (region && region.open === frag.start && frag.end >= region.end) {
        // Direct: the content is a quotation; the span is inside its marks.
        const inner: TokSpan = { start: region.open + 1, end: region.close >= 0 ? region.close : region.end };
        if (inner.end > inner.start) push(charSpan(doc, inner), "direct", a, sp);
        continue;
      }
      // Indirect: without a leading "that" (and a trailing comma); the quotations inside are partial quotes. A
      // "that" right before a finite verb is the clause's subject, not the complementizer: `say that will not happen`.
      let s = frag.start;
      if (ctx.words[s] === "that" && s + 1 < frag.end && !FINITE.has(ctx.words[s + 1]!)) s++;
      let e = frag.end;
      while (e > s + 1 && (ctx.words[e - 1] === "," || ctx.words[e - 1] === ".")) e--;
      if (e > s) push(charSpan(doc, { start: s, end: e }), "indirect", a, sp);
      for (let t = s; t < e; t++) {
        const ri = ctx.regionAt[t]!;
        if (ri < 0 || ctx.regions[ri]!.open !== t) continue;
        const q = ctx.regions[ri]!;
        const inner: TokSpan = { start: q.open + 1, end: q.close >= 0 ? q.close : q.end };
        if (inner.end > inner.start) push(charSpan(doc, inner), "partial", a, sp);
        t = q.end - 1;
      }
    }
  });
  // Partial quotations outside any content, in a sentence with an attribution: the same speaker.
  const sentenceAtt = new Map<number, number>();
  atts.forEach((a, i) => {
    if (a.source && a.cue) sentenceAtt.set(doc.tokens.sentence[a.cue.start]!, i);
  });
  for (const r of ctx.regions) {
    if (ctx.covered[r.open]! >= 0 || !OPENERS.has(ctx.words[r.open]!)) continue;
    const i = sentenceAtt.get(doc.tokens.sentence[r.open]!);
    if (i === undefined) continue;
    const inner: TokSpan = { start: r.open + 1, end: r.close >= 0 ? r.close : r.end };
    if (inner.end > inner.start) push(charSpan(doc, inner), "partial", atts[i]!, speakers[i] ?? null);
  }
  quotes.sort((a, b) => a.start - b.start || a.end - b.end);
  quotes.forEach((q, i) => (q.id = `q${i + 1}`));
  return quotes;
}

export function findQuotes(doc: Doc): Quote[] {
  const { ctx, atts } = attributions(doc);
  return toQuotes(doc, ctx, atts);
}

export const quotesStage = registerStage({
  name: "quotes",
  requires: ["doc.entities.resolved", "doc.sentences", "doc.tokens"],
  assigns: ["doc.quotes"],
  run(doc: Doc): void {
    doc.quotes = findQuotes(doc);
  },
});
