import { type Kysely, sql } from "kysely";
import type { Migration } from "./index.js";

/**
 * The entity page on a large store (issue #11: API p95 < 100 ms on 100,000 articles). An entity's profile counted
 * its articles, mentions and first and last dates by joining every one of its article rows to `articles` (9 KB rows:
 * 0.9 s for a place in 36,000 articles), and its names and co-occurring entities over all of them (2.5 s).
 * - `article_entities.published_date`: the article's date on each of its entities (written with them, as
 *   `quotes.published_date` is), so the counts and dates are one index-only scan of the entity's own rows;
 * - `article_entities_entity_recent` (entity, date, article, with the mention count): that scan, and the entity's
 *   latest articles in order, where the profile reads its names and the entities it appears with;
 * - `article_entities_article_entity`: the entities of those articles without reading their rows.
 * The plain `article_entities_entity` index is replaced by the first, which leads with the same column.
 */
export const migration: Migration = {
  version: 8,
  name: "entity profile",
  async up(db: Kysely<any>) {
    await db.schema.alterTable("article_entities").addColumn("published_date", "date").execute();
    await sql`update article_entities ae set published_date = a.published_date from articles a where a.pk = ae.article_pk and a.published_date is not null`.execute(db);
    await sql`create index article_entities_entity_recent on article_entities (entity_pk, published_date desc nulls last, article_pk desc) include (mention_count)`.execute(db);
    await sql`create index article_entities_article_entity on article_entities (article_pk, entity_pk)`.execute(db);
    await db.schema.dropIndex("article_entities_entity").execute();
  },
};
