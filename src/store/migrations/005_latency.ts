import { type Kysely, sql } from "kysely";
import type { Migration } from "./index.js";

/**
 * Search and `quotes --speaker` proportional to the page asked for, not to the matches (issue #10):
 *
 * - `articles.rank_search`: a small weighted tsvector, the title (A) and the lead, the first body block (B, at most
 *   1,000 characters), that search ranks by; small enough to stay in the row, where the whole-text `search` vector
 *   (which still decides what matches, through its GIN index) is read from TOAST;
 * - `quotes.published_date`: the article's date on each quote (written with the quotes; the quotes of an article are
 *   rewritten with it), and an index on quotes by speaker in the order `quotes` lists them;
 * - `entity_names`: the name keys (src/store/names.ts) of each cross-article record's article-level entities, so
 *   `--speaker` finds its records without reading every article-level entity of that name.
 */
/** The first body block (the text is the title, then the blocks, blank lines between), at most 1,000 characters, cut between words. */
const LEAD = sql`(case when length(split_part(text, E'\\n\\n', 2)) <= 1000 then split_part(text, E'\\n\\n', 2)
  else regexp_replace(left(split_part(text, E'\\n\\n', 2), 1001), '\\S*$', '') end)`;

export const migration: Migration = {
  version: 5,
  name: "ranking vector, quotes by speaker and date, entity names",
  async up(db: Kysely<any>) {
    await db.schema
      .alterTable("articles")
      .addColumn("rank_search", sql`tsvector`, (c) =>
        c
          .generatedAlwaysAs(
            sql`setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', ${LEAD}), 'B')`,
          )
          .stored(),
      )
      .execute();
    // Kept in the row (compressed if need be) rather than moved out to TOAST with the large columns.
    await sql`alter table articles alter column rank_search set storage main`.execute(db);
    await db.schema.createIndex("articles_rank_search").on("articles").using("gin").column("rank_search").execute();

    await db.schema.alterTable("quotes").addColumn("published_date", "date").execute();
    await sql`update quotes q set published_date = a.published_date from articles a where a.pk = q.article_pk and a.published_date is not null`.execute(db);
    await db.schema
      .createIndex("quotes_speaker_date")
      .on("quotes")
      .expression(sql`speaker_entity_pk, published_date desc nulls last, article_pk, start_offset, pk`)
      .execute();
    await db.schema.dropIndex("quotes_speaker").execute(); // the new index leads with the same column

    await db.schema
      .createTable("entity_names")
      .addColumn("name_key", "text", (c) => c.notNull())
      .addColumn("entity_pk", "bigint", (c) => c.notNull().references("entities.pk"))
      .addPrimaryKeyConstraint("entity_names_pkey", ["name_key", "entity_pk"])
      .execute();
    await sql`insert into entity_names (name_key, entity_pk) select distinct k, entity_pk from article_entities, unnest(name_keys) k`.execute(db);
    await sql`analyze articles`.execute(db);
    await sql`analyze quotes`.execute(db);
    await sql`analyze entity_names`.execute(db);
  },
};
