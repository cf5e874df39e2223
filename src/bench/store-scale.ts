/**
 * A large store for the latency targets, without analyzing 100,000 articles: the stored articles are copied under
 * new ids inside the database (INSERT ... SELECT, keys shifted by an offset per round), with all their entities,
 * mentions, quotes, timexes, amounts and events. The cross-article records are shared by the copies, as the same
 * people recur across a large corpus; text, dates and sources are those of the originals (the generated search
 * columns are computed again for every copy, as an ingest would).
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../store/schema.js";

type Table = "articles" | "article_entities" | "mentions" | "quotes" | "timexes" | "amounts" | "events";

/** The columns each table's copy writes (generated columns are left to the database). */
const COLUMNS: Record<Table, readonly string[]> = {
  articles: [
    "pk", "article_id", "url", "content_hash", "input_hash", "analysis_hash", "analyzer", "source", "section", "title", "authors",
    "language", "published", "published_date", "text", "blocks", "analysis", "origin",
  ],
  article_entities: ["pk", "article_pk", "local_id", "entity_pk", "name", "type", "titles", "affiliations", "aliases", "name_keys", "mention_count"],
  mentions: ["pk", "article_pk", "article_entity_pk", "start_offset", "end_offset", "text", "kind"],
  quotes: [
    "pk", "article_pk", "local_id", "kind", "text", "cue", "speaker_article_entity_pk", "speaker_entity_pk", "speaker_text", "start_offset",
    "end_offset", "cue_start", "cue_end", "source_start", "source_end", "published_date",
  ],
  timexes: ["pk", "article_pk", "text", "type", "value", "mod", "start_offset", "end_offset", "value_start", "value_end", "sentence", "sentence_start", "sentence_end"],
  amounts: ["pk", "article_pk", "text", "value", "unit", "mod", "start_offset", "end_offset"],
  events: ["pk", "article_pk", "local_id", "text", "start_offset", "end_offset"],
};
const CHILDREN: readonly Table[] = ["article_entities", "mentions", "quotes", "timexes", "amounts", "events"];

/**
 * Copies stored articles until the store holds `target`; returns how many were copied. One transaction a round;
 * `checkpoint` after each (PGlite).
 */
export async function scaleStore(db: Kysely<Database>, target: number, checkpoint = false): Promise<number> {
  const count = async () => (await db.selectFrom("articles").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).n;
  const base = await count();
  if (base === 0 || base >= target) return 0;
  const max: Record<Table, number> = {} as Record<Table, number>;
  for (const t of ["articles", ...CHILDREN] as const) {
    max[t] = (await db.selectFrom(t).select(sql<number>`coalesce(max(pk), 0)::int8`.as("m")).executeTakeFirstOrThrow()).m;
  }
  let copied = 0;
  for (let round = 1; base + copied < target; round++) {
    const n = Math.min(base, target - base - copied);
    // The originals to copy this round: the first n by key (all of them but in the last round).
    const last = await db.selectFrom("articles").select("pk").where("pk", "<=", max.articles).orderBy("pk").offset(n - 1).limit(1).executeTakeFirstOrThrow();
    const off = (t: Table) => round * max[t];
    await db.transaction().execute(async (trx) => {
      await copy(trx, "articles", last.pk, (c) => {
        if (c === "pk") return sql`pk + ${off("articles")}`;
        if (c === "article_id") return sql`article_id || ${`~copy${round}`}`;
        if (c === "url") return sql`url || ${`#copy${round}`}`;
        if (c === "content_hash") return sql`content_hash || ${`~${round}`}`;
        return null;
      });
      for (const table of CHILDREN) {
        await copy(trx, table, last.pk, (c) => {
          if (c === "pk") return sql`pk + ${off(table)}`;
          if (c === "article_pk") return sql`article_pk + ${off("articles")}`;
          if (c === "article_entity_pk" || c === "speaker_article_entity_pk") return sql`${sql.ref(c)} + ${off("article_entities")}`;
          return null;
        });
      }
    });
    copied += n;
    if (checkpoint) await sql`checkpoint`.execute(db); // PGlite has no checkpointer: its WAL would only grow
  }
  // The key sequences past the copies, so later ingests draw fresh keys.
  for (const t of ["articles", ...CHILDREN] as const) {
    await sql`select setval(pg_get_serial_sequence(${t}, 'pk'), (select max(pk) from ${sql.table(t)}))`.execute(db);
  }
  await sql`analyze`.execute(db);
  return copied;
}

/** INSERT INTO table (columns) SELECT columns (some shifted) FROM table WHERE it belongs to an original <= lastPk. */
async function copy(trx: Kysely<Database>, table: Table, lastPk: number, shift: (column: string) => ReturnType<typeof sql> | null): Promise<void> {
  const columns = COLUMNS[table];
  const belongs = table === "articles" ? "pk" : "article_pk";
  await trx
    .insertInto(table)
    .columns(columns as never)
    .expression(
      trx
        .selectFrom(table)
        .select(columns.map((c) => (shift(c) ?? sql.ref(c)).as(c)) as never)
        .where(sql.ref(belongs), "<=", lastPk) as never,
    )
    .execute();
}
