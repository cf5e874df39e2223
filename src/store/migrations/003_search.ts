import { type Kysely, sql } from "kysely";
import type { Migration } from "./index.js";

/**
 * Full-text search (English tsvector, GIN) over articles (title weighted above the body), quotes and the sentences
 * of time expressions; trigram indexes (pg_trgm) for looking names up by similarity.
 */
export const migration: Migration = {
  version: 3,
  name: "full-text and trigram search",
  async up(db: Kysely<any>) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await db.schema
      .alterTable("articles")
      .addColumn("search", sql`tsvector`, (c) =>
        c.generatedAlwaysAs(sql`setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', text), 'B')`).stored(),
      )
      .execute();
    await db.schema.createIndex("articles_search").on("articles").using("gin").column("search").execute();
    await db.schema
      .alterTable("quotes")
      .addColumn("search", sql`tsvector`, (c) => c.generatedAlwaysAs(sql`to_tsvector('english', text)`).stored())
      .execute();
    await db.schema.createIndex("quotes_search").on("quotes").using("gin").column("search").execute();
    await db.schema
      .alterTable("timexes")
      .addColumn("search", sql`tsvector`, (c) => c.generatedAlwaysAs(sql`to_tsvector('english', sentence)`).stored())
      .execute();
    await db.schema.createIndex("timexes_search").on("timexes").using("gin").column("search").execute();
    await db.schema.createIndex("entities_name_trgm").on("entities").using("gin").expression(sql`lower(name) gin_trgm_ops`).execute();
    await db.schema.createIndex("quotes_speaker_text_trgm").on("quotes").using("gin").expression(sql`lower(speaker_text) gin_trgm_ops`).execute();
  },
};
