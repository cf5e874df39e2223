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
  "analyst", "economist", "chairperson", "chair",
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
 * minister") or after a copula ("Piers Freelove is senior benefit officer"): the role is written in lower case, so
 * "Boeing, General Electric" is not one.
 */
export function hasRoleApposition(words: readonly string[], end: number): boolean {
  if (words[end] === "is" || words[end] === "was") return hasRoleComplement(words, end + 1);
  if (words[end] !== ",") return false;
  let k = end + 1;
  if (k < words.length && /^(?:a|an|the)$/.test(words[k]!)) k++;
  const w = words[k];
  return w !== undefined && /^[a-z]/.test(w) && isTitleWord(w);
}

/**
 * `Piers Freelove is senior benefit officer on the picket line`: after a copula, a noun phrase of at most four
 * lower-case words (a determiner first allowed) whose last word is a personal role, ending where the words stop
 * (a preposition, a comma, a capitalized word or the sentence's end), with no participle in it.
 */
function hasRoleComplement(words: readonly string[], k: number): boolean {
  if (k < words.length && /^(?:a|an|the)$/.test(words[k]!)) k++;
  let last = "";
  for (let n = 0; n < 4 && k < words.length && /^[a-z]/.test(words[k]!) && !PREPOSITIONS.has(words[k]!); n++, k++) {
    if (words[k]!.endsWith("ed")) return false; // a passive (`… is elected president`): the subject may be anything
    last = words[k]!;
  }
  return last !== "" && isTitleWord(last);
}

const PREPOSITIONS = new Set(["of", "at", "on", "in", "for", "with", "from", "to", "and", "or", "who", "which", "that"]);

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

/** A middle initial: "J." of "Donald J. Trump". */
export function isInitial(word: string | undefined): boolean {
  return word !== undefined && /^[A-Z]\.$/.test(word);
}

/** Generational suffixes that end a personal name: "Jr.", "Sr.", "III". */
export function isNameSuffix(word: string | undefined): boolean {
  return word !== undefined && /^(?:Jr|Sr|Jnr|Snr)\.?$|^(?:II|III|IV)$/.test(word);
}

/** A span over tokens [start, end) with a tagger type (an index into TYPES) and, for persons, a title cut off. */
export interface NameSpan {
  start: number;
  end: number;
  type: number;
  title?: string;
}

/** What the span reshaping needs to know of words: the type index of persons, organizations and places, and the model's knowledge. */
export interface NameKnowledge {
  per: number;
  org: number;
  loc: number;
  misc: number;
  /** A capitalized word the model knows as a given name, or one running text almost always capitalizes. */
  isNameWord(word: string): boolean;
  gazetteer: HashTable | null;
}

/**
 * Joins the parts of a personal name the tagger cut apart: at a middle initial ("Donald" + "J. Trump", "James B." +
 * "Comey Jr.", "Mayor Frank" + "G. Jackson": the span before, of any type, of up to three capitalized words, or an
 * untagged given name or initial before it, "E. J. Fleming"), and before a suffix ("Landon" + "Thomas Jr."); a suffix
 * after a person is part of the name ("Landon Thomas" + "Jr."). Spans are in text order and do not overlap.
 */
export function joinNameParts(words: readonly string[], spans: readonly NameSpan[], k: NameKnowledge): NameSpan[] {
  const out: NameSpan[] = [];
  for (const span of spans) {
    const s = { ...span };
    const prev = out[out.length - 1];
    if (prev && s.start < prev.end) {
      if (s.end <= prev.end) continue;
      s.start = prev.end;
    }
    if (s.type === k.per && s.end - s.start >= 2) {
      const joint = isInitial(words[s.start]) || isNameSuffix(words[s.end - 1]) || (prev !== undefined && isInitial(words[prev.end - 1]));
      if (joint && prev && prev.end === s.start && prev.end - prev.start <= 3 && words.slice(prev.start, prev.end).every((w) => /^[A-Z]/.test(w))) {
        out.pop();
        s.start = prev.start;
      } else if (isInitial(words[s.start])) {
        const limit = prev?.end ?? 0;
        while (s.start > limit && isInitial(words[s.start - 1])) s.start--;
        if (s.start > limit && isGivenName(words[s.start - 1]!, k)) s.start--;
      }
    }
    if (s.type === k.per && isNameSuffix(words[s.end]) && !isNameSuffix(words[s.end - 1])) s.end++;
    out.push(s);
  }
  return out;
}

function isGivenName(word: string, k: NameKnowledge): boolean {
  return /^[A-Z][a-z]+$/.test(word) && !isTitleWord(word) && k.isNameWord(word);
}

/** Heads of organization names: "Deutsche Bank", "Brookings Institution", "Democratic National Committee". */
const ORG_HEADS = new Set([
  "bank", "group", "institute", "institution", "university", "college", "foundation", "committee", "council",
  "association", "corporation", "corp", "corp.", "company", "co", "co.", "inc", "inc.", "ltd", "ltd.", "plc", "llc",
  "party", "agency", "commission", "department", "ministry", "center", "centre", "fund", "trust", "society", "union",
]);

const isOrgHead = (w: string | undefined): boolean => w !== undefined && ORG_HEADS.has(w.toLowerCase());

/** Party members named by their state or country: "a Massachusetts Democrat", "two Texas Republicans". */
const PARTY_MEMBERS = /^(?:Democrats?|Republicans?|Independents?|Libertarians?|Conservatives?|Socialists?)$/;

/**
 * Splits a span that the tagger ran over two names: organizations joined by "and" when both parts have two words
 * or more and are complete names, both with an organization head ("Urban Institute and Brookings Institution") or
 * the second a brand of the gazetteer ("Credit Suisse and Deutsche Bank"); not "Securities and Exchange
 * Commission", "House Ways and Means Committee", "Department of Health and Human Services"; a place before a party member ("Massachusetts" + "Democrat"); and a
 * person after a role inside an organization-looking span ("Democrat National Chairperson" + "Donna Brazile": the
 * role and the words before it become the person's title, or an organization of their own when they end in an
 * organization head, "Democratic National Committee Chairwoman Debbie Wasserman Schultz").
 */
export function splitName(words: readonly string[], span: NameSpan, k: NameKnowledge): NameSpan[] {
  const { start: a, end: b } = span;
  if (span.type === k.per) return [span];
  const and = words.indexOf("and", a);
  const from = /^the$/i.test(words[a]!) ? a + 1 : a;
  if (span.type === k.org && and > a && and < b && and - from >= 2 && b - and - 1 >= 2) {
    const brand = (x: number, y: number): boolean => gazetteerBits(words.slice(x, y), k.gazetteer, GAZ.BRAND) !== 0;
    const headed = isOrgHead(words[and - 1]) || brand(from, and);
    if ((headed && isOrgHead(words[b - 1])) || brand(and + 1, b)) return [{ ...span, end: and }, { ...span, start: and + 1 }];
  }
  if (b - a >= 2 && PARTY_MEMBERS.test(words[b - 1]!) && gazetteerBits(words.slice(a, b - 1), k.gazetteer) & (GAZ.STATE | GAZ.COUNTRY | GAZ.CITY_BIG)) {
    return [{ start: a, end: b - 1, type: k.loc }, { start: b - 1, end: b, type: k.misc }];
  }
  for (let r = b - 3; r > a; r--) {
    if (!isTitleWord(words[r]!) || /^[a-z]/.test(words[r]!)) continue;
    const name = words.slice(r + 1, b);
    if (!name.every((w) => /^[A-Z][a-z]/.test(w)) || !k.isNameWord(name[0]!) || isTitleWord(name[0]!)) return [span];
    if (gazetteerBits(name, k.gazetteer) & GAZ.GEO || isOrgHead(name[name.length - 1])) return [span];
    let t = r;
    while (t > a && isTitleWord(words[t - 1]!)) t--;
    const person: NameSpan = { start: r + 1, end: b, type: k.per, title: words.slice(t, r + 1).filter(isRole).join(" ") };
    if (isOrgHead(words[t - 1])) return [{ ...span, end: t }, person];
    return [{ ...person, title: words.slice(a, r + 1).join(" ") }];
  }
  return [span];
}

/** Nouns of a company that follow its name without a possessive: "Walt Disney executives", "Nielsen ratings". */
const COMPANY_NOUNS = new Set([
  "executives", "employees", "shares", "stock", "shareholders", "stores", "customers", "subsidiary", "headquarters",
  "ratings", "earnings", "revenue", "revenues", "profits",
]);

/** True when the word after a name is one of a company's nouns, in lower case ("Nielsen ratings", "Wells Fargo executives"). */
export function hasCompanyNounAfter(words: readonly string[], end: number): boolean {
  return COMPANY_NOUNS.has(words[end] ?? "");
}
