/**
 * The timeline as the API pages it: `timeline` (the CLI's, src/store/queries/timeline.ts) with an entity by record id,
 * the speaker's record id on each row, and an offset. A new function rather than new options on `timeline`, which is
 * being optimized elsewhere; same order (the time referred to), so a page here is a slice of the CLI's list.
 */
import { sql } from "kysely";
import { type DateFilter, type Db, dateBounds, tsquery } from "./common.js";
import { type Page, type PageOptions, toPage } from "./page.js";
import { recordFilter } from "./record-filter.js";
import type { TimelineRow } from "./timeline.js";

export interface TimelinePageOptions extends DateFilter, PageOptions {
  term?: string | undefined;
  /** Statements that mention this entity, by any of its names. */
  entity?: string | undefined;
  /** Statements that mention this cross-article record. */
  entityId?: number | undefined;
  source?: string | undefined;
}

export interface TimelinePageRow extends TimelineRow {
  /** The cross-article record of the speaker, when the sentence holds an attributed quote. */
  speaker_entity: number | null;
}

export async function timelinePage(db: Db, options: TimelinePageOptions): Promise<Page<TimelinePageRow>> {
  const { start, end } = dateBounds(options);
  const entityPks = await recordFilter(db, options.entity, options.entityId);
  if (entityPks !== null && entityPks.length === 0) return { items: [], next: null };
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
      "sq.speaker_entity_pk as speaker_entity",
      "a.published",
      "a.source",
      "a.title",
      "a.article_id as article",
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
    .limit(options.limit + 1)
    .offset(options.offset)
    .execute();
  const page = toPage(rows, options);
  return { ...page, items: page.items.map((r) => ({ ...r, statement: r.statement.replace(/\s+/g, " ").trim() })) };
}
