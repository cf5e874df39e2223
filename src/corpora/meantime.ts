/**
 * MEANTIME (NewsReader, English Wikinews section, CC BY 4.0, © 2015 FBK, VU Amsterdam, UPV/EHU): one reader for
 * the NER, time, amounts and coreference evaluations. A file holds a token layer (tokens numbered by sentence; no
 * character offsets, no paragraphs) and markables over token ids: ENTITY_MENTION (with a syntactic_type: NAM,
 * NOM, PRO, PRE.NAM, APP, CONJ, ... or, in the airbus and gm folders, mostly empty for all but names), the ENTITY
 * instances the mentions REFER_TO (the intra-document coreference chains), TIMEX3 (one of them the creation
 * time) and VALUE (MONEY, PERCENT, QUANTITY).
 *
 * The text is rebuilt from the tokens as prose, one sentence per line, so that the whole pipeline can be run on
 * it: no space before closing punctuation and clitics ("said ,", "Boeing 's" → "said,", "Boeing's"), none after
 * opening brackets and currency signs ("US$ 5" → "US$5"), PTB quotes back to plain ones, a hyphen between two
 * capitalized words glued ("Wal - Mart" → "Wal-Mart"), and the corpus's "#" before a number read as "£". Each
 * markable is then a span of that text: from its first to its last token (a few skip tokens in between).
 *
 * MEANTIME annotates only the title, the date line and the first sentences of each article: `annotatedSentences`
 * counts the leading sentences that hold any markable; the evaluations score only those.
 */
import type { Span } from "../core/analysis.js";
import type { Article } from "../core/article.js";
import { decodeEntities, xmlAttr } from "./xml.js";

export interface MeantimeToken extends Span {
  /** The token's t_id. */
  id: string;
  /** As written in the rebuilt text (PTB quotes as '"', the corpus's "#" before a number as "£"). */
  text: string;
  /** Sentence number: 0 is the title, 1 the date line. */
  sentence: number;
}

/** PER, ORG, LOC, PRO (products), FIN (indices, currencies) or MIX. */
export type MeantimeEntityType = "PER" | "ORG" | "LOC" | "PRO" | "FIN" | "MIX";

/** An ENTITY instance: what the mentions of one coreference chain refer to. */
export interface MeantimeEntity {
  id: string;
  type: MeantimeEntityType;
  /** The annotators' name for it ("Boeing and Martin", "JSA Research"). */
  descriptor: string;
}

export interface MeantimeMention extends Span {
  id: string;
  /** Indices into `MeantimeDoc.tokens`, ascending; the span runs from the first to the last. */
  tokens: number[];
  /** As annotated: "NAM", "NOM", "PRO", "PRE.NAM", "PRE.NOM", "APP", "CONJ", "ARC", "PTV", "HLS" or "". */
  syntacticType: string;
  /** The head attribute when the annotators filled it ("developers" of "third party software developers"). */
  head: string | null;
  /** The ENTITY it refers to; null for the few mentions left unlinked. */
  entity: MeantimeEntity | null;
}

export interface MeantimeTimex {
  id: string;
  /** Null for a timex anchored to no token (empty marks, most creation times). */
  span: Span | null;
  type: string;
  value: string;
  mod: string | null;
  /** functionInDocument="CREATION_TIME": the document creation time, which the evaluations do not score. */
  creationTime: boolean;
}

export interface MeantimeValue extends Span {
  id: string;
  /** "MONEY", "PERCENT" or "QUANTITY". */
  type: string;
}

export interface MeantimeDoc {
  docId: string;
  /** The file's doc_name ("100911_Northrop_Grumman_and_Airbus_parent_EADS_defeat_Boeing"). */
  docName: string;
  url: string | null;
  /** Title, date line and body rebuilt as prose: one sentence per line. */
  text: string;
  tokens: MeantimeToken[];
  /** Sentence k's extent in `text`. */
  sentences: Span[];
  /** The creation-time TIMEX3's value when it is an ISO date; a few files have none. */
  dct: string | null;
  /** The date line (sentence 1), or null. */
  dateline: Span | null;
  /** Number of leading sentences that carry annotation (title, date line and the first four or so). */
  annotatedSentences: number;
  /** End of the annotated part in `text` (end of the last annotated sentence). */
  annotatedEnd: number;
  /** ENTITY_MENTION markables in file order, the empty ones (anchored to no token) left out. */
  mentions: MeantimeMention[];
  entities: MeantimeEntity[];
  /** TIMEX3 markables in file order, creation time included. */
  timexes: MeantimeTimex[];
  /** VALUE markables anchored to tokens, in file order. */
  values: MeantimeValue[];
}

/** Tokens written without a space before them, and tokens written without a space after them. */
const GLUE_BEFORE = new Set([",", ".", ":", ";", "%", ")", "]", "?", "!", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m", "''"]);
const GLUE_AFTER = new Set(["(", "[", "``", "$", "US$", "AU$", "CA$", "USD$", "€", "£"]);

/** A hyphen between two capitalized words is part of a name: MEANTIME splits "Wal-Mart" into three tokens. */
function hyphenInName(prev: string, tok: string, next: string | undefined, beforePrev: string | undefined): boolean {
  const capital = (w: string | undefined): boolean => w !== undefined && /^[A-Z]/.test(w);
  return (tok === "-" && capital(prev) && capital(next)) || (prev === "-" && capital(tok) && capital(beforePrev));
}

/**
 * A token as written in the text: PTB quotes as plain ones; the corpus's pound signs came out as "#" ("# 13
 * billion"; the article URLs have "£13_billion"). Other tokens are kept verbatim so that they can be found again
 * in the analysed text.
 */
function surface(raw: string, next: string | undefined, pounds: boolean): string {
  if (raw === "``" || raw === "''") return '"';
  return pounds && raw === "#" && next !== undefined && /^\d/.test(next) ? "£" : raw;
}

/** The t_ids a markable's body anchors. */
const anchors = (body: string): string[] => [...body.matchAll(/t_id="([^"]*)"/g)].map((a) => a[1]!);

/**
 * `pounds: false` keeps the corpus's "#" before a number as it is written (NER training only: the NER model was
 * trained on that text, see docs/models/ner.md).
 */
export function readMeantime(xml: string, options: { pounds?: boolean } = {}): MeantimeDoc {
  const pounds = options.pounds ?? true;
  const raw = [...xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/g)].map((m) => ({
    id: xmlAttr(m[1]!, "t_id") ?? "",
    sentence: Number(xmlAttr(m[1]!, "sentence") ?? 0),
    text: decodeEntities(m[2]!),
  }));
  const tokens: MeantimeToken[] = [];
  const byId = new Map<string, number>();
  const sentences: Span[] = [];
  let text = "";
  const surfaces = raw.map((t, k) => surface(t.text, raw[k + 1]?.text, pounds));
  raw.forEach((t, k) => {
    const prev = raw[k - 1];
    if (prev) {
      const glued = GLUE_BEFORE.has(t.text) || GLUE_AFTER.has(prev.text) || GLUE_AFTER.has(surfaces[k - 1]!) ||
        hyphenInName(prev.text, t.text, raw[k + 1]?.text, raw[k - 2]?.text);
      if (t.sentence !== prev.sentence) text += "\n";
      else if (!glued) text += " ";
    }
    const tok = surfaces[k]!;
    byId.set(t.id, k);
    tokens.push({ id: t.id, text: tok, sentence: t.sentence, start: text.length, end: text.length + tok.length });
    text += tok;
    for (let s = sentences.length; s <= t.sentence; s++) sentences.push({ start: tokens[k]!.start, end: tokens[k]!.start });
    sentences[t.sentence]!.end = text.length;
  });
  /** The tokens a markable anchors (indices, ascending) and its extent from the first to the last. */
  const extent = (body: string): { tokens: number[]; span: Span } | null => {
    const ids = anchors(body).map((a) => byId.get(a)).filter((t) => t !== undefined).sort((a, b) => a - b);
    return ids.length === 0 ? null : { tokens: ids, span: { start: tokens[ids[0]!]!.start, end: tokens[ids[ids.length - 1]!]!.end } };
  };

  const entities: MeantimeEntity[] = [];
  const entityById = new Map<string, MeantimeEntity>();
  for (const m of xml.matchAll(/<ENTITY\b([^>]*?)\/?>/g)) {
    const e = { id: xmlAttr(m[1]!, "m_id") ?? "", type: xmlAttr(m[1]!, "ent_type") as MeantimeEntityType, descriptor: xmlAttr(m[1]!, "TAG_DESCRIPTOR") ?? "" };
    entities.push(e);
    entityById.set(e.id, e);
  }
  // A source may appear in two relations (9 in the corpus, 2 of them entity mentions): the last one counts.
  const refersTo = new Map<string, string>();
  for (const m of xml.matchAll(/<REFERS_TO\b[^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = /<target m_id="([^"]*)"/.exec(m[1]!)?.[1];
    if (target === undefined) continue;
    for (const s of m[1]!.matchAll(/<source m_id="([^"]*)"/g)) refersTo.set(s[1]!, target);
  }

  const mentions: MeantimeMention[] = [];
  const timexes: MeantimeTimex[] = [];
  const values: MeantimeValue[] = [];
  // Markables are either empty elements (<TIMEX3 .../>, one "Empty_Mark" ENTITY_MENTION) or hold token anchors.
  for (const m of xml.matchAll(/<(ENTITY_MENTION|TIMEX3|VALUE)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/g)) {
    const attrs = m[2]!;
    const id = xmlAttr(attrs, "m_id") ?? "";
    const ext = extent(m[3] ?? "");
    if (m[1] === "ENTITY_MENTION") {
      if (!ext) continue;
      const entity = entityById.get(refersTo.get(id) ?? "") ?? null;
      mentions.push({ id, ...ext.span, tokens: ext.tokens, syntacticType: xmlAttr(attrs, "syntactic_type") ?? "", head: xmlAttr(attrs, "head") || null, entity });
    } else if (m[1] === "TIMEX3") {
      const creationTime = xmlAttr(attrs, "functionInDocument") === "CREATION_TIME";
      timexes.push({ id, span: ext?.span ?? null, type: xmlAttr(attrs, "type") ?? "DATE", value: xmlAttr(attrs, "value") ?? "", mod: xmlAttr(attrs, "mod") || null, creationTime });
    } else if (ext) values.push({ id, ...ext.span, type: xmlAttr(attrs, "type") ?? "" });
  }

  let annotatedSentences = 0;
  for (const a of xml.matchAll(/<token_anchor t_id="([^"]*)"/g)) {
    const t = byId.get(a[1]!);
    if (t !== undefined) annotatedSentences = Math.max(annotatedSentences, tokens[t]!.sentence + 1);
  }
  const dct = timexes.find((t) => t.creationTime)?.value ?? null;
  const doc = /<Document\b([^>]*)>/.exec(xml)?.[1] ?? "";
  return {
    docId: xmlAttr(doc, "doc_id") ?? "",
    docName: xmlAttr(doc, "doc_name") ?? "",
    url: xmlAttr(doc, "url") || null,
    text,
    tokens,
    sentences,
    dct: dct && /^\d{4}-\d{2}-\d{2}/.test(dct) ? dct : null,
    dateline: sentences[1] ?? null,
    annotatedSentences,
    annotatedEnd: annotatedSentences > 0 ? sentences[annotatedSentences - 1]!.end : 0,
    mentions,
    entities,
    timexes,
    values,
  };
}

/**
 * The article as a reader would hand it over: the first sentence is the title, the second the Wikinews date line,
 * the rest one body paragraph (so the sentence splitter is measured too).
 */
export function meantimeArticle(doc: MeantimeDoc): Article {
  const lines = doc.text.split("\n");
  return {
    id: `meantime:${doc.docId}`,
    source: "Wikinews",
    url: null,
    published: null,
    section: null,
    title: lines[0] ?? "",
    authors: [],
    language: "en",
    paragraphs: [lines[1] ?? "", lines.slice(2).join(" ")],
  };
}

/**
 * Maps each token's offsets in `doc.text` to offsets in `target` (the analysed text, which the layout may have
 * trimmed or re-separated), by finding the tokens in order. Tokens not found nearby map to null.
 */
export function alignTokens(doc: MeantimeDoc, target: string): (Span | null)[] {
  let cursor = 0;
  return doc.tokens.map((t) => {
    const at = target.indexOf(t.text, cursor);
    if (at < 0 || at - cursor > 8) return null;
    cursor = at + t.text.length;
    return { start: at, end: cursor };
  });
}

/**
 * Moves spans of `doc.text` into the analysed text through the token boundaries (see `alignTokens`); a span whose
 * first or last token was not found maps to null. `annotatedEnd` is the end of the annotated part there.
 */
export function textMapper(doc: MeantimeDoc, target: string): { move: (s: Span) => Span | null; annotatedEnd: number } {
  const aligned = alignTokens(doc, target);
  const starts = new Map<number, number>();
  const ends = new Map<number, number>();
  let annotatedEnd = 0;
  doc.tokens.forEach((t, k) => {
    const a = aligned[k];
    if (!a) return;
    starts.set(t.start, a.start);
    ends.set(t.end, a.end);
    if (t.sentence < doc.annotatedSentences) annotatedEnd = a.end;
  });
  const move = (s: Span): Span | null => {
    const start = starts.get(s.start), end = ends.get(s.end);
    return start === undefined || end === undefined ? null : { start, end };
  };
  return { move, annotatedEnd };
}

const DETERMINERS = new Set(["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"]);
/** Titles and honorifics that OntoNotes and CoNLL leave outside a PERSON name ("Mr Howard" → "Howard"). */
const TITLES = new Set([
  "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "senator", "sen.", "rep.",
  "president", "judge", "justice", "presiding", "chief", "executive", "spokeswoman", "spokesman", "prime", "minister",
  "chancellor", "king", "queen", "pope", "governor", "gov.", "mayor", "secretary", "chairman", "ceo", "general", "gen.",
]);

/**
 * The name core of a named mention's tokens [from, to), as OntoNotes and CoNLL would mark the name: leading
 * determiners, possessive pronouns and lower-case modifiers are dropped ("the new 787 Dreamliner" → "787
 * Dreamliner"), and for persons leading titles ("Senator John McCain" → "John McCain"); it ends before the first
 * comma or parenthesis (appositions: "Joe Leonard , Chairman ...") and before a trailing possessive or lower-case
 * word ("A380 's", "Heathrow airport"); quotes around it are dropped. Returns token indices [a, b), empty when
 * nothing is left.
 */
export function nameCore(tokens: readonly MeantimeToken[], from: number, to: number, person: boolean): [number, number] {
  let a = from;
  const lowerWord = (t: string): boolean => /^[a-z][a-z-]*$/.test(t);
  while (a < to && (DETERMINERS.has(tokens[a]!.text.toLowerCase()) || lowerWord(tokens[a]!.text) ||
    (person && a + 1 < to && TITLES.has(tokens[a]!.text.toLowerCase())))) a++;
  // Quotes around a name are not part of it ("the 787 \"Dreamliner\"").
  while (a < to && tokens[a]!.text === '"') a++;
  let b = a;
  while (b < to && !/^[,(\[]$/.test(tokens[b]!.text)) b++;
  while (b > a && (lowerWord(tokens[b - 1]!.text) || /^'s?$/.test(tokens[b - 1]!.text) || tokens[b - 1]!.text === '"')) b--;
  return [a, b];
}

/** Words that open a post-modifier of a noun phrase: its head is the word before. */
const POST_MODIFIER = new Set([
  "of", "who", "whom", "whose", "which", "that", "where", "when", "in", "on", "at", "for", "with", "from", "by", "to",
  "about", "over", "under", "into", "after", "before", "between", "against", "during", "since", "as", "like",
  "including", "around", "across", "throughout", "within", "without", "near", "amid", "among", "via", "per", "through",
  "toward", "towards", "upon", "off", "beyond", "behind", "below", "above", "along", "alongside", "outside", "inside",
  "apart", "worldwide",
]);
const DETERMINER_OR_PREPOSITION = new Set([...DETERMINERS, ...POST_MODIFIER, "a", "an"]);

/**
 * The head of a nominal mention's tokens [from, to): the annotators' head when the file gives one (the apple and
 * stock folders do: head="stock markets"), else the last word before a post-modifier — a preposition, a relative
 * pronoun, a participle that takes an object ("replacing the PowerBook", "used to gauge"), a comma or bracket:
 * "the biggest contract of its kind" → "contract". A possessive at the end is skipped.
 */
export function nominalHead(tokens: readonly MeantimeToken[], from: number, to: number, annotated: string | null = null): number {
  const words = annotated?.toLowerCase().split(/\s+/).filter((w) => w.length > 0) ?? [];
  if (words.length > 0) {
    for (let k = from; k + words.length <= to; k++) {
      if (words.every((w, i) => tokens[k + i]!.text.toLowerCase() === w)) return k + words.length - 1;
    }
    const last = words[words.length - 1]!;
    for (let k = from; k < to; k++) if (tokens[k]!.text.toLowerCase() === last) return k;
  }
  const stops = (k: number): boolean => {
    const t = tokens[k]!.text;
    if (POST_MODIFIER.has(t.toLowerCase()) || /^[,;:()\[\]]$|^--$/.test(t)) return true;
    const next = tokens[k + 1]?.text.toLowerCase();
    return /^[a-z]+(?:ing|ed)$/.test(t) && k + 1 < to && next !== undefined && DETERMINER_OR_PREPOSITION.has(next);
  };
  let b = from + 1;
  while (b < to && !stops(b)) b++;
  let h = b - 1;
  while (h > from && !/\w/.test(tokens[h]!.text)) h--;
  if (h > from && /^'s?$/.test(tokens[h]!.text)) h--;
  return h;
}
