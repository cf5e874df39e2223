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

/** One cross-article record's profile, with the `withLimit` entities it appears with most; null if there is none. */
export async function entityProfile(db: Db, pk: number, withLimit: number): Promise<EntityProfile | null> {
  const record = await db.selectFrom("entities").select(["pk", "type", "name"]).where("pk", "=", pk).executeTakeFirst();
  if (!record) return null;
  const unnested = (column: "aliases" | "titles" | "affiliations" | "name") =>
    db
      .selectFrom("article_entities")
      .select([
        (column === "name" ? sql<string>`name` : sql<string>`unnest(${sql.ref(column)})`).as("value"),
        sql<number>`count(*)`.as("n"),
      ])
      .where("entity_pk", "=", pk)
      .groupBy("value")
      .orderBy("n", "desc")
      .orderBy("value")
      .limit(20)
      .execute();
  const [names, aliases, titles, affiliations] = await Promise.all([unnested("name"), unnested("aliases"), unnested("titles"), unnested("affiliations")]);
  const counts = await db
    .selectFrom("article_entities as ae")
    .innerJoin("articles as a", "a.pk", "ae.article_pk")
    .select([
      sql<number>`count(distinct ae.article_pk)`.as("articles"),
      sql<number>`coalesce(sum(ae.mention_count), 0)::int8`.as("mentions"),
      sql<string | null>`min(a.published_date)::text`.as("first_seen"),
      sql<string | null>`max(a.published_date)::text`.as("last_seen"),
    ])
    .where("ae.entity_pk", "=", pk)
    .executeTakeFirstOrThrow();
  const quoteCount = await db
    .selectFrom("quotes")
    .select(sql<number>`count(*)`.as("n"))
    .where("speaker_entity_pk", "=", pk)
    .executeTakeFirstOrThrow();
  const together = await db
    .selectFrom("article_entities as me")
    .innerJoin("article_entities as other", (j) => j.onRef("other.article_pk", "=", "me.article_pk").onRef("other.entity_pk", "<>", "me.entity_pk"))
    .innerJoin("entities as e", "e.pk", "other.entity_pk")
    .select(["e.pk", "e.name", "e.type", sql<number>`count(distinct other.article_pk)`.as("articles")])
    .where("me.entity_pk", "=", pk)
    .groupBy(["e.pk", "e.name", "e.type"])
    .orderBy("articles", "desc")
    .orderBy("e.name")
    .limit(withLimit)
    .execute();
  return {
    id: record.pk,
    name: names[0]?.value ?? record.name,
    type: record.type,
    aliases: aliases.map((r) => r.value),
    titles: titles.map((r) => r.value),
    affiliations: affiliations.map((r) => r.value),
    articles: counts.articles,
    mentions: counts.mentions,
    quotes: quoteCount.n,
    first_seen: counts.first_seen,
    last_seen: counts.last_seen,
    appears_with: together.map((t) => ({ id: t.pk, name: t.name, type: t.type, articles: t.articles })),
  };
}
