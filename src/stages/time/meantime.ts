/**
 * MEANTIME (NewsReader NAF-like XML): tokens with sentence numbers, and TIMEX3 and VALUE markables over token
 * ids. The text is rebuilt from the tokens with light detokenization (no space before punctuation, "10:35",
 * "'s" and "US$5" glued) so the taggers see ordinary prose; the creation-time TIMEX3 gives the DCT. This is the
 * reader of the time and amounts evaluations (the entities evaluation keeps its own, which also maps names).
 */
import type { Span, TimexType } from "../../core/analysis.js";
import { tagTimexes } from "./tagger.js";
import { decodeEntities, xmlAttr } from "../../eval/xml.js";
import type { GoldTimex } from "./timeml.js";

export type ValueType = "MONEY" | "PERCENT" | "QUANTITY";

/** A VALUE markable: an amount of money, a percentage or another quantity. */
export interface GoldValue extends Span {
  type: ValueType;
}

export interface MeantimeDoc {
  dct: string | null;
  text: string;
  gold: GoldTimex[];
  values: GoldValue[];
  /** Span of the dateline (the article's second sentence, after the title), which is not scored. */
  dateline: { start: number; end: number } | null;
  /**
   * End of the annotated part: MEANTIME annotates only the title and the first sentences of each article,
   * so the text stops after the last sentence that holds any markable.
   */
  annotatedEnd: number;
}

const NO_SPACE_BEFORE = new Set([",", ".", ":", ";", "%", ")", "'s", "n't", "?", "!", "'", "'re", "'ve", "'ll", "'d", "'m"]);
const NO_SPACE_AFTER = new Set(["(", "$", "€", "£", "US$", "AU$", "CA$", "USD$"]);

export function parseMeantime(xml: string): MeantimeDoc {
  const tokenRe = /<token\b([^>]*)>([^<]*)<\/token>/g;
  const nextIsNumber = /\s*<token\b[^>]*>\d/y;
  const offsets = new Map<string, { start: number; end: number }>();
  const sentenceEnd = new Map<string, number>();
  const sentenceOf = new Map<string, string>();
  const sentenceStart = new Map<string, number>();
  let text = "";
  let prevSentence = "";
  let prevToken = "";
  for (let m = tokenRe.exec(xml); m; m = tokenRe.exec(xml)) {
    const attrs = m[1]!;
    const id = xmlAttr(attrs, "t_id") ?? "";
    const sentence = xmlAttr(attrs, "sentence") ?? "";
    // The corpus's pound signs came out as "#" ("# 13 billion"; the article URLs have "£13_billion").
    const raw = decodeEntities(m[2]!);
    nextIsNumber.lastIndex = tokenRe.lastIndex;
    const tok = raw === "#" && nextIsNumber.test(xml) ? "£" : raw;
    if (text.length > 0) {
      if (sentence !== prevSentence) text += "\n";
      else if (!(NO_SPACE_BEFORE.has(tok) || NO_SPACE_AFTER.has(prevToken) || (prevToken === ":" && /^\d/.test(tok) && /\d$/.test(text)))) text += " ";
    }
    const start = text.length;
    text += tok;
    offsets.set(id, { start, end: text.length });
    sentenceOf.set(id, sentence);
    if (!sentenceStart.has(sentence)) sentenceStart.set(sentence, start);
    sentenceEnd.set(sentence, text.length);
    prevSentence = sentence;
    prevToken = tok;
  }
  /** From the first to the last token a markable anchors (a few skip tokens: "$4 per share or $57 million"). */
  const extent = (body: string): Span | null => {
    const anchors = [...body.matchAll(/t_id="([^"]*)"/g)].map((a) => offsets.get(a[1]!)).filter((o) => o !== undefined);
    return anchors.length === 0 ? null : { start: Math.min(...anchors.map((a) => a.start)), end: Math.max(...anchors.map((a) => a.end)) };
  };
  const gold: GoldTimex[] = [];
  let dct: string | null = null;
  const timexRe = /<TIMEX3\b([^>]*?)(\/>|>([\s\S]*?)<\/TIMEX3>)/g;
  for (let m = timexRe.exec(xml); m; m = timexRe.exec(xml)) {
    const attrs = m[1]!;
    const value = xmlAttr(attrs, "value") ?? "";
    const creation = /functionInDocument="CREATION_TIME"/.test(attrs);
    if (creation && dct === null) dct = value;
    const span = extent(m[3] ?? "");
    if (!span || creation) continue;
    const mod = xmlAttr(attrs, "mod") ?? "";
    gold.push({ ...span, type: (xmlAttr(attrs, "type") ?? "DATE") as TimexType, value, mod: mod || null });
  }
  gold.sort((a, b) => a.start - b.start);
  const values: GoldValue[] = [];
  for (const m of xml.matchAll(/<VALUE\b([^>]*)>([\s\S]*?)<\/VALUE>/g)) {
    const type = xmlAttr(m[1]!, "type");
    const span = extent(m[2]!);
    if (span && (type === "MONEY" || type === "PERCENT" || type === "QUANTITY")) values.push({ ...span, type });
  }
  values.sort((a, b) => a.start - b.start || a.end - b.end);
  let annotatedEnd = 0;
  for (const a of xml.matchAll(/<token_anchor t_id="([^"]*)"/g)) {
    const end = sentenceEnd.get(sentenceOf.get(a[1]!) ?? "") ?? 0;
    if (end > annotatedEnd) annotatedEnd = end;
  }
  const ds = sentenceStart.get("1");
  const dateline = ds === undefined ? null : { start: ds, end: sentenceEnd.get("1")! };
  return { dct: dct && /^\d{4}-\d{2}-\d{2}/.test(dct) ? dct : null, text, gold, values, dateline, annotatedEnd };
}

/** The document creation date; a few files carry no ISO creation time, and their dateline ("February 3, 2009") gives it. */
export function meantimeDct(doc: MeantimeDoc): string | null {
  const span = doc.dateline;
  if (doc.dct || !span) return doc.dct;
  return tagTimexes(doc.text.slice(span.start, span.end), null).find((t) => /^\d{4}-\d{2}-\d{2}$/.test(t.value))?.value ?? null;
}
