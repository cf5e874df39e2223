/** `newsgraph entity NAME`: what the store knows of someone or something across articles. */
import { sql } from "kysely";
import { type Db, entitiesNamed, limitOf } from "./common.js";

export interface EntityProfile {
  /** The cross-article record's id. */
  id: number;
  /** The name the articles use most. */
  name: string;
  type: string;
  /** Every name it goes by, the most used first. */
  aliases: string[];
  titles: string[];
  affiliations: string[];
  articles: number;
  mentions: number;
  quotes: number;
  first_seen: string | null;
  last_seen: string | null;
  /** The entities it appears with in most articles. */
  appears_with: { id: number; name: string; type: string; articles: number }[];
}

export const ENTITY_COLUMNS: readonly (keyof EntityProfile)[] = [
  "id", "name", "type", "aliases", "titles", "affiliations", "articles", "mentions", "quotes", "first_seen", "last_seen", "appears_with",
];

export interface EntityOptions {
  /** How many records to show when the name fits several (default 5), the one in most articles first. */
  limit?: number | undefined;
  /** How many co-occurring entities to list (default 10). */
  with?: number | undefined;
}

export async function entity(db: Db, name: string, options: EntityOptions = {}): Promise<EntityProfile[]> {
  const candidates = (await entitiesNamed(db, name)).slice(0, limitOf(options.limit, 5));
  const profiles: EntityProfile[] = [];
  for (const c of candidates) {
    const p = await entityProfile(db, c.pk, limitOf(options.with, 10));
    if (p) profiles.push(p);
  }
  return profiles;
}

/**
 * How many of an entity's latest articles its names, titles, affiliations and co-occurring entities are read from:
 * a place named in 36,000 articles must not make its page read all of them (issue #11). Its counts and dates are
 * over every article.
 */
export const PROFILE_SAMPLE = 1000;

/**
 * One cross-article record's profile, with the `withLimit` entities it appears with most; null if there is none.
 * Names and co-occurrences come from its latest PROFILE_SAMPLE articles (migration 8's index), counts from all.
 */
export async function entityProfile(db: Db, pk: number, withLimit: number): Promise<EntityProfile | null> {
  const record = await db.selectFrom("entities").select(["pk", "type", "name"]).where("pk", "=", pk).executeTakeFirst();
  if (!record) return null;
  const recent = db
    .selectFrom("article_entities")
    .select(["pk", "article_pk"])
    .where("entity_pk", "=", pk)
    .orderBy(sql`published_date desc nulls last`)
    .orderBy("article_pk", "desc")
    .limit(PROFILE_SAMPLE);
  // The sample's rows once, counted here: one index scan instead of one per list.
  const sample = await db
    .selectFrom("article_entities")
    .select(["name", "aliases", "titles", "affiliations"])
    .where("pk", "in", recent.clearSelect().select("pk"))
    .execute();
  const names = mostUsed(sample.map((r) => [r.name]));
  const aliases = mostUsed(sample.map((r) => r.aliases));
  const titles = mostUsed(sample.map((r) => r.titles));
  const affiliations = mostUsed(sample.map((r) => r.affiliations));
  const counts = await db
    .selectFrom("article_entities")
    .select([
      sql<number>`count(distinct article_pk)`.as("articles"),
      sql<number>`coalesce(sum(mention_count), 0)::int8`.as("mentions"),
      sql<string | null>`min(published_date)::text`.as("first_seen"),
      sql<string | null>`max(published_date)::text`.as("last_seen"),
    ])
    .where("entity_pk", "=", pk)
    .executeTakeFirstOrThrow();
  const quoteCount = await db
    .selectFrom("quotes")
    .select(sql<number>`count(*)`.as("n"))
    .where("speaker_entity_pk", "=", pk)
    .executeTakeFirstOrThrow();
  // Counted per record first, then named: the join to `entities` is for the records that co-occur, not their rows.
  const together = await db
    .with("me", () => recent.clearSelect().select("article_pk"))
    .with("shared", (qb) =>
      qb
        .selectFrom("me")
        .innerJoin("article_entities as other", (j) => j.onRef("other.article_pk", "=", "me.article_pk").on("other.entity_pk", "<>", pk))
        .select(["other.entity_pk", sql<number>`count(distinct other.article_pk)`.as("articles")])
        .groupBy("other.entity_pk"),
    )
    .selectFrom("shared as s")
    .innerJoin("entities as e", "e.pk", "s.entity_pk")
    .select(["e.pk", "e.name", "e.type", "s.articles"])
    .orderBy("s.articles", "desc")
    .orderBy("e.name")
    .limit(withLimit)
    .execute();
  return {
    id: record.pk,
    name: names[0] ?? record.name,
    type: record.type,
    aliases,
    titles,
    affiliations,
    articles: counts.articles,
    mentions: counts.mentions,
    quotes: quoteCount.n,
    first_seen: counts.first_seen,
    last_seen: counts.last_seen,
    appears_with: together.map((t) => ({ id: t.pk, name: t.name, type: t.type, articles: t.articles })),
  };
}

/** The values of the lists, the most frequent first (ties in code-unit order), at most `max`. */
function mostUsed(lists: readonly (readonly string[])[], max = 20): string[] {
  const counts = new Map<string, number>();
  for (const list of lists) for (const v of list) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, max)
    .map(([v]) => v);
}
