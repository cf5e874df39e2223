/**
 * The coref stage: turns the entities stage's names (grouped only when identical) into entities as a reader knows
 * them — one per person, organization or place, with all their names, descriptions and pronouns, their titles and
 * affiliations. Sieves over names (names.ts), roles (titles.ts), then pronouns and descriptions (references.ts).
 */
import type { Entity, EntityType, Mention } from "../../core/analysis.js";
import type { Doc } from "../../core/doc.js";
import { registerStage } from "../../core/pipeline.js";
import { corefLexicon, GENDERED_HONORIFICS, type CorefLexicon, type Gender } from "./lexicon.js";
import { Clusters, nameMentions, type WorkMention } from "./mentions.js";
import { countryCode, honorificGender, linkCountries, linkOrganizations, linkPersons, personGender } from "./names.js";
import { resolveReferences, type PersonInfo } from "./references.js";
import { readRoles } from "./titles.js";

export function resolveEntities(doc: Doc, lexicon: CorefLexicon = corefLexicon()): Entity[] {
  const mentions = nameMentions(doc, doc.entities);
  const n = mentions.length;
  if (n === 0) return [];
  const clusters = new Clusters(n);
  // Sieve 1: identical names are one entity, but a one-word person name is read mention by mention.
  const firstOfEntity = new Int32Array(doc.entities.length).fill(-1);
  const oneWordPerson = (m: WorkMention): boolean => m.type === "PERSON" && m.words.length === 1;
  mentions.forEach((m, i) => {
    if (oneWordPerson(m)) return;
    const f = firstOfEntity[m.entity]!;
    if (f < 0) firstOfEntity[m.entity] = i;
    else clusters.union(f, i);
  });
  linkPersons(doc, mentions, clusters, lexicon);
  linkOrganizations(doc, mentions, clusters);
  linkCountries(mentions, clusters, lexicon);
  // One-word person names no full name took stay one entity per name, as before.
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) size[clusters.find(i)]!++;
  const loneOfEntity = new Int32Array(doc.entities.length).fill(-1);
  mentions.forEach((m, i) => {
    if (!oneWordPerson(m) || size[clusters.find(i)]! > 1) return;
    const f = loneOfEntity[m.entity]!;
    if (f < 0) loneOfEntity[m.entity] = i;
    else clusters.union(f, i);
  });

  const roots = new Map<number, number[]>();
  mentions.forEach((_, i) => push(roots, clusters.find(i), i));
  const types = new Map<number, EntityType>();
  for (const [root, members] of roots) types.set(root, clusterType(members.map((i) => mentions[i]!)));

  // Roles and affiliations of people, read at each of their names.
  const mentionAt = new Int32Array(doc.tokens.count).fill(-1);
  mentions.forEach((m, i) => mentionAt.fill(i, m.tokenStart, Math.max(m.tokenStart + 1, m.tokenEnd)));
  const titles = new Map<number, string[]>();
  const affiliations = new Map<number, number[]>();
  const persons = new Map<number, PersonInfo>();
  for (const [root, members] of roots) {
    if (types.get(root) !== "PERSON") continue;
    const info: PersonInfo = { statedGender: null, nameGender: null, titleWords: new Set(), ties: new Set() };
    for (const i of members) {
      const m = mentions[i]!;
      info.statedGender ??= honorificGender(doc, m);
      for (const t of doc.entities[m.entity]!.titles) addTitle(titles, info, root, t);
      for (const role of readRoles(doc, i, mentions, mentionAt)) {
        if (role.title) addTitle(titles, info, root, role.title);
        for (const a of role.affiliations) {
          push(affiliations, root, clusters.find(a));
          info.ties.add(mentions[a]!.text.toLowerCase());
        }
      }
    }
    info.statedGender ??= titleGender(titles.get(root) ?? []);
    info.nameGender = givenNameGender(members.map((i) => mentions[i]!), lexicon);
    persons.set(root, info);
  }

  const things = new Set<number>();
  for (const [root, type] of types) if (type === "ORG" || type === "GPE" || type === "PRODUCT") things.add(root);
  const orgs = new Set<number>();
  for (const [root, type] of types) if (type === "ORG") orgs.add(root);
  const references = resolveReferences(doc, mentions, clusters, persons, things, orgs);
  const extra = new Map<number, Mention[]>();
  for (const r of references) push(extra, r.root, { start: r.start, end: r.end, text: doc.text.slice(r.start, r.end), kind: r.kind });

  // Nationalities and capitals belong to their country when the article names it.
  const countryRoot = new Map<string, number>();
  for (const [root, members] of roots) {
    const type = types.get(root);
    if (type !== "GPE" && type !== "LOC") continue;
    const code = countryCode(mentions[members[0]!]!.text, lexicon);
    if (code && !countryRoot.has(code)) countryRoot.set(code, root);
  }
  for (const [root, members] of roots) {
    const m = mentions[members[0]!]!;
    const type = types.get(root);
    const codes = type === "NORP" ? m.text.split(/[-–]/).map((part) => lexicon.demonym.get(part)) : type === "GPE" ? [lexicon.capital.get(m.text)] : [];
    for (const code of codes) {
      const country = code ? countryRoot.get(code) : undefined;
      if (country !== undefined && country !== root) push(affiliations, root, country);
    }
  }

  // A person's nationality in a title ("Russian President") ties them to the country when the article names it.
  for (const [root, list] of affiliations) {
    if (types.get(root) !== "PERSON") continue;
    affiliations.set(root, list.map((a) => {
      const r = clusters.find(a);
      if (types.get(r) !== "NORP") return r;
      const code = lexicon.demonym.get(mentions[r]!.text);
      return (code === undefined ? undefined : countryRoot.get(code)) ?? r;
    }));
  }

  const ordered = [...roots.keys()].sort((a, b) => a - b);
  const ids = new Map<number, string>();
  ordered.forEach((root, k) => ids.set(root, `e${k + 1}`));
  return ordered.map((root) => {
    const members = roots.get(root)!.map((i) => mentions[i]!);
    const type = types.get(root)!;
    const own: Mention[] = members.map((m) => ({ start: m.start, end: m.end, text: m.text, kind: m.kind }));
    const all = [...own, ...(extra.get(root) ?? [])].sort((a, b) => a.start - b.start || a.end - b.end);
    const affiliated = [...new Set((affiliations.get(root) ?? []).map((r) => clusters.find(r)))].filter((r) => r !== root && ids.has(r));
    return {
      id: ids.get(root)!,
      name: entityName(members, type, lexicon),
      type,
      titles: titles.get(root) ?? [],
      affiliations: affiliated.map((r) => ids.get(r)!),
      mentions: all,
    };
  });
}

/** A cluster with a full person name is a person ("Macron" tagged ORG beside "Emmanuel Macron"); else the majority. */
function clusterType(members: readonly WorkMention[]): EntityType {
  if (members.some((m) => m.type === "PERSON" && m.words.length > 1)) return "PERSON";
  return mostFrequent(members.map((m) => m.type));
}

/** The most frequent value; the first one on a tie. */
function mostFrequent<T extends string>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  let best = values[0]!;
  for (const v of values) {
    counts.set(v, (counts.get(v) ?? 0) + 1);
    if (counts.get(v)! > counts.get(best)!) best = v;
  }
  return best;
}

/**
 * The fullest proper name: the longest name of a person ("Vladimir Putin") or organization (not its acronym); the
 * most used name of a country ("Russia" over "Russian Federation", as the article calls it); else the first.
 */
function entityName(members: readonly WorkMention[], type: EntityType, lexicon: CorefLexicon): string {
  if (type === "PERSON" || type === "ORG") {
    let best = members[0]!;
    for (const m of members) {
      const acronym = /^[\p{Lu}.&]+$/u.test(m.text);
      const bestAcronym = /^[\p{Lu}.&]+$/u.test(best.text);
      if ((bestAcronym && !acronym) || (acronym === bestAcronym && (m.words.length > best.words.length || (m.words.length === best.words.length && m.text.length > best.text.length)))) best = m;
    }
    return best.text;
  }
  if ((type === "GPE" || type === "LOC") && countryCode(members[0]!.text, lexicon)) return mostFrequent(members.map((m) => m.text));
  return members[0]!.text;
}

function addTitle(titles: Map<number, string[]>, info: PersonInfo, root: number, title: string): void {
  // One role read twice, once cut shorter ("Democrat National Chairperson", "National Chairperson"): keep the longer.
  const lower = title.toLowerCase();
  const list = (titles.get(root) ?? []).filter((t) => !lower.endsWith(t.toLowerCase()) || lower === t.toLowerCase());
  if (!list.some((t) => t.toLowerCase().endsWith(lower))) list.push(title);
  titles.set(root, list);
  for (const w of title.toLowerCase().split(/\s+/)) info.titleWords.add(w.replace(/\.$/, ""));
}

function titleGender(titles: readonly string[]): Gender | null {
  for (const t of titles) for (const w of t.toLowerCase().split(/\s+/)) {
    const g = GENDERED_HONORIFICS.get(w.replace(/\.$/, ""));
    if (g) return g;
  }
  return null;
}

/**
 * The gender the given name of the person's full name suggests. Not when the article's short name for the person is
 * the first word and never the last ("Xi" of "Xi Jinping"): then the first word is a family name.
 */
function givenNameGender(members: readonly WorkMention[], lexicon: CorefLexicon): Gender | null {
  let full: WorkMention | null = null;
  for (const m of members) if (m.words.length > 1 && (!full || m.words.length > full.words.length)) full = m;
  if (!full) return null;
  const first = full.words[0]!.toLowerCase();
  const last = full.words[full.words.length - 1]!.toLowerCase();
  const shorts = members.filter((m) => m.words.length === 1).map((m) => m.words[0]!.toLowerCase());
  if (shorts.includes(first) && !shorts.includes(last)) return null;
  return personGender(full, lexicon);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export const corefStage = registerStage({
  name: "coref",
  requires: ["doc.entities", "doc.tokens", "doc.sentences"],
  assigns: ["doc.entities.resolved"],
  run(doc: Doc): void {
    doc.entities = resolveEntities(doc);
  },
});
