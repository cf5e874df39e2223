/**
 * Corrections of the tagger's spans that real news showed (MEANTIME dev half, BBC sample), applied per mention
 * before type refinement. Conventions follow OntoNotes: titles and honorifics are not part of a PERSON name
 * ("Senator John McCain" → "John McCain"; the title is kept as the entity's title), and a name glued to a word by
 * a hyphen is a mention of its own part ("Washington-based" → "Washington").
 */
import { GAZ, normalizeWord } from "./features.js";
import { phraseHash } from "./hash.js";
import type { HashTable } from "./hash-table.js";

/** Titles and honorifics that precede a personal name. Lower case, without the final period. */
const TITLES = new Set([
  "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "senator", "sen", "rep",
  "representative", "congressman", "congresswoman", "president", "vice-president", "judge", "justice", "presiding",
  "chief", "executive", "spokeswoman", "spokesman", "spokesperson", "prime", "minister", "chancellor", "king", "queen",
  "prince", "princess", "pope", "governor", "gov", "mayor", "secretary", "chairman", "chairwoman", "ceo", "general",
  "gen", "colonel", "col", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt", "admiral", "adm", "commander",
  "officer", "rev", "reverend", "father", "sister", "brother", "bishop", "archbishop", "cardinal", "rabbi", "imam",
  "sheikh", "ayatollah", "detective", "inspector", "superintendent", "constable", "coach", "manager", "director",
  "ambassador", "premier", "foreign", "defence", "defense", "finance", "interior", "deputy", "acting", "former",
  "analyst", "economist",
]);

/** Honorifics: dropped from the name like titles, but not roles worth keeping as the entity's title. */
const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "dr", "sir", "dame"]);

/** Lower-case word parts that make a hyphenated token an adjective built on a name ("Washington-based"). */
const NAME_ADJECTIVE_PARTS = new Set([
  "based", "born", "led", "owned", "made", "headquartered", "backed", "listed", "controlled", "run", "funded", "bound",
  "registered", "built", "brokered", "sponsored", "style", "era", "focused", "linked", "allied", "supported", "flagged",
]);

/** Prefixes written before "$" for a currency: "US$14 billion" names no place. */
const CURRENCY_PREFIXES = new Set(["US", "U.S.", "A", "AU", "C", "CA", "HK", "NZ", "S", "NT", "R", "Z", "EC"]);

export function isTitleWord(word: string): boolean {
  return TITLES.has(word.toLowerCase().replace(/\.$/, ""));
}

/** Number of leading title words of a PERSON span ("Senator John McCain": 1), leaving at least one word. */
export function titleLength(words: readonly string[]): number {
  let k = 0;
  while (k < words.length - 1 && isTitleWord(words[k]!)) k++;
  return k;
}

export function isRole(word: string): boolean {
  return !HONORIFICS.has(word.toLowerCase().replace(/\.$/, ""));
}

/**
 * A name followed by a person's role in apposition ("Yun Sun, director of the China program", "Smith, a former
 * minister"): the role is written in lower case, so "Boeing, General Electric" is not one.
 */
export function hasRoleApposition(words: readonly string[], end: number): boolean {
  if (words[end] !== ",") return false;
  let k = end + 1;
  if (k < words.length && /^(?:a|an|the)$/.test(words[k]!)) k++;
  const w = words[k];
  return w !== undefined && /^[a-z]/.test(w) && isTitleWord(w);
}

/**
 * Model designations that follow a maker's name and make it a product: "Boeing 787", "Airbus A380", "737-800s",
 * "777-200LR". Plain years and small numbers are not models.
 */
export function isModelNumber(token: string): boolean {
  if (!/^(?:[A-Z]{1,3}-?)?\d{3,4}(?:-\d{1,4})?[A-Z]{0,3}s?$/.test(token)) return false;
  return !/^(?:1[89]|20)\d\ds?$/.test(token);
}

/** Product names of the "iPhone" family ("iPod", "iTunes", "iPlayer"), which no CoNLL type covers. */
export function isCamelProduct(token: string): boolean {
  return /^i[A-Z][a-z]+[A-Za-z0-9]*$/.test(token);
}

/** True for "US" written right before "$" ("US$14 billion"): a currency prefix, not a mention. */
export function isCurrencyPrefix(mentionText: string, following: string): boolean {
  return following.startsWith("$") && CURRENCY_PREFIXES.has(mentionText);
}

/**
 * For a one-token mention glued by hyphens ("Washington-based", "EADS-led"), the length of its name part,
 * or 0 when the token is not a name followed by an adjective part. "Russian-Chinese" (names on both sides) is 0.
 */
export function namePartLength(token: string): number {
  const hy = token.lastIndexOf("-");
  if (hy <= 0) return 0;
  return NAME_ADJECTIVE_PARTS.has(token.slice(hy + 1).toLowerCase()) && /^[A-Z]/.test(token) ? hy : 0;
}

/** Place and nationality categories (GAZ.GEO, or the categories asked for) of a token sequence (lower-cased, normalized as the gazetteer keys are). */
export function gazetteerBits(words: readonly string[], gazetteer: HashTable | null, categories: number = GAZ.GEO): number {
  if (!gazetteer) return 0;
  const lower = words.map((w) => normalizeWord(w).toLowerCase());
  return gazetteer.get(phraseHash(lower, 0, lower.length)) & categories;
}

/**
 * Untagged hyphenated tokens whose first part is a known place or nationality ("London-based", "Chinese-made"):
 * the length of that part, else 0.
 */
export function placePartLength(token: string, gazetteer: HashTable | null): number {
  const n = namePartLength(token);
  return n > 0 && gazetteerBits([token.slice(0, n)], gazetteer) !== 0 ? n : 0;
}

/** Heads of institution names that take an "of" complement: "School of Public Policy", "Ministry of Defence". */
const INSTITUTION_OF_HEADS = new Set([
  "school", "university", "institute", "college", "academy", "ministry", "department", "bank", "museum", "centre",
  "center", "council", "commission", "office", "agency", "federation", "union", "association", "society", "court",
  "board", "organization", "organisation", "league", "church", "order", "faculty", "hospital", "foundation",
]);

const isCapitalized = (w: string | undefined): boolean => w !== undefined && /^[A-Z]/.test(w);

/**
 * End of an organization name that the tagger cut before its "of" complement: "Lee Kuan Yew School" + "of Public
 * Policy". Extends over "of" and the capitalized words after it (with "and" or "for" between two of them); returns
 * `end` itself when the name does not end in an institution head or no capitalized complement follows.
 */
export function institutionOfEnd(words: readonly string[], end: number): number {
  if (!INSTITUTION_OF_HEADS.has((words[end - 1] ?? "").toLowerCase()) || words[end] !== "of" || !isCapitalized(words[end + 1])) return end;
  let k = end + 1;
  while (isCapitalized(words[k]) || ((words[k] === "and" || words[k] === "for") && isCapitalized(words[k + 1]))) k++;
  return k;
}

