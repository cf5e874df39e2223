import { type Kysely, sql } from "kysely";
import type { Migration } from "./index.js";

/**
 * Duplicates and stories filled at ingest (issue #13): what the duplicate finder and the story clusterer keep
 * between batches and runs.
 *
 * - `articles.duplicate_similarity`: beside migration 4's `duplicate_of`, how alike the two are (1 for an exact copy);
 * - `article_fingerprints`: each article's exact-copy key (its words hashed) and MinHash signature, and
 *   `article_bands`: its LSH band keys, indexed, so a new article finds its candidate originals in one look-up;
 * - `stories`: its span, its article count and the clusterer's state (the centroid sub-vectors, display names);
 * - `story_terms`: the document frequency of each term and entity key over the articles clustered, and
 *   `story_stream`: how many articles that is (one row).
 *
 * Version 6 is left to another change made at the same time (issue #10's follow-up); the numbers only order them.
 */
export const migration: Migration = {
  version: 7,
  name: "duplicates and stories at ingest",
  async up(db: Kysely<any>) {
    await db.schema.alterTable("articles").addColumn("duplicate_similarity", "real").execute();
    await db.schema.createIndex("articles_duplicate_of").on("articles").column("duplicate_of").where(sql.ref("duplicate_of"), "is not", null).execute();
    await db.schema
      .createTable("article_fingerprints")
      .addColumn("article_pk", "bigint", (c) => c.primaryKey().references("articles.pk").onDelete("cascade"))
      .addColumn("exact_key", "text", (c) => c.notNull())
      .addColumn("signature", sql`integer[]`, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("article_fingerprints_exact").on("article_fingerprints").column("exact_key").execute();
    await db.schema
      .createTable("article_bands")
      .addColumn("band_key", "integer", (c) => c.notNull())
      .addColumn("article_pk", "bigint", (c) => c.notNull().references("articles.pk").onDelete("cascade"))
      .addPrimaryKeyConstraint("article_bands_pkey", ["band_key", "article_pk"])
      .execute();
    await db.schema
      .alterTable("stories")
      .addColumn("first_published", "date")
      .addColumn("last_published", "date")
      .addColumn("article_count", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("state", "jsonb")
      .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex("stories_last_published").on("stories").column("last_published").execute();
    await db.schema
      .createTable("story_terms")
      .addColumn("term", "text", (c) => c.primaryKey())
      .addColumn("df", "integer", (c) => c.notNull())
      .execute();
    await db.schema.createTable("story_stream").addColumn("docs", "bigint", (c) => c.notNull()).execute();
    await sql`insert into story_stream (docs) values (0)`.execute(db);
  },
};
