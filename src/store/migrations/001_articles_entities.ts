import { type Kysely, sql } from "kysely";
import type { Migration } from "./index.js";

/** Articles with their whole Analysis; entities across articles; entities as each article knows them; mentions. */
export const migration: Migration = {
  version: 1,
  name: "articles and entities",
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("articles")
      .addColumn("pk", "bigserial", (c) => c.primaryKey())
      .addColumn("article_id", "text", (c) => c.notNull().unique())
      .addColumn("url", "text", (c) => c.unique())
      .addColumn("content_hash", "text", (c) => c.notNull())
      .addColumn("input_hash", "text", (c) => c.notNull())
      .addColumn("analysis_hash", "text", (c) => c.notNull())
      .addColumn("analyzer", "text", (c) => c.notNull())
      .addColumn("source", "text")
      .addColumn("section", "text")
      .addColumn("title", "text", (c) => c.notNull())
      .addColumn("authors", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn("language", "text", (c) => c.notNull())
      .addColumn("published", "text")
      .addColumn("published_date", "date")
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("blocks", "jsonb", (c) => c.notNull())
      .addColumn("analysis", "jsonb", (c) => c.notNull())
      .addColumn("origin", "text")
      .addColumn("ingested_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex("articles_content_hash").on("articles").column("content_hash").execute();
    await db.schema.createIndex("articles_published_date").on("articles").column("published_date").execute();
    await db.schema.createIndex("articles_source").on("articles").column("source").execute();

    await db.schema
      .createTable("entities")
      .addColumn("pk", "bigserial", (c) => c.primaryKey())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("merge_key", "text")
      .addColumn("titles_seen", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn("affiliations_seen", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex("entities_merge_key").on("entities").column("merge_key").execute();
    await db.schema.createIndex("entities_lower_name").on("entities").expression(sql`lower(name)`).execute();

    await db.schema
      .createTable("article_entities")
      .addColumn("pk", "bigserial", (c) => c.primaryKey())
      .addColumn("article_pk", "bigint", (c) => c.notNull().references("articles.pk").onDelete("cascade"))
      .addColumn("local_id", "text", (c) => c.notNull())
      .addColumn("entity_pk", "bigint", (c) => c.notNull().references("entities.pk"))
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("titles", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn("affiliations", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn("aliases", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn("name_keys", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn("mention_count", "integer", (c) => c.notNull())
      .addUniqueConstraint("article_entities_local", ["article_pk", "local_id"])
      .execute();
    await db.schema.createIndex("article_entities_entity").on("article_entities").column("entity_pk").execute();
    await db.schema.createIndex("article_entities_name_keys").on("article_entities").using("gin").column("name_keys").execute();

    await db.schema
      .createTable("mentions")
      .addColumn("pk", "bigserial", (c) => c.primaryKey())
      .addColumn("article_pk", "bigint", (c) => c.notNull().references("articles.pk").onDelete("cascade"))
      .addColumn("article_entity_pk", "bigint", (c) => c.notNull().references("article_entities.pk").onDelete("cascade"))
      .addColumn("start_offset", "integer", (c) => c.notNull())
      .addColumn("end_offset", "integer", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("mentions_article").on("mentions").columns(["article_pk", "start_offset"]).execute();
    await db.schema.createIndex("mentions_article_entity").on("mentions").column("article_entity_pk").execute();
  },
};
