import type { BlockKind } from "../../core/analysis.js";

/**
 * Classifies one body paragraph by its form alone. News pages mix the story with captions,
 * crossheads and teasers of other stories; later stages must not read those as the story.
 */
export function classifyParagraph(paragraph: string): BlockKind {
  const p = paragraph.trim();
  if (isSeparator(p)) return "separator";
  if (isNote(p)) return "note";
  if (isCredit(p)) return "credit";
  if (isFooter(p)) return "footer";
  if (isRelatedTeaser(p) || isReadMoreLink(p)) return "related";
  if (isLabel(p)) return "label";
  if (isCaption(p)) return "caption";
  if (isHeading(p) || isTypesetCrosshead(p)) return "heading";
  return "paragraph";
}

/** A rule between parts of the page: "___", "* * *", "***", "—-": no letter or digit at all. */
export function isSeparator(p: string): boolean {
  return p.length >= 2 && p.length <= 40 && !/[\p{L}\p{N}]/u.test(p);
}

/**
 * An editor's note or a correction: "Editor’s note: ...", "Correction: An earlier version ...", "CORRECTION APPENDED.",
 * "This article was updated to reflect ...".
 */
export function isNote(p: string): boolean {
  return (
    /^(?:editor[’']?s[’']? note|note to readers|corrections?|clarification|update|updated)\s*[:—–-]/i.test(p) ||
    /^CORRECTIONS? APPENDED\.?$/i.test(p) ||
    /^(?:this|the) (?:article|story|post|report|piece) (?:has been|was|is being|had been) (?:updated|corrected|changed|revised)\b/i.test(p) ||
    /^an earlier version of this (?:article|story|post|report)\b/i.test(p)
  );
}

/** A reporting credit: "(Reporting by ...; Editing by ...)", "(Additional reporting by ...)", "Jane Doe contributed reporting." */
export function isCredit(p: string): boolean {
  if (p.length > 300) return false;
  return (
    /^\((?:additional |further )?(?:reporting|writing|editing|research|compiled|produced) by\b/i.test(p) ||
    (/^(?:additional |further )?(?:reporting|writing|editing) by\s/i.test(p) && onlyNames(p.replace(/^\S+(?:\s+\S+)?\s+by\s+/i, ""))) ||
    /\bcontributed (?:reporting|research|to this (?:report|story|article))\b/i.test(p)
  );
}

/** "Kylie MacLellan in London; Editing by Michael Holden and Gareth Jones.": names, places and the words joining them. */
function onlyNames(list: string): boolean {
  return list
    .replace(/[.;,)]+$/, "")
    .split(/[\s,;]+/)
    .every((w) => /^\p{Lu}/u.test(w) || /^(?:and|in|by|from|de|van|von|al)$/.test(w));
}

/** An author footer or social link: "Follow Ian Hanchett on Twitter @IanHanchett.", "Sign up to get an email ...", "Like the page:". */
export function isFooter(p: string): boolean {
  if (p.length > 200) return false;
  return (
    /^(?:you can )?follow (?:[\p{L}.'’-]+ ){1,4}(?:on|at|via) (?:twitter|facebook|instagram|threads|mastodon)\b/iu.test(p) ||
    /^follow (?:us|him|her|them|me)\b|^follow @/i.test(p) ||
    /^(?:sign up|subscribe)\b/i.test(p) ||
    /\blike (?:us|the page|our page)(?: on facebook)?\s*[:.!]?$/i.test(p) ||
    /^(?:email|contact|reach) (?:him|her|them|the author|me)\b/i.test(p)
  );
}

/** A link to elsewhere: "Read the rest here.", "See live caucus results here.", "Listen to ... podcast embedded below." */
export function isReadMoreLink(p: string): boolean {
  if (p.length > 200) return false;
  return /^(?:read|see|click|watch|listen to|view)\b.{0,150}\b(?:here|below)\b[.:!]?\)?$/i.test(p) || /^listen to .{0,150}\bpodcast\b/i.test(p);
}

/** A section or column label: "ABSTRACT.", "FULL TEXT.", "DealBook.", "Letter From America.", "OPINION". */
export function isLabel(p: string): boolean {
  if (p.length > 40) return false;
  if (/^\p{Lu}\p{Ll}+\p{Lu}\p{L}*\.$/u.test(p)) return true; // one word with a capital inside and a period: "DealBook." (not "Yes.")
  const words = p.replace(/[.:]$/, "").split(/\s+/);
  // "FULL TEXT.", "LETTERS."; three capitalized words or more are a crosshead ("GARLAND STEPS ASIDE.").
  if (words.length <= 2 && /[.:]$/.test(p) && words.every((w) => /^[\p{Lu}&-]+$/u.test(w) && /\p{L}{2}/u.test(w))) return true;
  return /^(?:letter from|news analysis|op-ed(?: contributor)?|editorial|opinion|commentary)\b[^.!?]{0,30}[.:]?$/i.test(p);
}

/**
 * Crossheads in capitals ("GARLAND STEPS ASIDE.", in quotation marks: "“EVENTUALLY VOTERS MAKE GOOD DECISIONS”"), and the short quoted ones some papers set
 * with a final period ("'A really tough decision.'", "Wary of 'chaos.'") that are no sentence: no finite verb.
 */
export function isTypesetCrosshead(p: string): boolean {
  if (p.length > 80) return false;
  const inner = p.replace(/^[“"‘']+|[”"’'.]+$/g, "");
  const words = inner.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0 || words.some((w) => FINITE_VERBS.has(w.toLowerCase().replace(/[^a-z]/g, "")))) return false;
  const quoted = /^[“"‘']/.test(p) && /[”"’']$/.test(p);
  const capitals = /\p{L}/u.test(inner) && inner === inner.toUpperCase();
  if (capitals && words.length >= (quoted ? 2 : 3) && words.length <= 12) return true;
  // A quoted phrase that ends the line with its period: the headline style of some papers' crossheads.
  return words.length <= 6 && /\.[’']$/.test(p) && /(?:^|\s)[‘']\S/.test(p) && !/[.!?]\s/.test(p) && /^[‘']?\p{Lu}/u.test(p);
}

/**
 * An author footer at the end of an opinion piece: "Glenn Harlan Reynolds, a University of Tennessee law professor, is a
 * member of USA TODAY's Board of Contributors." Only the last blocks of an article are read this way.
 */
export function isAuthorFooter(p: string): boolean {
  if (p.length > 300) return false;
  return /^[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){1,3}(?:,[^,]{3,120},)?\s+(?:is|was|writes)\b.{0,200}\b(?:[Cc]ontributors?|[Cc]olumnist|author of|co-author|fellow|senior editor|contributing (?:writer|editor|columnist)|editor-at-large|writes (?:about|on|for))\b/u.test(p);
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
  /** Length of the dateline prefix, including the dash that follows it ("LONDON —"), not the space after. */
  length: number;
  /** The outlet named in parentheses: "(CNN)" -> "CNN". */
  source: string | null;
}

/**
 * The dateline that opens a story: "(CNN)", "WASHINGTON (Reuters) -", "NAIROBI, Kenya (AP) _", "LONDON —", "PHILADELPHIA ―".
 * Returns null when the paragraph does not start with one.
 */
export function findDateline(p: string): Dateline | null {
  const withSource = /^((?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)? )?\(([A-Z][A-Za-z0-9 .&-]{0,30})\))(\s*[-—–―_]+)?\s*/.exec(p);
  if (withSource) {
    const rest = p.slice(withSource[0].length);
    if (rest.length > 0) return { length: withSource[1]!.length + (withSource[3]?.length ?? 0), source: withSource[2]!.trim() };
  }
  // The dash may be a hyphen, en or em dash, or the horizontal bar U+2015 ("PHILADELPHIA ― ..."); some pages drop the
  // space after it ("BOSTON —Standing ..."), never before it.
  const placeOnly = /^([A-Z][A-Z.'-]{2,}(?: [A-Z][A-Z.'-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)*)?\s+(?:[—–―-]{1,2}(?=\s)|[—–―](?=[A-Z“"])))/.exec(p);
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
