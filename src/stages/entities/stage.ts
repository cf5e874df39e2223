import type { Entity, EntityType, Mention, Span } from "../../core/analysis.js";
import type { Doc } from "../../core/doc.js";
import { registerStage } from "../../core/pipeline.js";
import { TYPES, typeIndex } from "./labels.js";
import { defaultTagger } from "./load.js";
import { refineType } from "./refine.js";
import { photoCredit } from "../text/blocks.js";
import { documentEvidence, GAZ, type DocumentEvidence } from "./features.js";
import { gazetteerBits, hasCompanyNounAfter, hasRoleApposition, institutionOfEnd, isCamelProduct, isCurrencyPrefix, isModelNumber, isRole, joinNameParts, namePartLength, placePartLength, splitName, titleLength, type NameKnowledge } from "./mention-rules.js";
import type { HashTable } from "./hash-table.js";
import type { NerTagger } from "./tagger.js";

interface Found {
  mention: Mention;
  type: EntityType;
  key: string;
  /** Role words cut from the front of a PERSON name ("Senator"), for the entity's titles. */
  title: string | null;
}

/** Grouping key: identical names, compared case-insensitively with whitespace and quotes folded. */
function nameKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").replace(/[’‘]/g, "'");
}

/**
 * Tags the story sentences of a document (title, paragraphs, crossheads, captions: they name the story's people and
 * places; related-article teasers do not) and lists its mentions in text order, with the corrections of
 * mention-rules.ts: titles cut from person names, names glued by a hyphen cut out, currency prefixes dropped,
 * maker + model number made a product, an organization with a personal role in apposition made a person, an
 * institution name cut before its "of" complement completed.
 */
export function findMentions(doc: Doc, tagger: NerTagger): Found[] {
  const sentences = doc.storySentences();
  const tokenDoc = sentences.map((s) => doc.sentenceWords(s));
  const headlines = sentences.map((s) => {
    const kind = doc.blocks[s.block]?.kind;
    return kind === "title" || kind === "heading";
  });
  const spans = tagger.tagDoc(tokenDoc, headlines, { capitals: true });
  const gazetteer = tagger.model.gazetteer;
  const knowledge: NameKnowledge = {
    per: typeIndex("PER"), org: typeIndex("ORG"), loc: typeIndex("LOC"), misc: typeIndex("MISC"), gazetteer,
    isNameWord: (w) => (gazetteerBits([w], gazetteer, GAZ.FIRST_NAME) !== 0) || tagger.caseBucket(w) === 4,
  };
  const found: Found[] = [];
  const add = (start: number, end: number, type: EntityType, title: string | null = null): void => {
    const text = doc.text.slice(start, end);
    found.push({ mention: { start, end, text, kind: "name" }, type, key: nameKey(text), title });
  };
  const commonWord = (w: string): boolean => {
    const c = tagger.caseBucket(w);
    return c === 1 || c === 2;
  };
  // A capitalized word opening a sentence or headline ("Harbour reopens after storm repairs") that the text elsewhere
  // writes only in lower case ("the city harbour") and no gazetteer category lists is no name. The evidence is the
  // tagger's own document features', computed once a document needs it.
  let evidence: DocumentEvidence | null = null;
  const lowerOnly = (w: string): boolean => {
    if (!/^[A-Z][a-z]+$/.test(w) || gazetteerBits([w], gazetteer, ~GAZ.PREFIX) !== 0) return false;
    evidence ??= documentEvidence(tokenDoc);
    const lw = w.toLowerCase();
    return evidence.lower.has(lw) && !evidence.capMid.has(lw);
  };
  sentences.forEach((s, si) => {
    const words = tokenDoc[si]!;
    const tokenStart = (k: number): number => doc.tokens.start[s.tokenStart + k]!;
    const tokenEnd = (k: number): number => doc.tokens.end[s.tokenStart + k]!;
    const tagged = new Uint8Array(words.length);
    for (const span of joinNameParts(words, spans[si]!, knowledge).flatMap((x) => splitName(words, x, knowledge))) {
      let { start: a, end: b } = span;
      if (tagged[a]) continue; // inside a name an earlier span was extended over
      tagged.fill(1, a, b);
      if (a === 0 && b === 1 && lowerOnly(words[0]!)) continue;
      // "Senator John McCain": a title before capitalized words names a person, whatever the tagger's type. Before
      // a lower-case word it is an office, "Secretary of Defense": the name is the department after it (OntoNotes
      // tags "Defense" ORG), as the tagger gives "Minister of Finance".
      const lead = titleLength(words.slice(a, b));
      if (lead > 0 && /^[a-z]/.test(words[a + lead]!)) {
        let k = a + lead;
        while (k < b && /^[a-z]/.test(words[k]!)) k++;
        if (k < b) add(tokenStart(k), tokenEnd(b - 1), "ORG");
        tagged.fill(1, a, b);
        continue;
      }
      let conllType = lead > 0 ? "PER" : TYPES[span.type]!;
      // A one-word "place" that running text names as a person ("Ms. Merkel", "Merkel's husband") is that person.
      // Not after "the": "backed by the West".
      if (conllType === "LOC" && b - a === 1 && /^[A-Z][a-z]/.test(words[a]!) && tagger.nameCue(words[a]!) === 2 && gazetteerBits([words[a]!], gazetteer) === 0 && !/^the$/i.test(words[a - 1] ?? "")) conllType = "PER";
      const part = b - a === 1 ? namePartLength(words[a]!) : 0;
      if (part > 0) {
        const type = partType(words[a]!.slice(0, part), conllType, gazetteer);
        if (type) add(tokenStart(a), tokenStart(a) + part, type);
        continue;
      }
      if (isCurrencyPrefix(words.slice(a, b).join(" "), doc.text.slice(tokenEnd(b - 1), tokenEnd(b - 1) + 1))) continue;
      let model = b;
      while (model < words.length && isModelNumber(words[model]!)) model++;
      if (model > b) {
        add(tokenStart(a), tokenEnd(model - 1), "PRODUCT");
        tagged.fill(1, b, model);
        continue;
      }
      let type = refineType(conllType, words.slice(a, b), gazetteer, commonWord);
      if (type === "ORG") {
        b = institutionOfEnd(words, b);
        tagged.fill(1, a, b);
      }
      // A company-sounding name with a personal role after it is a person ("Yun Sun, director of ...").
      if (type === "ORG" && conllType === "ORG" && hasRoleApposition(words, b)) type = "PERSON";
      // "Walt Disney executives", "Nielsen ratings": a name before a company's nouns is the company.
      if ((type === "PERSON" || type === "MISC") && hasCompanyNounAfter(words, b)) type = "ORG";
      if (words.slice(a, b).some(isCamelProduct) || isModelNumber(words[b - 1]!)) type = "PRODUCT";
      let title: string | null = span.title ?? null;
      if (type === "PERSON") {
        const cut = titleLength(words.slice(a, b));
        const roles = words.slice(a, a + cut).filter(isRole);
        if (roles.length > 0) title = [...roles, title ?? ""].join(" ").trim();
        a += cut;
      }
      add(tokenStart(a), tokenEnd(b - 1), type, title);
    }
    // Names the tagger left untagged: "London-based", "Chinese-made", "iPhone".
    words.forEach((w, k) => {
      if (tagged[k]) return;
      if (isCamelProduct(w)) return add(tokenStart(k), tokenEnd(k), "PRODUCT");
      const part = placePartLength(w, gazetteer);
      const type = part > 0 ? partType(w.slice(0, part), null, gazetteer) : null;
      if (type) add(tokenStart(k), tokenStart(k) + part, type);
    });
  });
  return splitCoordinated(retypeCredits(doc, surnamesAsPersons(doc, found, gazetteer, commonWord)), gazetteer).sort((x, y) => x.mention.start - y.mention.start);
}

/**
 * A name the tagger ran over a coordination, "between Boeing and Lockheed Martin", is two names when the part before
 * "and" is a name the document also gives alone ("Boeing"): each part then a mention of its own, typed as the
 * document types it alone (else as the whole). Not a place the gazetteer knows whole ("Bosnia and Herzegovina",
 * "Trinidad and Tobago"), nor a name of two equal parts ("Johnson and Johnson"); "&" joins company names ("Procter &
 * Gamble") and is left alone.
 */
function splitCoordinated(found: Found[], gazetteer: HashTable | null): Found[] {
  const alone = new Map<string, EntityType>();
  for (const f of found) if (!f.mention.text.includes(" and ")) alone.set(f.key, f.type);
  return found.flatMap((f) => {
    const text = f.mention.text;
    const at = text.indexOf(" and ");
    if (at <= 0 || text.indexOf(" and ", at + 1) >= 0 || f.type === "PERSON") return [f];
    const left = text.slice(0, at), right = text.slice(at + 5);
    const lk = nameKey(left), rk = nameKey(right);
    if (!alone.has(lk) || lk === rk || !/^[A-Z]/.test(right) || gazetteerBits(text.split(/\s+/), gazetteer, GAZ.GEO) !== 0) return [f];
    const start = f.mention.start, rs = start + at + 5;
    return [
      { mention: { start, end: start + left.length, text: left, kind: "name" }, type: alone.get(lk)!, key: lk, title: null },
      { mention: { start: rs, end: f.mention.end, text: right, kind: "name" }, type: alone.get(rk) ?? f.type, key: rk, title: null },
    ];
  });
}

/**
 * A one-word name that ends a longer PERSON name of the document is that person's surname ("Bolton" beside "John
 * Bolton", "Merkel" beside "Angela Merkel"), whatever type the tagger gave it: unless it is a gazetteer place or
 * brand ("Israel" beside "Steve Israel"), a word running text writes in lower case, an acronym ("PAC"), a
 * name after "the" ("the West"), or the first word of a longer organization name of the document ("Ford" beside "Ford Motor").
 */
function surnamesAsPersons(doc: Doc, found: Found[], gazetteer: HashTable | null, commonWord: (w: string) => boolean): Found[] {
  const surnames = new Set<string>();
  const orgFirst = new Set<string>();
  for (const f of found) {
    const words = f.key.split(" ");
    if (words.length < 2) continue;
    if (f.type === "PERSON") surnames.add(words[words.length - 1]!);
    if (f.type === "ORG") orgFirst.add(words[0]!);
  }
  if (surnames.size === 0) return found;
  const retype = new Set<EntityType>(["ORG", "GPE", "LOC", "MISC"]);
  return found.map((f) => {
    const w = f.mention.text;
    if (!retype.has(f.type) || !surnames.has(f.key) || orgFirst.has(f.key) || !/^[A-Z][a-z]/.test(w) || commonWord(w)) return f;
    if (/\bthe\s+$/i.test(doc.text.slice(Math.max(0, f.mention.start - 4), f.mention.start))) return f; // "the West"
    return gazetteerBits([w], gazetteer, GAZ.GEO | GAZ.BRAND) !== 0 ? f : { ...f, type: "PERSON" as const };
  });
}

/**
 * Photo credits name a photographer and agencies: "(Alexandr Demyanchuk/Pool/Sputnik/AP)". Names there other than
 * persons are organizations (the tagger, seeing no context, calls them places), and "Pool" is no name at all.
 */
function retypeCredits(doc: Doc, found: Found[]): Found[] {
  const credits = doc.blocks.flatMap((b) => {
    const at = b.kind === "caption" ? photoCredit(doc.text.slice(b.start, b.end)) : null;
    return at === null ? [] : [{ start: b.start + at, end: b.end }];
  });
  if (credits.length === 0) return found;
  return found.flatMap((f) => {
    if (!credits.some((c) => f.mention.start >= c.start && f.mention.end <= c.end) || f.type === "PERSON") return [f];
    return f.mention.text === "Pool" ? [] : [{ ...f, type: "ORG" as const }];
  });
}

/**
 * The type of a name glued to an adjective part ("Washington" of "Washington-based"): a nationality is NORP, another
 * gazetteer place a GPE or LOC; an unknown name keeps the tagger's type unless that was MISC (then it is dropped).
 */
function partType(part: string, conllType: string | null, gazetteer: HashTable | null): EntityType | null {
  const bits = gazetteerBits([part], gazetteer);
  if (bits === GAZ.NATIONALITY) return "NORP";
  if (bits !== 0) return refineType("LOC", [part], gazetteer);
  return conllType === null || conllType === "MISC" ? null : refineType(conllType, [part], gazetteer);
}

/**
 * Groups mentions with identical names into entities (ids e1, e2, ... in order of first mention). A name tagged
 * with different types in one document takes its most frequent type (the first one on a tie). A one-word "person"
 * that opens a longer organization name of the document and ends no longer person name is that organization's
 * short name ("Chrysler" beside "Chrysler LLC", "Apple" beside "Apple Computer").
 */
export function groupEntities(found: readonly Found[]): Entity[] {
  const groups = new Map<string, { mentions: Mention[]; votes: Map<EntityType, number>; first: EntityType; titles: Set<string> }>();
  for (const f of found) {
    let g = groups.get(f.key);
    if (!g) groups.set(f.key, (g = { mentions: [], votes: new Map(), first: f.type, titles: new Set() }));
    g.mentions.push(f.mention);
    g.votes.set(f.type, (g.votes.get(f.type) ?? 0) + 1);
    if (f.title) g.titles.add(f.title);
  }
  const orgFirstWords = new Set<string>();
  const personLastWords = new Set<string>();
  for (const f of found) {
    const words = f.key.split(" ");
    if (words.length < 2) continue;
    if (f.type === "ORG") orgFirstWords.add(words[0]!);
    if (f.type === "PERSON") personLastWords.add(words[words.length - 1]!);
  }
  let n = 0;
  return [...groups].map(([key, g]) => {
    let type = g.first;
    for (const [t, v] of g.votes) if (v > (g.votes.get(type) ?? 0)) type = t;
    if (type === "PERSON" && !key.includes(" ") && orgFirstWords.has(key) && !personLastWords.has(key)) type = "ORG";
    return { id: `e${++n}`, name: g.mentions[0]!.text, type, titles: [...g.titles], affiliations: [], mentions: g.mentions };
  });
}

/**
 * Drops names that are time expressions ("New Year", "Christmas"): OntoNotes gives dates their own type, and the
 * time stage reads them with their value. A PERSON is kept: the time stage does not take names for dates.
 */
export function outsideTimexes(found: readonly Found[], timexes: readonly Span[]): Found[] {
  // Both lists are in text order and timexes do not overlap: one forward sweep, linear in their lengths.
  let k = 0;
  return found.filter((f) => {
    while (k < timexes.length && timexes[k]!.end <= f.mention.start) k++;
    const t = timexes[k];
    return f.type === "PERSON" || t === undefined || !(f.mention.start >= t.start && f.mention.end <= t.end);
  });
}

export const entitiesStage = registerStage({
  name: "entities",
  requires: ["doc.tokens", "doc.sentences", "doc.timexes"],
  assigns: ["doc.entities"],
  run(doc: Doc): void {
    doc.entities = groupEntities(outsideTimexes(findMentions(doc, defaultTagger()), doc.timexes));
  },
});
