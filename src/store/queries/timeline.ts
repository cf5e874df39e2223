/**
 * `newsgraph timeline`: dated statements in the order of the time they refer to (the time expression's value, as a
 * date range), not of publication: "the summit on March 3" stands at March 3 whenever the article came out.
 */
import { sql } from "kysely";
import { type DateFilter, type Db, dateBounds, entitiesNamed, limitOf, tsquery } from "./common.js";

export interface TimelineOptions extends DateFilter {
  /** Words the statement must contain (full-text). */
  term?: string | undefined;
  /** Only statements that mention this entity (by any of its names). */
  entity?: string | undefined;
  source?: string | undefined;
  limit?: number | undefined;
}

export interface TimelineRow {
  /** The first day the time expression covers, and the day after its last: [date, until). */
  date: string;
  until: string;
  /** The TIMEX3 value ("2023-03", "2023-SP") and modifier, as the analysis gave them. */
  value: string;
  mod: string | null;
  /** The time expression as written. */
  when: string;
  /** The sentence it stands in. */
  statement: string;
  /** The speaker, when the sentence holds a quote. */
  speaker: string | null;
  published: string | null;
  source: string | null;
  title: string;
  article: string;
}

export const TIMELINE_COLUMNS: readonly (keyof TimelineRow)[] = ["date", "value", "when", "statement", "speaker", "published", "source", "title"];

export async function timeline(db: Db, options: TimelineOptions = {}): Promise<TimelineRow[]> {
  const { start, end } = dateBounds(options);
  const limit = limitOf(options.limit, 100);
  let entityPks: number[] | null = null;
  if (options.entity !== undefined) {
    entityPks = (await entitiesNamed(db, options.entity)).map((e) => e.pk);
    if (entityPks.length === 0) return [];
  }
  const rows = await db
    .selectFrom("timexes as t")
    .innerJoin("articles as a", "a.pk", "t.article_pk")
    .select([
      sql<string>`t.value_start::text`.as("date"),
      sql<string>`t.value_end::text`.as("until"),
      "t.value",
      "t.mod",
      "t.text as when",
      "t.sentence as statement",
      (eb) =>
        eb
          .selectFrom("quotes as q")
          .leftJoin("article_entities as ae", "ae.pk", "q.speaker_article_entity_pk")
          .select(sql<string | null>`coalesce(ae.name, q.speaker_text)`.as("speaker"))
          .whereRef("q.article_pk", "=", "t.article_pk")
          .whereRef("q.start_offset", "<", "t.sentence_end")
          .whereRef("q.end_offset", ">", "t.sentence_start")
          .orderBy("q.start_offset")
          .limit(1)
          .as("speaker"),
      "a.published",
      "a.source",
      "a.title",
      "a.article_id",
    ])
    .where("t.value_start", "is not", null)
    .$if(options.term !== undefined, (w) => w.where(sql<boolean>`t.search @@ ${tsquery(options.term!)}`))
    .$if(entityPks !== null, (w) =>
      w.where((eb) =>
        eb.exists(
          eb
            .selectFrom("mentions as m")
            .innerJoin("article_entities as me", "me.pk", "m.article_entity_pk")
            .select(sql`1`.as("one"))
            .whereRef("m.article_pk", "=", "t.article_pk")
            .whereRef("m.start_offset", ">=", "t.sentence_start")
            .whereRef("m.start_offset", "<", "t.sentence_end")
            .where("me.entity_pk", "in", entityPks!),
        ),
      ),
    )
    .$if(start !== null, (w) => w.where("t.value_end", ">", start!))
    .$if(end !== null, (w) => w.where("t.value_start", "<", end!))
    .$if(options.source !== undefined, (w) => w.where(sql`lower(a.source)`, "=", options.source!.toLowerCase()))
    .orderBy("t.value_start")
    .orderBy("t.value_end")
    .orderBy(sql`a.published_date nulls last`)
    .orderBy("a.pk")
    .orderBy("t.start_offset")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    date: r.date,
    until: r.until,
    value: r.value,
    mod: r.mod,
    when: r.when,
    statement: r.statement.replace(/\s+/g, " ").trim(),
    speaker: r.speaker,
    published: r.published,
    source: r.source,
    title: r.title,
    article: r.article_id,
  }));
}
