/**
 * The quote bank as the API pages it: the filters of `quotes` (src/store/queries/quotes.ts, the CLI's) plus a speaker
 * by record id, the kind of quote, and an offset. A new function rather than new options on `quotes`, which is being
 * optimized elsewhere; the two share their order (newest first), so a page here is a slice of what the CLI lists.
 */
import { sql } from "kysely";
import { type DateFilter, type Db, dateBounds, tsquery } from "./common.js";
import { type Page, type PageOptions, toPage } from "./page.js";
import { recordFilter } from "./record-filter.js";
import type { QuoteRow } from "./quotes.js";

export interface QuotePageOptions extends DateFilter, PageOptions {
  /** The speaker by any of their names. */
  speaker?: string | undefined;
  /** The speaker's cross-article record (an entity id, as `entity` and the API give it). */
  speakerId?: number | undefined;
  about?: string | undefined;
  source?: string | undefined;
  /** direct, partial or indirect. */
  kind?: string | undefined;
}

export async function quotePage(db: Db, options: QuotePageOptions): Promise<Page<QuoteRow>> {
  const { start, end } = dateBounds(options);
  const speakerPks = await recordFilter(db, options.speaker, options.speakerId);
  if (speakerPks !== null && speakerPks.length === 0) return { items: [], next: null };
  const rows = await db
    .selectFrom("quotes as q")
    .innerJoin("articles as a", "a.pk", "q.article_pk")
    .leftJoin("article_entities as ae", "ae.pk", "q.speaker_article_entity_pk")
    .select([
      "a.published",
      "a.source",
      sql<string | null>`coalesce(ae.name, q.speaker_text)`.as("speaker"),
      "q.kind",
      "q.cue",
      "q.text",
      "a.title",
      "a.article_id as article",
      "q.speaker_entity_pk as speaker_entity",
      "q.start_offset as start",
      "q.end_offset as end",
    ])
    .$if(speakerPks !== null, (w) => w.where("q.speaker_entity_pk", "in", speakerPks!))
    .$if(options.about !== undefined, (w) => w.where(sql<boolean>`q.search @@ ${tsquery(options.about!)}`))
    .$if(options.kind !== undefined, (w) => w.where("q.kind", "=", options.kind!))
    .$if(start !== null, (w) => w.where("a.published_date", ">=", start!))
    .$if(end !== null, (w) => w.where("a.published_date", "<", end!))
    .$if(options.source !== undefined, (w) => w.where(sql`lower(a.source)`, "=", options.source!.toLowerCase()))
    .orderBy(sql`a.published_date desc nulls last`)
    .orderBy("a.pk")
    .orderBy("q.start_offset")
    .limit(options.limit + 1)
    .offset(options.offset)
    .execute();
  return toPage(rows, options);
}
