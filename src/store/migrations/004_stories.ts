import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Migration } from "./index.js";

/** Room for de-duplication and stories: an article may repeat another, and belong to a story. Not filled yet. */
export const migration: Migration = {
  version: 4,
  name: "duplicates and stories",
  async up(db: Kysely<any>) {
    await db.schema
      .createTable("stories")
      .addColumn("pk", "bigserial", (c) => c.primaryKey())
      .addColumn("label", "text")
      .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .alterTable("articles")
      .addColumn("duplicate_of", "bigint", (c) => c.references("articles.pk").onDelete("set null"))
      .addColumn("story_pk", "bigint", (c) => c.references("stories.pk").onDelete("set null"))
      .execute();
    await db.schema.createIndex("articles_story").on("articles").column("story_pk").execute();
  },
};
