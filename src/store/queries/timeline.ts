/**
 * `newsgraph timeline`: dated statements in the order of the time they refer to (the time expression's value, as a
 * date range), not of publication: "the summit on March 3" stands at March 3 whenever the article came out.
 */
import { sql } from "kysely";
import { type DateFilter, type Db, dateBounds, limitOf, tsquery } from "./common.js";
import { type Page, type PageOptions, toPage } from "./page.js";
import { recordFilter } from "./record-filter.js";

export interface TimelineOptions extends DateFilter {
  /** Words the statement must contain (full-text). */
  term?: string | undefined;
  /** Only statements that mention this entity (by any of its names). */
  entity?: string | undefined;
  /** Only statements that mention this cross-article record. */
  entityId?: number | undefined;
  source?: string | undefined;
  limit?: number | undefined;
  /** Statements to skip (the API's pages). */
  offset?: number | undefined;
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
  /** The speaker's cross-article record, when the quote's speaker is one. */
  speaker_entity: number | null;
  published: string | null;
  source: string | null;
  title: string;
  article: string;
}

export const TIMELINE_COLUMNS: readonly (keyof TimelineRow)[] = ["date", "value", "when", "statement", "speaker", "published", "source", "title"];

export async function timeline(db: Db, options: TimelineOptions = {}): Promise<TimelineRow[]> {
  const { start, end } = dateBounds(options);
  const limit = limitOf(options.limit, 100);
  const entityPks = await recordFilter(db, options.entity, options.entityId);
  if (entityPks !== null && entityPks.length === 0) return [];
  const rows = await db
    .selectFrom("timexes as t")
    .innerJoin("articles as a", "a.pk", "t.article_pk")
    // The first quote of the sentence, if any, gives the statement its speaker.
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("quotes as q")
          .leftJoin("article_entities as ae", "ae.pk", "q.speaker_article_entity_pk")
          .select([sql<string | null>`coalesce(ae.name, q.speaker_text)`.as("speaker"), "q.speaker_entity_pk"])
          .whereRef("q.article_pk", "=", "t.article_pk")
          .whereRef("q.start_offset", "<", "t.sentence_end")
          .whereRef("q.end_offset", ">", "t.sentence_start")
          .orderBy("q.start_offset")
          .limit(1)
          .as("sq"),
      (join) => join.onTrue(),
    )
    .select([
      sql<string>`t.value_start::text`.as("date"),
      sql<string>`t.value_end::text`.as("until"),
      "t.value",
      "t.mod",
      "t.text as when",
      "t.sentence as statement",
      "sq.speaker",
      "sq.speaker_entity_pk",
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
    .offset(options.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    date: r.date,
    until: r.until,
    value: r.value,
    mod: r.mod,
    when: r.when,
    statement: r.statement.replace(/\s+/g, " ").trim(),
    speaker: r.speaker,
    speaker_entity: r.speaker_entity_pk,
    published: r.published,
    source: r.source,
    title: r.title,
    article: r.article_id,
  }));
}

/** A page of `timeline` for the API: one statement more than the page is asked for, so the next page is known. */
export async function timelinePage(db: Db, options: TimelineOptions & PageOptions): Promise<Page<TimelineRow>> {
  return toPage(await timeline(db, { ...options, limit: options.limit + 1 }), options);
}
