/**
 * MEANTIME (NewsReader, Wikinews, CC BY 4.0) as an out-of-domain NER benchmark: the article is rebuilt as prose
 * from its tokens so that the whole pipeline (layout, tokenizer, sentence splitter, tagger, type refinement) is
 * measured, and the gold named mentions are mapped onto that text.
 *
 * Gold: ENTITY_MENTION elements with syntactic_type="NAM", typed by the ENTITY they REFER_TO (PER, ORG, LOC,
 * PRO, FIN, MIX). MEANTIME marks the whole noun phrase ("the United States", "Senator John McCain ( R-AZ",
 * "Jusman Syafii Djamal , minister of transport for Indonesia"), and often a second, inner mention of the same
 * entity for the bare name. So each gold mention carries two spans: `span` as annotated (overlap scoring) and
 * `name`, its name core as OntoNotes and CoNLL would mark it (exact scoring; see `nameCore`). An outer mention
 * that contains an inner one of the same entity is dropped: the inner one is the name.
 */
import type { Span } from "../../core/analysis.js";
import type { Article } from "../../core/article.js";
import { decodeEntities, xmlAttr } from "../../eval/xml.js";

export type MeantimeType = "PER" | "ORG" | "LOC" | "PRO" | "FIN" | "MIX";

export interface GoldName {
  /** The mention as annotated, character offsets into `MeantimeDoc.text`. */
  span: Span;
  /** Its name core (the span without determiner, title, apposition, possessive), same offsets. */
  name: Span;
  /** The type of the entity it refers to; null when it refers to none (a few mentions are left unlinked). */
  type: MeantimeType | null;
}

export interface MeantimeToken extends Span {
  text: string;
  sentence: number;
}

export interface MeantimeDoc {
  docId: string;
  /** Title, dateline and body rebuilt as prose: one sentence per line. */
  text: string;
  tokens: MeantimeToken[];
  gold: GoldName[];
  /**
   * Number of leading sentences that carry annotation (MEANTIME annotates the title, the date line and the first
   * four sentences): system mentions after them are not scored.
   */
  annotatedSentences: number;
}

/** Tokens written without a space before them, and tokens written without a space after them. */
const GLUE_BEFORE = new Set([",", ".", ":", ";", "%", ")", "?", "!", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m", "]", "''"]);
const GLUE_AFTER = new Set(["(", "$", "[", "US$", "€", "£", "``"]);

/** PTB quotes back to plain ones; tokens are otherwise kept verbatim so that they can be found in the text. */
function surface(token: string): string {
  return token === "``" || token === "''" ? '"' : token;
}

export function parseMeantimeEntities(xml: string): MeantimeDoc {
  const rawTokens = [...xml.matchAll(/<token\b([^>]*)>([^<]*)<\/token>/g)].map((m) => ({
    id: xmlAttr(m[1]!, "t_id") ?? "",
    sentence: Number(xmlAttr(m[1]!, "sentence") ?? 0),
    raw: decodeEntities(m[2]!),
  }));
  const tokens: MeantimeToken[] = [];
  const byId = new Map<string, number>();
  let text = "";
  rawTokens.forEach((t, k) => {
    const prev = rawTokens[k - 1];
    if (prev) {
      if (t.sentence !== prev.sentence) text += "\n";
      else if (!GLUE_BEFORE.has(t.raw) && !GLUE_AFTER.has(prev.raw) && !hyphenInName(prev.raw, t.raw, rawTokens[k + 1]?.raw, rawTokens[k - 2]?.raw)) text += " ";
    }
    const tok = surface(t.raw);
    byId.set(t.id, k);
    tokens.push({ text: tok, sentence: t.sentence, start: text.length, end: text.length + tok.length });
    text += tok;
  });

  const mentions = new Map<string, number[]>();
  for (const m of xml.matchAll(/<ENTITY_MENTION\b([^>]*)>([\s\S]*?)<\/ENTITY_MENTION>/g)) {
    if (xmlAttr(m[1]!, "syntactic_type") !== "NAM") continue;
    const ids = [...m[2]!.matchAll(/t_id="(\d+)"/g)].map((a) => byId.get(a[1]!)).filter((t) => t !== undefined);
    if (ids.length > 0) mentions.set(xmlAttr(m[1]!, "m_id") ?? "", ids.sort((a, b) => a - b));
  }
  const entityType = new Map<string, MeantimeType>();
  for (const m of xml.matchAll(/<ENTITY\b([^>]*)\/>/g)) entityType.set(xmlAttr(m[1]!, "m_id") ?? "", xmlAttr(m[1]!, "ent_type") as MeantimeType);
  const refersTo = new Map<string, string>();
  for (const m of xml.matchAll(/<REFERS_TO\b[^>]*>([\s\S]*?)<\/REFERS_TO>/g)) {
    const target = /<target m_id="(\d+)"/.exec(m[1]!)?.[1];
    if (target === undefined) continue;
    for (const s of m[1]!.matchAll(/<source m_id="(\d+)"/g)) refersTo.set(s[1]!, target);
  }

  const raw = [...mentions].map(([id, ids]) => {
    const target = refersTo.get(id);
    return { first: ids[0]!, last: ids[ids.length - 1]!, target, type: (target && entityType.get(target)) || null };
  });
  const gold: GoldName[] = [];
  for (const g of raw) {
    const outer = raw.some((h) => h !== g && h.target === g.target && g.target !== undefined &&
      h.first >= g.first && h.last <= g.last && h.last - h.first < g.last - g.first);
    if (outer) continue;
    const [a, b] = nameCore(tokens, g.first, g.last + 1, g.type === "PER");
    gold.push({
      span: { start: tokens[g.first]!.start, end: tokens[g.last]!.end },
      name: a < b ? { start: tokens[a]!.start, end: tokens[b - 1]!.end } : { start: tokens[g.first]!.start, end: tokens[g.last]!.end },
      type: g.type,
    });
  }
  gold.sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);

  let annotatedSentences = 0;
  for (const a of xml.matchAll(/<token_anchor t_id="(\d+)"/g)) {
    const t = byId.get(a[1]!);
    if (t !== undefined) annotatedSentences = Math.max(annotatedSentences, tokens[t]!.sentence + 1);
  }
  return { docId: xmlAttr(/<Document\b([^>]*)>/.exec(xml)?.[1] ?? "", "doc_id") ?? "", text, tokens, gold, annotatedSentences };
}

/** MEANTIME splits "Wal-Mart" into three tokens: a hyphen between two capitalized words is glued back. */
function hyphenInName(prev: string, tok: string, next: string | undefined, beforePrev: string | undefined): boolean {
  const capital = (w: string | undefined): boolean => w !== undefined && /^[A-Z]/.test(w);
  return (tok === "-" && capital(prev) && capital(next)) || (prev === "-" && capital(tok) && capital(beforePrev));
}

const DETERMINERS = new Set(["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"]);
/** Titles and honorifics that OntoNotes and CoNLL leave outside a PERSON name ("Mr Howard" → "Howard"). */
const TITLES = new Set([
  "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "senator", "sen.", "rep.",
  "president", "judge", "justice", "presiding", "chief", "executive", "spokeswoman", "spokesman", "prime", "minister",
  "chancellor", "king", "queen", "pope", "governor", "gov.", "mayor", "secretary", "chairman", "ceo", "general", "gen.",
]);

/**
 * The name core of a mention [from, to): leading determiners, possessive pronouns and lower-case modifiers are
 * dropped ("the new 787 Dreamliner" → "787 Dreamliner"), and for persons leading titles ("Senator John McCain" →
 * "John McCain"); it ends before the first comma or parenthesis (appositions: "Joe Leonard , Chairman ...") and
 * before a trailing possessive or lower-case word ("A380 's", "Heathrow airport"); quotes around it are dropped.
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
