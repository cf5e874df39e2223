/** What the queries share: the store handle, date and source filters, and looking entities up by name. */
import { type Expression, type Kysely, sql } from "kysely";
import { parseDateArg } from "../dates.js";
import { normalizeName } from "../names.js";
import type { Database } from "../schema.js";

export type Db = Kysely<Database>;

/** A user error in a query's arguments (a date that is no date): the CLI prints it as a usage error. */
export class QueryArgumentError extends Error {}

export interface DateFilter {
  /** YYYY, YYYY-MM or YYYY-MM-DD: from the first day it names, inclusive. */
  from?: string | undefined;
  /** YYYY, YYYY-MM or YYYY-MM-DD: to the last day it names, inclusive. */
  to?: string | undefined;
}

/** The filter as [start, end) ISO days; either may be null (open). */
export function dateBounds(f: DateFilter): { start: string | null; end: string | null } {
  const parse = (name: string, text: string | undefined) => {
    if (text === undefined) return null;
    const range = parseDateArg(text);
    if (!range) throw new QueryArgumentError(`--${name} takes a date YYYY, YYYY-MM or YYYY-MM-DD, not "${text}"`);
    return range;
  };
  return { start: parse("from", f.from)?.start ?? null, end: parse("to", f.to)?.end ?? null };
}

/** A websearch-style query ("quoted phrase", -not, or) as a tsquery, English stemming. */
export function tsquery(text: string) {
  return sql`websearch_to_tsquery('english', ${text})`;
}

export const DEFAULT_LIMIT = 50;

export function limitOf(limit: number | undefined, fallback = DEFAULT_LIMIT): number {
  if (limit === undefined) return fallback;
  if (!Number.isInteger(limit) || limit < 1) throw new QueryArgumentError(`--limit takes a positive whole number, not "${limit}"`);
  return Math.min(limit, 100_000);
}

/**
 * The cross-article records a name refers to: any record one of whose article-level entities has that name or alias
 * (case, accents and punctuation aside), the records seen in most articles first. Found as `entityPksNamed` finds
 * them, so the cost follows the records, not the articles they are in.
 */
export async function entitiesNamed(db: Db, name: string): Promise<{ pk: number; articles: number }[]> {
  const key = normalizeName(name);
  if (key === "") return [];
  return db
    .selectFrom(namedRecords(db, key).as("n"))
    .select(["n.pk", (eb) => articleCount(eb.ref("n.pk")).as("articles")])
    .orderBy("articles", "desc")
    .orderBy("n.pk")
    .execute();
}

/** The records with name key `key` (see `entityPksNamed`), as a subquery of one column, `pk`. */
export function namedRecords(db: Db, key: string) {
  return db
    .selectFrom("entity_names as en")
    .select("en.entity_pk as pk")
    .where("en.name_key", "=", key)
    .where(sql<boolean>`exists (select 1 from article_entities ae where ae.entity_pk = en.entity_pk and ae.name_keys @> ARRAY[${key}]::text[] limit 1)`);
}

/** How many articles a record is in: an index-only count over migration 8's `article_entities_entity_recent`. */
export function articleCount(entityPk: Expression<number>) {
  return sql<number>`(select count(distinct ae.article_pk) from article_entities ae where ae.entity_pk = ${entityPk})`;
}

/**
 * The keys of the same records as `entitiesNamed`, in no order and without counting articles: looked up in
 * `entity_names` (migration 5), each record checked against one of its article-level entities of that name (the
 * table only grows, an article rewritten may have dropped a name), so the cost follows the records, not the articles.
 */
export async function entityPksNamed(db: Db, name: string): Promise<number[]> {
  const key = normalizeName(name);
  if (key === "") return [];
  const rows = await namedRecords(db, key).execute();
  return rows.map((r) => r.pk);
}
