/**
 * Pronouns and descriptions of people ("he", "his", "the Russian leader", "the senator"), resolved in one pass over
 * the story in text order with a small salience model of our own (written here: no JavaScript resolver exists):
 *   - a subject pronoun in a trailing cue ("..., he added.") is the last speaker;
 *   - else a subject pronoun is the subject (first person) of its own sentence before it, an object or possessive
 *     pronoun the nearest person before it there;
 *   - else the subject of the nearest earlier sentence that names a person: for a subject pronoun its speaker (a
 *     person before or after a reporting verb) where it has one, else its first person;
 * each agreeing in gender where the text or the given name tells it. A description ("the Russian leader") is the
 * person mentioned last whose title has its role (a leader's role for "leader") and its nationality.
 * Only people: "it" and "they" are left alone, as are descriptions that fit nobody.
 */
import type { Doc } from "../../core/doc.js";
import { LEADER_ROLES, PERSONAL_PRONOUNS, REPORTING_VERBS, SUBJECT_PRONOUNS, TITLE_MODIFIERS, type Gender } from "./lexicon.js";
import type { Clusters, WorkMention } from "./mentions.js";
import { isRoleNoun } from "./titles.js";

/** What the sweep knows of a person entity, by its cluster root. */
export interface PersonInfo {
  /** Gender from an honorific or a gendered title in the text: reliable. */
  statedGender: Gender | null;
  /** Gender its given name suggests: a preference only. */
  nameGender: Gender | null;
  /** Lower-cased words of its titles. */
  titleWords: Set<string>;
  /** Lower-cased names of the places, groups and organizations it is affiliated with, and its titles' names. */
  ties: Set<string>;
}

export interface Reference {
  start: number;
  end: number;
  kind: "nominal" | "pronoun";
  /** Cluster root of the person referred to. */
  root: number;
}

interface SeenPerson {
  root: number;
  token: number;
  /** The subject of a reporting verb there ("Mr Blair said"): the sentence's speaker. */
  speaks?: boolean;
}

/** Head nouns of descriptions of a company: "the company", "the automaker". */
const COMPANY_NOUNS: ReadonlySet<string> = new Set([
  "company", "firm", "group", "corporation", "automaker", "carmaker", "airline", "carrier", "manufacturer", "planemaker",
  "bank", "retailer", "maker", "conglomerate", "giant", "insurer", "lender", "startup", "business",
]);

function holdsLeaderRole(p: PersonInfo): boolean {
  for (const role of LEADER_ROLES) if (p.titleWords.has(role)) return true;
  return false;
}

/** How many earlier sentences a pronoun looks back for its antecedent. */
const LOOKBACK_SENTENCES = 6;
/**
 * How many people a pronoun or description considers, most recent first, and within one sentence: bounds the work
 * per reference, so that the pass stays linear on a crafted article with thousands of names in one sentence.
 */
const MAX_CONSIDERED = 32;

export function resolveReferences(
  doc: Doc,
  mentions: readonly WorkMention[],
  clusters: Clusters,
  persons: ReadonlyMap<number, PersonInfo>,
  things: ReadonlySet<number>,
  orgs: ReadonlySet<number>,
): Reference[] {
  const thingHistory: SeenPerson[][] = [];
  const out: Reference[] = [];
  const history: SeenPerson[][] = [];
  /** People by last mention, the latest last; at most MAX_CONSIDERED of them. */
  const recent: number[] = [];
  let lastSpeaker: number | null = null;
  let next = 0; // next name mention in text order
  const word = (t: number): string => doc.text.slice(doc.tokens.start[t], doc.tokens.end[t]);
  const isCue = (t: number): boolean => t >= 0 && t < doc.tokens.count && REPORTING_VERBS.has(word(t).toLowerCase());

  for (const s of doc.sentences) {
    if (!doc.isStoryBlock(s.block)) continue;
    const inParagraph = doc.blocks[s.block]!.kind === "paragraph";
    const here: SeenPerson[] = [];
    const hereThings: SeenPerson[] = [];
    const see = (root: number, a: number, b: number): void => {
      const seen: SeenPerson = { root, token: a };
      here.push(seen);
      const at = recent.lastIndexOf(root);
      if (at >= 0) recent.splice(at, 1);
      else if (recent.length >= MAX_CONSIDERED) recent.shift();
      recent.push(root);
      // "Putin said", "said Alfred Wu", "according to Wu", "the BBC's correspondent, Rachel Harvey, told": the speaker
      // of what follows or precedes.
      // The name set off by commas on both sides: the apposition itself ("the daughter of activist Malcolm X, recalled"
      // is the daughter's cue, not Malcolm X's).
      // Not the object of a preposition right before the cue (`Peter Misselbrook, executive partner of Tods Murray
      // said`, with the firm tagged as a person).
      if ((isCue(b) && !(a > 0 && /^(?:of|for|at|from|with)$/i.test(word(a - 1)))) || (a > 0 && word(a - 1) === "," && b < doc.tokens.count && word(b) === "," && isCue(b + 1)) || isCue(a - 1) || (a >= 2 && /^according$/i.test(word(a - 2)) && /^to$/i.test(word(a - 1)))) {
        lastSpeaker = root;
        seen.speaks = true;
      }
    };
    for (let t = s.tokenStart; t < s.tokenEnd; t++) {
      while (next < mentions.length && mentions[next]!.tokenStart < t) next++;
      if (next < mentions.length && mentions[next]!.tokenStart === t) {
        const m = mentions[next]!;
        const root = clusters.find(next);
        if (persons.has(root)) see(root, t, m.tokenEnd);
        else if (things.has(root)) hereThings.push({ root, token: t });
        if (m.type !== "NORP" && m.type !== "GPE") {
          t = Math.max(t, m.tokenEnd - 1);
          continue;
        }
      }
      if (!inParagraph) continue;
      const w = word(t);
      const lower = w.toLowerCase();
      const gender = PERSONAL_PRONOUNS.get(lower);
      if (lower === "its") {
        // "Airbus said its profit ...": a possessive "its" is the organization, place or product named last in
        // its sentence, else the first one of the sentence before (its subject, as a rule).
        const prior = hereThings.length > 0 ? hereThings[hereThings.length - 1] : thingHistory[thingHistory.length - 1]?.[0];
        if (prior) {
          out.push({ start: doc.tokens.start[t]!, end: doc.tokens.end[t]!, kind: "pronoun", root: prior.root });
          hereThings.push({ root: prior.root, token: t });
        }
        continue;
      }
      if (gender) {
        const root = resolvePronoun(lower, gender, t);
        if (root !== null) {
          out.push({ start: doc.tokens.start[t]!, end: doc.tokens.end[t]!, kind: "pronoun", root });
          see(root, t, t + 1);
        }
        continue;
      }
      if (lower === "the" && t + 1 < s.tokenEnd && COMPANY_NOUNS.has(word(t + 1).toLowerCase())) {
        // "the company", "the airline": the organization named last, in this sentence or the one before.
        const next = t + 2 < s.tokenEnd ? word(t + 2) : "";
        const prior = hereThings.length > 0 ? hereThings[hereThings.length - 1] : thingHistory[thingHistory.length - 1]?.[0];
        if (prior && orgs.has(prior.root) && !/^\p{Lu}/u.test(next) && next !== "of" && next !== "'s" && next !== "’s") {
          out.push({ start: doc.tokens.start[t]!, end: doc.tokens.end[t + 1]!, kind: "nominal", root: prior.root });
          hereThings.push({ root: prior.root, token: t });
          t++;
          continue;
        }
      }
      if (lower === "the") {
        const found = description(t, s.tokenEnd);
        if (found) {
          out.push({ start: doc.tokens.start[t]!, end: doc.tokens.end[found.end - 1]!, kind: "nominal", root: found.root });
          see(found.root, t, found.end);
          t = found.end - 1;
        }
      }
    }
    history.push(here);
    if (history.length > LOOKBACK_SENTENCES) history.shift();
    thingHistory.push(hereThings);
    if (thingHistory.length > 1) thingHistory.shift();

    function resolvePronoun(lower: string, gender: Gender, t: number): number | null {
      const subject = SUBJECT_PRONOUNS.has(lower);
      // "..., he added." / "... ,” she said": a trailing cue speaks for the last speaker.
      const prev = t > s.tokenStart ? word(t - 1) : "";
      if (subject && isCue(t + 1) && (prev === "," || /^[”"’']$/.test(prev)) && lastSpeaker !== null && agrees(lastSpeaker, gender, false)) return lastSpeaker;
      const pick = (list: readonly SeenPerson[], nearest: boolean, strict: boolean): number | null => {
        // The people before the pronoun, nearest first or in order (the subject first).
        let before = list.length;
        while (before > 0 && list[before - 1]!.token >= t) before--;
        const from = nearest ? before - 1 : 0;
        for (let k = 0; k < Math.min(before, MAX_CONSIDERED); k++) {
          const p = list[nearest ? from - k : k]!;
          if (agrees(p.root, gender, strict)) return p.root;
        }
        return null;
      };
      const inSentence = (strict: boolean): number | null => pick(here, !subject, strict);
      // Only gender-agreeing antecedents: a "she" with no woman in sight stays unresolved rather than going to a man.
      // A subject pronoun prefers the earlier sentence's speaker to its first person: `In answer to a question from
      // student David Dunne ..., Mr Blair said ...` then `he wanted` is Blair (BBC politics).
      const speakerOf = (list: readonly SeenPerson[], strict: boolean): number | null => {
        for (const p of list) if (p.speaks && agrees(p.root, gender, strict)) return p.root;
        return null;
      };
      const earlier = (strict: boolean, depth: number): number | null => {
        for (let k = history.length - 1; k >= Math.max(0, history.length - depth); k--) {
          const r = (subject ? speakerOf(history[k]!, strict) : null) ?? pick(history[k]!, false, strict);
          if (r !== null) return r;
        }
        return null;
      };
      return inSentence(true) ?? earlier(true, LOOKBACK_SENTENCES);
    }
  }
  return out;

  /** Whether a person can be referred to by a pronoun of this gender; `strict` also trusts the given name. */
  function agrees(root: number, gender: Gender, strict: boolean): boolean {
    const p = persons.get(root);
    if (!p) return false;
    if (p.statedGender) return p.statedGender === gender;
    return !strict || p.nameGender === null || p.nameGender === gender;
  }

  /** "the Russian leader", "the senator", "the Republican nominee" at token t, with the person it describes. */
  function description(t: number, sentenceEnd: number): { end: number; root: number } | null {
    const modifiers: string[] = [];
    let k = t + 1;
    let role = -1;
    for (; k < sentenceEnd && k - t <= 5; k++) {
      const w = doc.text.slice(doc.tokens.start[k], doc.tokens.end[k]);
      if (isRoleNoun(w)) role = k;
      else if (role >= 0) break;
      else if (TITLE_MODIFIERS.has(w.toLowerCase()) || /^\p{Lu}/u.test(w)) modifiers.push(w.toLowerCase());
      else return null;
    }
    if (role < 0) return null;
    // "the Russian President Vladimir Putin": a title before a name, which the name itself carries.
    const after = k < sentenceEnd ? doc.text.slice(doc.tokens.start[k], doc.tokens.end[k]) : "";
    if (/^\p{Lu}/u.test(after) || after === "of" || after === "'s" || after === "’s") return null;
    const head = doc.text.slice(doc.tokens.start[role], doc.tokens.end[role]).toLowerCase().replace(/\.$/, "");
    // The person mentioned last whose roles fit: the recent list is in order of last mention.
    for (let k = recent.length - 1; k >= Math.max(0, recent.length - MAX_CONSIDERED); k--) {
      const root = recent[k]!;
      const p = persons.get(root)!;
      const hasRole = p.titleWords.has(head) || (head === "leader" && holdsLeaderRole(p));
      if (!hasRole) continue;
      if (!modifiers.every((m) => TITLE_MODIFIERS.has(m) || p.ties.has(m) || p.titleWords.has(m))) continue;
      return { end: role + 1, root };
    }
    return null;
  }
}
