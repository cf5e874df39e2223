/**
 * Titles and affiliations of people, read from the two places news puts them:
 *   - before the name: "Russian President Vladimir Putin", "Sen. Elizabeth Warren", "House Speaker Paul Ryan",
 *     "former Secretary of State Hillary Clinton" — capitalized words, role nouns and a few modifiers, ending in a role;
 *   - in apposition after it: "Yun Sun, director of the China program at the Washington-based think tank Stimson
 *     Center", "Alfred Wu, associate professor at the Lee Kuan Yew School ...", "Elizabeth Warren, a Massachusetts
 *     Democrat" — up to the first "at", "with", comma or clause.
 * The organizations, places and groups named inside a title or right after its "at"/"of"/"with" are affiliations.
 */
import type { Doc } from "../../core/doc.js";
import { ROLE_NOUNS, TITLE_MODIFIERS } from "./lexicon.js";
import type { WorkMention } from "./mentions.js";

export interface PersonRole {
  title: string | null;
  /** Indices into the mention list of the ORG, GPE or NORP mentions the role ties the person to. */
  affiliations: number[];
}

/** How far an apposition is read: its role rarely comes later than this, its organization within this. */
const MAX_APPOSITION_TOKENS = 24;
const MAX_PREMODIFIER_TOKENS = 7;

export function isRoleNoun(word: string): boolean {
  return ROLE_NOUNS.has(word.toLowerCase().replace(/\.$/, ""));
}

/**
 * The roles of person mention `index`. `mentionAt` maps each token to the index of the name mention that covers it
 * (or -1), so that the names inside a title are known by their entity.
 */
export function readRoles(doc: Doc, index: number, mentions: readonly WorkMention[], mentionAt: Int32Array): PersonRole[] {
  const m = mentions[index]!;
  const roles: PersonRole[] = [];
  const before = premodifierTitle(doc, m, index, mentions, mentionAt);
  if (before) roles.push(before);
  const after = appositionTitle(doc, m, mentions, mentionAt);
  if (after) roles.push(after);
  return roles;
}

function word(doc: Doc, t: number): string {
  return doc.text.slice(doc.tokens.start[t], doc.tokens.end[t]);
}

function sameSentence(doc: Doc, a: number, b: number): boolean {
  return doc.tokens.sentence[a] === doc.tokens.sentence[b];
}

function premodifierTitle(doc: Doc, m: WorkMention, index: number, mentions: readonly WorkMention[], mentionAt: Int32Array): PersonRole | null {
  let t = m.tokenStart - 1;
  let first = m.tokenStart;
  let hasRole = false;
  const affiliations: number[] = [];
  // The title's last word must be a role ("President" of "Russian President Vladimir Putin").
  if (t < 0 || !sameSentence(doc, t, m.tokenStart) || !isRoleNoun(word(doc, t))) return null;
  while (t >= 0 && m.tokenStart - t <= MAX_PREMODIFIER_TOKENS && sameSentence(doc, t, m.tokenStart)) {
    const w = word(doc, t);
    const lower = w.toLowerCase().replace(/\.$/, "");
    const inName = mentionAt[t]!;
    if (inName >= 0 && inName !== index) {
      const other = mentions[inName]!;
      if (other.type === "PERSON") break; // "Modi told Putin": another person is no title
      if (other.type === "ORG" || other.type === "GPE" || other.type === "NORP") affiliations.push(inName);
      t = other.tokenStart - 1;
      first = other.tokenStart;
      continue;
    }
    if (isRoleNoun(w)) hasRole = true;
    else if (!(TITLE_MODIFIERS.has(lower) || /^\p{Lu}/u.test(w))) break;
    // A capitalized word that only opens the sentence ("Yesterday President Obama") is not part of the title.
    else if (!TITLE_MODIFIERS.has(lower) && (t === 0 || !sameSentence(doc, t - 1, t))) break;
    // A title does not open with a connective: "Secretary of State", not "of State".
    first = t;
    t--;
  }
  while (first < m.tokenStart && /^(?:of|for|and|&|-)$/i.test(word(doc, first))) first++;
  // Sentence-initial "The" is no part of the title.
  while (first < m.tokenStart && /^(?:the|a|an)$/i.test(word(doc, first))) first++;
  if (!hasRole || first >= m.tokenStart) return null;
  const title = doc.text.slice(doc.tokens.start[first], doc.tokens.end[m.tokenStart - 1]);
  return { title, affiliations: affiliations.filter((a) => mentions[a]!.start >= doc.tokens.start[first]!) };
}

function appositionTitle(doc: Doc, m: WorkMention, mentions: readonly WorkMention[], mentionAt: Int32Array): PersonRole | null {
  let t = m.tokenEnd;
  if (t >= doc.tokens.count || word(doc, t) !== "," || !sameSentence(doc, t, m.tokenStart)) return null;
  t++;
  if (t < doc.tokens.count && /^(?:a|an|the)$/i.test(word(doc, t))) t++;
  const start = t;
  let roleAt = -1;
  let end = t;
  const affiliations: number[] = [];
  let connective = false; // after "at", "of", "with", "for": the next organization is the employer
  for (; t < doc.tokens.count && t - start < MAX_APPOSITION_TOKENS && sameSentence(doc, t, start); t++) {
    const w = word(doc, t);
    const lower = w.toLowerCase();
    const at = mentionAt[t]!;
    if (at >= 0) {
      const other = mentions[at]!;
      if (other.type === "PERSON") break;
      if (other.type === "ORG" || other.type === "NORP" || (other.type === "GPE" && roleAt < 0)) {
        if (roleAt >= 0 || other.type !== "GPE") affiliations.push(at);
        if (roleAt >= 0 && connective && other.type === "ORG") break; // "at the Lee Kuan Yew School": the employer
      }
      if (roleAt < 0 || end === t) end = other.tokenEnd;
      t = other.tokenEnd - 1;
      continue;
    }
    if (lower === "," || lower === ";" || lower === "who" || lower === "which" || lower === "said" || lower === "says" || /^[“”"()]$/.test(w)) break;
    if (lower === "at" || lower === "with" || lower === "for" || lower === "in") {
      if (roleAt >= 0) {
        connective = true;
        continue;
      }
    }
    if (connective) continue; // the organization's description: "the Washington-based think tank"
    if (roleAt < 0 && isRoleNoun(w)) roleAt = t;
    if (roleAt < 0 && !/^\p{Ll}/u.test(w) && !/^\p{Lu}/u.test(w) && w !== "-") break;
    end = t + 1;
  }
  // "a Massachusetts Democrat": a party or nationality in apposition is an affiliation without a role.
  if (roleAt < 0) return affiliations.length > 0 && affiliations.every((a) => mentions[a]!.type === "NORP" || mentions[a]!.type === "GPE") ? { title: null, affiliations } : null;
  if (/^\p{Lu}/u.test(word(doc, start)) && mentionAt[start]! < 0 && !isRoleNoun(word(doc, start))) return null;
  let title = doc.text.slice(doc.tokens.start[start], doc.tokens.end[end - 1]);
  // "president of the NAACP." at the end of a sentence: the period is the sentence's.
  if (title.endsWith(".") && (end >= doc.tokens.count || !sameSentence(doc, end - 1, end))) title = title.slice(0, -1);
  return { title, affiliations };
}
