/**
 * Entities across articles: the same person in many articles is one record, merged conservatively.
 *
 * - A PERSON joins a record only by a full name: first and last name agree ("Donald J. Trump" and "Donald Trump";
 *   honorifics and "Jr." aside). A one-word name ("Putin", "Smith") never creates or joins a shared PERSON record:
 *   it gets a record of its own, so two people who share a surname are never merged on the surname alone.
 * - Names that agree are still kept apart when what the articles say of them disagrees: both have titles and none
 *   shares a word, and both have affiliations and none is shared (a "chief executive" of Acme and a "professor" at
 *   MIT, both called John Smith).
 * - A country is one record under all its names ("U.S.", "United States"), through the coref lexicon; every other
 *   entity joins on its type and normalized name.
 *
 * Every article-level entity keeps the link (article_entities.entity_pk). Records are found by `merge_key`.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import type { Entity } from "../core/analysis.js";
import { corefLexicon } from "../stages/coref/lexicon.js";
import { countryCode } from "../stages/coref/names.js";
import { normalizeName } from "./names.js";
import type { Database } from "./schema.js";

export { normalizeName };

const HONORIFICS = new Set([
  "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "fr", "sen", "rep",
  "gov", "gen", "lt", "col", "capt", "sgt", "maj", "adm", "pres", "president", "judge", "justice", "king", "queen", "prince", "princess",
]);
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq", "qc", "kc", "mp"]);
/** Words that say nothing about who a title belongs to. */
const TITLE_STOP = new Set(["the", "a", "an", "of", "and", "for", "former", "then", "ex", "acting", "interim", "new", "current", "its", "his", "her"]);

/** "first last" of a person's full name, or null for a one-word name (which never joins a shared record). */
export function personKey(name: string): string | null {
  const words = normalizeName(name).split(" ").filter(Boolean);
  while (words.length > 0 && HONORIFICS.has(words[0]!)) words.shift();
  while (words.length > 0 && SUFFIXES.has(words[words.length - 1]!)) words.pop();
  if (words.length < 2) return null;
  return `${words[0]} ${words[words.length - 1]}`;
}

/** What cross-article matching compares, or null when the entity must not be joined with any other. */
export function mergeKey(entity: Pick<Entity, "name" | "type">): string | null {
  if (entity.type === "PERSON") {
    const key = personKey(entity.name);
    return key === null ? null : `PERSON:${key}`;
  }
  if (entity.type === "GPE" || entity.type === "LOC") {
    const code = countryCode(entity.name, corefLexicon());
    if (code) return `${entity.type}:country:${code}`;
  }
  const name = normalizeName(entity.name);
  return name === "" ? null : `${entity.type}:${name}`;
}

function words(list: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const item of list) for (const w of normalizeName(item).split(" ")) if (w && !TITLE_STOP.has(w)) out.add(w);
  return out;
}

function overlaps(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** Same name, but do the articles describe the same one? Only a disagreement on both titles and affiliations splits. */
export function agrees(
  record: { titles: readonly string[]; affiliations: readonly string[] },
  entity: { titles: readonly string[]; affiliations: readonly string[] },
): boolean {
  const ta = words(record.titles);
  const tb = words(entity.titles);
  const aa = new Set(record.affiliations.map(normalizeName));
  const ab = new Set(entity.affiliations.map(normalizeName));
  const titlesDisagree = ta.size > 0 && tb.size > 0 && !overlaps(ta, tb);
  const affiliationsDisagree = aa.size > 0 && ab.size > 0 && !overlaps(aa, ab);
  return !(titlesDisagree && affiliationsDisagree);
}

/** A cross-article record as a batch sees it; `pk` is 0 until `flush` writes a record the batch created. */
export interface Linked {
  pk: number;
  titles: string[];
  affiliations: string[];
}

export interface EntityToLink {
  name: string;
  type: string;
  titles: string[];
  /** Names of the entities it is affiliated with. */
  affiliations: string[];
}

/**
 * Links the entities of one batch to cross-article records inside the batch's transaction, creating records where
 * none fits. Linking is in memory (`link`, after one `preload` of every key the batch asks for); `flush` then writes
 * the batch's new records in one statement and the changed ones in another, so a batch costs a few round trips
 * however many entities it has.
 */
export class EntityLinker {
  private readonly cache = new Map<string, Linked[]>();
  private created: { record: Linked; entity: EntityToLink; key: string | null }[] = [];
  private readonly changed = new Set<Linked>();

  constructor(private readonly trx: Transaction<Database> | Kysely<Database>) {}

  /** Loads the records of every key the batch will ask for, in one query (a few for a very large batch). */
  async preload(keys: Iterable<string>): Promise<void> {
    const wanted = [...new Set(keys)].filter((k) => !this.cache.has(k));
    for (const k of wanted) this.cache.set(k, []);
    for (let i = 0; i < wanted.length; i += 10_000) {
      const rows = await this.trx
        .selectFrom("entities")
        .select(["pk", "merge_key", "titles_seen", "affiliations_seen"])
        .where("merge_key", "in", wanted.slice(i, i + 10_000))
        .orderBy("pk")
        .execute();
      for (const r of rows) this.cache.get(r.merge_key!)!.push({ pk: r.pk, titles: r.titles_seen, affiliations: r.affiliations_seen });
    }
  }

  /**
   * Links one article's entities (their keys preloaded): each joins the first record of its key that agrees with it,
   * or a new record (which later entities of the batch may join). The records, in order; pks are set by `flush`.
   */
  link(items: readonly { entity: EntityToLink; key: string | null }[]): Linked[] {
    const chosen: Linked[] = [];
    for (const { entity, key } of items) {
      const candidates = key === null ? undefined : this.cache.get(key);
      if (key !== null && candidates === undefined) throw new Error(`EntityLinker: key ${key} was not preloaded`);
      const match = candidates?.find((c) => agrees(c, entity));
      if (match) {
        const titles = union(match.titles, entity.titles);
        const affiliations = union(match.affiliations, entity.affiliations);
        if (titles.length !== match.titles.length || affiliations.length !== match.affiliations.length) {
          match.titles = titles;
          match.affiliations = affiliations;
          if (match.pk > 0) this.changed.add(match);
        }
        chosen.push(match);
        continue;
      }
      const record: Linked = { pk: 0, titles: [...entity.titles], affiliations: [...entity.affiliations] };
      candidates?.push(record);
      this.created.push({ record, entity, key });
      chosen.push(record);
    }
    return chosen;
  }

  /** Writes the records created since the last flush (setting their pks) and the seen titles that changed. */
  async flush(): Promise<void> {
    const created = this.created;
    this.created = [];
    if (created.length > 0) {
      const pks = await nextIds(this.trx, "entities", created.length);
      created.forEach((c, i) => (c.record.pk = pks[i]!));
      for (let i = 0; i < created.length; i += 5000) {
        await this.trx
          .insertInto("entities")
          .values(
            created.slice(i, i + 5000).map(({ record, entity, key }) => ({
              pk: record.pk,
              type: entity.type,
              name: entity.name,
              merge_key: key,
              titles_seen: record.titles,
              affiliations_seen: record.affiliations,
            })),
          )
          .execute();
      }
    }
    if (this.changed.size > 0) {
      // One statement for all: the new values travel as one JSON parameter, unpacked into rows by the server.
      const values = JSON.stringify([...this.changed].map((c) => ({ pk: c.pk, titles: c.titles, affiliations: c.affiliations })));
      this.changed.clear();
      await sql`update entities set titles_seen = v.titles, affiliations_seen = v.affiliations
        from jsonb_to_recordset(${values}::jsonb) as v(pk int8, titles text[], affiliations text[])
        where entities.pk = v.pk`.execute(this.trx);
    }
  }
}

/**
 * n fresh values of a table's `pk` sequence, in one statement: rows can then be written many to a statement. The
 * sequence is looked up once (a materialized CTE): in the select list, pg_get_serial_sequence (a scan of pg_depend)
 * ran once a row, a thousand times for a batch's article-level entities.
 */
export async function nextIds(trx: Transaction<Database> | Kysely<Database>, table: keyof Database, n: number): Promise<number[]> {
  const r = await sql<{ pk: number }>`with s as materialized (select pg_get_serial_sequence(${table}, 'pk')::regclass as seq)
    select nextval(s.seq)::int8 as pk from s, generate_series(1, ${n})`.execute(trx);
  return r.rows.map((row) => Number(row.pk));
}

/** Bounded: a record's seen titles are for agreement checks, not a history. */
const MAX_SEEN = 64;

function union(a: readonly string[], b: readonly string[]): string[] {
  const out = [...a];
  const seen = new Set(a.map((x) => x.toLowerCase()));
  for (const x of b) {
    if (out.length >= MAX_SEEN) break;
    if (!seen.has(x.toLowerCase())) {
      seen.add(x.toLowerCase());
      out.push(x);
    }
  }
  return out;
}
