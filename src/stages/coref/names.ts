/**
 * Name sieves, in the manner of the Stanford multi-pass sieve and BBC's Citron (rules over names, written here
 * because no JavaScript library resolves names): the most precise links first.
 *   1. identical names (the entities stage's grouping), except one-word person names, which are read per mention;
 *   2. person names with the same first and last name ("Donald J. Trump" / "Donald Trump"), an initial for the first
 *      ("D. Trump");
 *   3. a one-word name that is the surname of a full name ("Putin"), else its given name ("Hillary"): when several
 *      people share it ("Bill Clinton", "Hillary Clinton") it goes to the one mentioned last, agreeing with an
 *      honorific's gender ("Mrs. Clinton"), and stays apart when none was mentioned yet;
 *   4. organization acronyms ("Shanghai Cooperation Organization (SCO)", "SEC") and short forms ("Goldman" of
 *      "Goldman Sachs", "The Post" of "The New York Post"), when only one organization fits;
 *   5. country names and aliases ("Russian Federation" / "Russia", "United States" / "U.S." / "America").
 */
import type { Doc } from "../../core/doc.js";
import { GENDERED_HONORIFICS, stripThe, type CorefLexicon, type Gender } from "./lexicon.js";
import type { Clusters, WorkMention } from "./mentions.js";

const NAME_SUFFIXES: ReadonlySet<string> = new Set(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"]);
/** Words an acronym skips: "Securities and Exchange Commission" is SEC. */
const ACRONYM_SKIPS: ReadonlySet<string> = new Set(["of", "and", "the", "for", "&", "de", "on", "in", "to"]);
/**
 * More candidates than this for one short name is no reading a person would make, and looking at each of them for
 * every mention would make a crafted article (thousands of "Smith"s) quadratic: the name stays unresolved.
 */
const MAX_CANDIDATES = 16;

interface PersonName {
  first: string;
  last: string;
}

/** First and last name of a person's name, lower case: the suffix ("Jr.") is not the surname. */
export function personName(words: readonly string[]): PersonName | null {
  let end = words.length;
  while (end > 1 && NAME_SUFFIXES.has(words[end - 1]!.toLowerCase().replace(/,$/, ""))) end--;
  if (end < 2) return null;
  return { first: words[0]!.toLowerCase(), last: words[end - 1]!.toLowerCase() };
}

function isInitial(word: string): boolean {
  return /^\p{Lu}\.?$/u.test(word);
}

/** The honorific right before a mention ("Mrs." of "Mrs. Clinton") and the gender it tells, if any. */
export function honorificGender(doc: Doc, m: WorkMention): Gender | null {
  if (m.tokenStart === 0) return null;
  const t = m.tokenStart - 1;
  const word = doc.text.slice(doc.tokens.start[t], doc.tokens.end[t]).toLowerCase().replace(/\.$/, "");
  return GENDERED_HONORIFICS.get(word) ?? null;
}

/**
 * Links person names. Full names (two words or more) are keyed by first + last name; one-word names are linked per
 * mention, in text order, to the full name they can only mean, or to the one of several that was mentioned last.
 */
export function linkPersons(doc: Doc, mentions: readonly WorkMention[], clusters: Clusters, lexicon: CorefLexicon): void {
  const byFullName = new Map<string, number>();
  const bySurname = new Map<string, number[]>();
  const byGiven = new Map<string, number[]>();
  const nameOf: (PersonName | null)[] = mentions.map((m) => (m.type === "PERSON" ? personName(m.words) : null));
  // Sieve 2: same first and last name. Initials wait until all full first names are known.
  mentions.forEach((m, i) => {
    const n = nameOf[i];
    if (!n || isInitial(m.words[0]!)) return;
    const key = `${n.first} ${n.last}`;
    const root = byFullName.get(key);
    if (root === undefined) {
      byFullName.set(key, i);
      push(bySurname, n.last, i);
      push(byGiven, n.first, i);
    } else clusters.union(root, i);
  });
  mentions.forEach((m, i) => {
    const n = nameOf[i];
    if (!n || !isInitial(m.words[0]!)) return;
    const initial = n.first.charAt(0);
    const same = bySurname.get(n.last) ?? [];
    if (same.length > MAX_CANDIDATES) return;
    const fits = same.filter((r) => nameOf[r]!.first.startsWith(initial));
    if (fits.length === 1) clusters.union(fits[0]!, i);
    else if (fits.length === 0) {
      push(bySurname, n.last, i);
      byFullName.set(`${n.first} ${n.last}`, i);
    }
  });

  // Sieve 3: one-word names, per mention in text order, so "the one mentioned last" is well defined.
  const lastSeen = new Map<number, number>(); // full-name root -> start of its latest mention
  const fullRoots = new Set(byFullName.values());
  const rootOf = (i: number): number => {
    const r = clusters.find(i);
    return fullRoots.has(r) ? r : i;
  };
  // "Ford" beside "Ford Motor Company" and "William Clay Ford Jr.": a family name that opens a company's name is the
  // company's short name (sieve 4), not the person's.
  const orgFirstWords = new Set<string>();
  for (const m of mentions) if (m.type === "ORG" && m.words.length > 1) orgFirstWords.add(m.words[0]!.toLowerCase());
  mentions.forEach((m, i) => {
    if (nameOf[i]) {
      lastSeen.set(clusters.find(i), m.start);
      return;
    }
    if (m.words.length !== 1 || m.kind !== "name") return;
    const word = m.words[0]!.toLowerCase();
    if (!canBeSurname(m, word, lexicon) || orgFirstWords.has(word)) return;
    let candidates = bySurname.get(word) ?? [];
    // A given name ("Hillary") only where it is nobody's surname.
    if (candidates.length === 0 && m.type === "PERSON") candidates = byGiven.get(word) ?? [];
    if (candidates.length > MAX_CANDIDATES) return;
    const roots = [...new Set(candidates.map((c) => clusters.find(c)))];
    if (roots.length === 0) return;
    let choice: number | null = null;
    if (roots.length === 1) choice = roots[0]!;
    else {
      const gender = honorificGender(doc, m);
      const agreeing = gender ? roots.filter((r) => personGender(mentions[r]!, lexicon) !== otherGender(gender)) : roots;
      let best = -1;
      for (const r of agreeing) {
        const seen = lastSeen.get(r);
        if (seen !== undefined && seen < m.start && seen > best) {
          best = seen;
          choice = r;
        }
      }
      if (choice === null && agreeing.length === 1) choice = agreeing[0]!;
      // Before any of them is named (a headline's "Clinton"): the one the story introduces first, as a lead
      // introduces the person in focus by full name ("Hillary Clinton and Bernie Sanders ...").
      if (choice === null && agreeing.length > 0) choice = agreeing.reduce((a, b) => (mentions[a]!.start <= mentions[b]!.start ? a : b));
    }
    if (choice === null) return;
    clusters.union(choice, i);
    lastSeen.set(rootOf(choice), m.start);
  });
}

function otherGender(g: Gender): Gender {
  return g === "male" ? "female" : "male";
}

/** The gender a full name's given name suggests (a preference: "Xi" of "Xi Jinping" is read as a girl's name). */
export function personGender(m: WorkMention, lexicon: CorefLexicon): Gender | null {
  if (m.words.length < 2) return null;
  return lexicon.given.get(m.words[0]!.toLowerCase()) ?? null;
}

/**
 * A one-word name of another type may still be a surname: the tagger calls "Macron" an organization and "Merkel" a
 * place when it has seen neither. Not when the word is a country, a capital or a demonym ("Washington" beside
 * "George Washington" is the city as often as the man).
 */
function canBeSurname(m: WorkMention, word: string, lexicon: CorefLexicon): boolean {
  if (m.type === "PERSON") return true;
  if (m.type !== "ORG" && m.type !== "GPE" && m.type !== "MISC") return false;
  const text = m.words[0]!;
  return !lexicon.country.has(word) && !lexicon.capital.has(text) && !lexicon.demonym.has(text) && !/^\p{Lu}+$/u.test(text);
}

/** Names that are shortened to their first or last words: "Goldman", "The Post", "Federal Reserve", "A380", "Dow". */
const SHORTENED_TYPES: ReadonlySet<string> = new Set(["ORG", "PRODUCT", "MISC", "EVENT"]);

/**
 * Sieve 4: acronyms of organizations, and short forms of organization, product and other names (the first or last
 * words of one longer name of those types), when one name alone fits.
 */
export function linkOrganizations(doc: Doc, mentions: readonly WorkMention[], clusters: Clusters): void {
  const acronyms = new Map<string, Set<number>>();
  const prefixes = new Map<string, Set<number>>();
  const suffixes = new Map<string, Set<number>>();
  const orgRoots: number[] = [];
  // "The Post" is "Post"; "(ECB)", cut with its parentheses, is "ECB".
  const words = (m: WorkMention): string[] => {
    const w = m.words[0]?.toLowerCase() === "the" ? m.words.slice(1) : m.words;
    return w.length === 1 && /^\(.+\)$/.test(w[0]!) ? [w[0]!.slice(1, -1)] : w;
  };
  mentions.forEach((m, i) => {
    if (!SHORTENED_TYPES.has(m.type)) return;
    const w = words(m);
    if (w.length < 2) return;
    const root = clusters.find(i);
    orgRoots.push(root);
    const content = w.filter((x) => !ACRONYM_SKIPS.has(x.toLowerCase()));
    if (m.type === "ORG" && content.length >= 2 && content.every((x) => /^\p{Lu}/u.test(x))) {
      add(acronyms, content.map((x) => x.charAt(0)).join(""), root);
      add(acronyms, w.map((x) => x.charAt(0).toUpperCase()).join(""), root);
    }
    // Short forms keep their type: "Airbus" (ORG) is not a short form of "Airbus A380" (PRODUCT). A product's first
    // words name its line ("iPod" of "iPod Nano"), its last words the product ("A380" of "Airbus A380").
    for (let k = 1; k < w.length; k++) {
      if (m.type !== "PRODUCT") add(prefixes, `${m.type} ${w.slice(0, k).join(" ").toLowerCase()}`, root);
      add(suffixes, `${m.type} ${w.slice(w.length - k).join(" ").toLowerCase()}`, root);
    }
    // "Shanghai Cooperation Organization (SCO)": the acronym in parentheses right after the name is its own.
    const after = /^ \(([\p{Lu}][\p{Lu}.&-]{1,9})\)/u.exec(doc.text.slice(m.end, m.end + 14));
    if (after) add(acronyms, after[1]!.replace(/\./g, ""), root, true);
  });
  if (orgRoots.length === 0) return;
  mentions.forEach((m, i) => {
    if (m.type !== "ORG" && m.type !== "PERSON" && m.type !== "GPE" && m.type !== "MISC" && m.type !== "PRODUCT" && m.type !== "EVENT") return;
    const w = words(m);
    const key = w.join(" ");
    let fits: Set<number> | undefined;
    if (w.length === 1 && /^[\p{Lu}][\p{Lu}.&]+$/u.test(key)) fits = acronyms.get(key.replace(/\./g, ""));
    if (!fits && SHORTENED_TYPES.has(m.type)) fits = prefixes.get(`${m.type} ${key.toLowerCase()}`) ?? suffixes.get(`${m.type} ${key.toLowerCase()}`);
    // A one-word "person" that begins an organization's name is its short name ("Chrysler" of "Chrysler LLC").
    if (!fits && m.type === "PERSON" && w.length === 1) fits = prefixes.get(`ORG ${key.toLowerCase()}`);
    const roots = fits && fits.size <= MAX_CANDIDATES ? [...new Set([...fits].map((r) => clusters.find(r)))] : [];
    if (roots.length === 1 && clusters.find(i) !== roots[0]) clusters.union(roots[0]!, i);
  });
}

/** Sieve 5: every name of one country is one entity. */
export function linkCountries(mentions: readonly WorkMention[], clusters: Clusters, lexicon: CorefLexicon): void {
  const byCode = new Map<string, number>();
  mentions.forEach((m, i) => {
    if (m.type !== "GPE" && m.type !== "LOC") return;
    const code = countryCode(m.text, lexicon);
    if (!code) return;
    const root = byCode.get(code);
    if (root === undefined) byCode.set(code, i);
    else clusters.union(root, i);
  });
}

export function countryCode(text: string, lexicon: CorefLexicon): string | null {
  return lexicon.country.get(stripThe(text.toLowerCase())) ?? null;
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Adds to a key's set; an explicit (parenthesized) acronym replaces guesses from initials. */
function add(map: Map<string, Set<number>>, key: string, value: number, only = false): void {
  const set = map.get(key);
  if (!set || only) map.set(key, new Set([value]));
  else set.add(value);
}
