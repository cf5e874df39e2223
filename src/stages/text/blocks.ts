import type { BlockKind } from "../../core/analysis.js";

/**
 * Classifies one body paragraph by its form alone. News pages mix the story with captions,
 * crossheads and teasers of other stories; later stages must not read those as the story.
 */
export function classifyParagraph(paragraph: string): BlockKind {
  if (isRelatedTeaser(paragraph)) return "related";
  if (isCaption(paragraph)) return "caption";
  if (isHeading(paragraph)) return "heading";
  return "paragraph";
}

/** "ANALYSIS | Putin needs ...", "READ MORE: ...", "Related: ...", "WATCH: ..." */
export function isRelatedTeaser(p: string): boolean {
  const m = /^([A-Z][A-Za-z]*(?: [A-Za-z]+){0,2})\s*([|:])\s+\S/.exec(p);
  if (!m) return false;
  const label = m[1]!;
  const lower = label.toLowerCase();
  const allCaps = label === label.toUpperCase();
  // "ANALYSIS | ..." – a bar after an all-caps label is a teaser whatever the label says.
  if (m[2] === "|") return allCaps || RELATED_LABELS.has(lower);
  // A colon is common in prose ("Analysis: the figures show ..."): only teaser labels proper count.
  return TEASER_LABELS.has(lower) || (allCaps && RELATED_LABELS.has(lower));
}

const TEASER_LABELS: ReadonlySet<string> = new Set(["related", "read more", "see also", "also read", "must read", "more on this story"]);

const RELATED_LABELS: ReadonlySet<string> = new Set([
  "analysis", "related", "read more", "read", "more", "see also", "watch", "listen", "opinion", "explainer", "live updates",
  "latest", "also read", "must read", "recommended", "video", "photos", "gallery", "sign up", "subscribe", "more on this story",
]);

/** Photo captions end in a credit: "(Alexandr Demyanchuk/Pool/Sputnik/AP)", "(Getty Images)", "Photo: Reuters". */
export function isCaption(p: string): boolean {
  if (photoCredit(p) !== null) return true;
  return /^(?:(?:FILE )?PHOTO|FILE|Photo|Image|Picture)\s*[-:—–]/.test(p) || /(?:^|\s)(?:Photo|Image|Picture|Credit)s?:\s*[^.]{2,80}$/.test(p);
}

/**
 * The photo credit that closes a caption, as the offset of the text inside its parentheses, or null:
 * "... 2022. (Alexandr Demyanchuk/Pool/Sputnik/AP)" gives the offset of "Alexandr".
 */
export function photoCredit(p: string): number | null {
  const credit = /\(([^()]{2,120})\)\s*$/.exec(p);
  if (!credit) return null;
  const inner = credit[1]!;
  // "Alexandr Demyanchuk/Pool/Sputnik/AP": slash-joined credits, no list punctuation ("Life Begins/ Von Trapped, ITV1").
  const slashCredit = inner.includes("/") && !/\s\/|\/\s|,/.test(inner);
  return slashCredit || (CREDIT_WORDS.test(inner) && inner.split(/\s+/).length <= 8) ? credit.index + 1 : null;
}

const CREDIT_WORDS = /\b(?:AP|AFP|Reuters|Getty|Images?|Photo|Photos|Pool|EPA|Shutterstock|Bloomberg|Xinhua|Sputnik|TASS|Alamy|Courtesy|File)\b/;

/**
 * Crossheads: a short line that reads as a title, without final punctuation
 * ("The state of relations between Russia and China").
 */
export function isHeading(p: string): boolean {
  const text = p.trim();
  if (text.length === 0 || text.length > 100) return false;
  const first = text.charCodeAt(0);
  if (!(first >= 65 && first <= 90) && !(first >= 48 && first <= 57) && first < 0xc0) return false;
  if (/[.!?,;:"”’'…)\]]$/.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > 14) return false;
  // A line with a finite verb is a sentence that lost its period, not a title ("The government had claimed ...").
  return !words.some((w) => FINITE_VERBS.has(w.toLowerCase()));
}

const FINITE_VERBS: ReadonlySet<string> = new Set([
  "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must",
  "said", "says", "do", "does", "did", "told", "added",
]);

export interface Dateline {
  /** Length of the dateline prefix, including the dash or space that follows it. */
  length: number;
  /** The outlet named in parentheses: "(CNN)" -> "CNN". */
  source: string | null;
}

/**
 * The dateline that opens a story: "(CNN)", "WASHINGTON (Reuters) -", "NAIROBI, Kenya (AP) _", "LONDON —".
 * Returns null when the paragraph does not start with one.
 */
export function findDateline(p: string): Dateline | null {
  const withSource = /^((?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)? )?\(([A-Z][A-Za-z0-9 .&-]{0,30})\))(\s*[-—–_]+)?\s*/.exec(p);
  if (withSource) {
    const rest = p.slice(withSource[0].length);
    if (rest.length > 0) return { length: withSource[1]!.length, source: withSource[2]!.trim() };
  }
  const placeOnly = /^([A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?)\s+[—–-]{1,2}\s+/.exec(p);
  if (placeOnly) return { length: placeOnly[1]!.length, source: null };
  return null;
}

/** A byline: "By Jane Doe and John Roe", "Melissa Velsquez Loaiza", "Jane Doe, CNN". */
export function looksLikeByline(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > 120) return false;
  if (/[.!?;:"“”]$/.test(text)) return false;
  const body = text.replace(/^by\s+/i, "");
  const words = body.split(/[\s,]+/).filter((w) => w.length > 0);
  if (words.length === 0 || words.length > 12) return false;
  const nameWords = words.filter((w) => /^[A-Z\u00C0-\u024F][\p{L}.'’-]*$/u.test(w) || /^(?:and|&|de|da|van|von|der|del|la|le|bin|al|y)$/i.test(w));
  return nameWords.length === words.length;
}

/** Authors named in a byline: "By Jane Doe and John Roe, CNN" -> ["Jane Doe", "John Roe"]. */
export function parseByline(line: string): string[] {
  const body = line.trim().replace(/^by\s+/i, "");
  return body
    .split(/\s*(?:,|\band\b|&)\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !OUTLET_SUFFIXES.has(s));
}

const OUTLET_SUFFIXES: ReadonlySet<string> = new Set(["CNN", "AP", "Reuters", "AFP", "BBC", "Associated Press", "BBC News"]);
