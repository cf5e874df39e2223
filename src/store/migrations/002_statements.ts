import { type Kysely, sql } from "kysely";
import type { Migration } from "./index.js";

/** What articles say: quotes with their speakers, time expressions as date ranges, amounts, events. */
export const migration: Migration = {
  version: 2,
  name: "quotes, timexes, amounts, events",
  async up(db: Kysely<any>) {
    const article = (c: any) => c.notNull().references("articles.pk").onDelete("cascade");
    await db.schema
      .createTable("quotes")
      .addColumn("pk", "bigserial", (c) => c.primaryKey())
      .addColumn("article_pk", "bigint", article)
      .addColumn("local_id", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("cue", "text")
      .addColumn("speaker_article_entity_pk", "bigint", (c) => c.references("article_entities.pk").onDelete("set null"))
      .addColumn("speaker_entity_pk", "bigint", (c) => c.references("entities.pk"))
      .addColumn("speaker_text", "text")
      .addColumn("start_offset", "integer", (c) => c.notNull())
      .addColumn("end_offset", "integer", (c) => c.notNull())
      .addColumn("cue_start", "integer")
      .addColumn("cue_end", "integer")
      .addColumn("source_start", "integer")
      .addColumn("source_end", "integer")
      .execute();
    await db.schema.createIndex("quotes_article").on("quotes").column("article_pk").execute();
    await db.schema.createIndex("quotes_speaker").on("quotes").column("speaker_entity_pk").execute();

    await db.schema
      .createTable("timexes")
      .addColumn("pk", "bigserial", (c) => c.primaryKey())
      .addColumn("article_pk", "bigint", article)
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("type", "text", (c) => c.notNull())
      .addColumn("value", "text", (c) => c.notNull())
      .addColumn("mod", "text")
      .addColumn("start_offset", "integer", (c) => c.notNull())
      .addColumn("end_offset", "integer", (c) => c.notNull())
      .addColumn("value_start", "date")
      .addColumn("value_end", "date")
      .addColumn("value_range", "daterange", (c) => c.generatedAlwaysAs(sql`daterange(value_start, value_end)`).stored())
      .addColumn("sentence", "text", (c) => c.notNull())
      .addColumn("sentence_start", "integer", (c) => c.notNull())
      .addColumn("sentence_end", "integer", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("timexes_article").on("timexes").column("article_pk").execute();
    await db.schema.createIndex("timexes_value_start").on("timexes").columns(["value_start", "value_end"]).execute();
    await db.schema.createIndex("timexes_value_range").on("timexes").using("gist").column("value_range").execute();

    await db.schema
      .createTable("amounts")
      .addColumn("pk", "bigserial", (c) => c.primaryKey())
      .addColumn("article_pk", "bigint", article)
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("value", "double precision", (c) => c.notNull())
      .addColumn("unit", "text", (c) => c.notNull())
      .addColumn("mod", "text")
      .addColumn("start_offset", "integer", (c) => c.notNull())
      .addColumn("end_offset", "integer", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("amounts_article").on("amounts").column("article_pk").execute();
    await db.schema.createIndex("amounts_unit_value").on("amounts").columns(["unit", "value"]).execute();

    await db.schema
      .createTable("events")
      .addColumn("pk", "bigserial", (c) => c.primaryKey())
      .addColumn("article_pk", "bigint", article)
      .addColumn("local_id", "text", (c) => c.notNull())
      .addColumn("text", "text", (c) => c.notNull())
      .addColumn("start_offset", "integer", (c) => c.notNull())
      .addColumn("end_offset", "integer", (c) => c.notNull())
      .execute();
    await db.schema.createIndex("events_article").on("events").column("article_pk").execute();
  },
};
