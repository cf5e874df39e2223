/** `newsgraph quotes`: who said what, with the article, the date, the cue and the kind of quote. */
import { sql } from "kysely";
import { type DateFilter, type Db, dateBounds, entitiesNamed, limitOf, tsquery } from "./common.js";

export interface QuotesOptions extends DateFilter {
  /** The speaker's name or one of their names ("Putin", "Vladimir Putin"). */
  speaker?: string | undefined;
  /** Words the quote is about (full-text, as in search). */
  about?: string | undefined;
  source?: string | undefined;
  limit?: number | undefined;
}

export interface QuoteRow {
  published: string | null;
  source: string | null;
  /** The speaker as the article names them (its entity's name), or the attributing words, or null. */
  speaker: string | null;
  kind: string;
  cue: string | null;
  text: string;
  title: string;
  article: string;
  /** The cross-article record of the speaker (see `entity`), or null. */
  speaker_entity: number | null;
  start: number;
  end: number;
}

export const QUOTE_COLUMNS: readonly (keyof QuoteRow)[] = ["published", "source", "speaker", "kind", "cue", "text", "title", "article"];

export async function quotes(db: Db, options: QuotesOptions = {}): Promise<QuoteRow[]> {
  const { start, end } = dateBounds(options);
  const limit = limitOf(options.limit, 100);
  let speakerPks: number[] | null = null;
  if (options.speaker !== undefined) {
    speakerPks = (await entitiesNamed(db, options.speaker)).map((e) => e.pk);
    if (speakerPks.length === 0) return [];
  }
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
      "a.article_id",
      "q.speaker_entity_pk",
      "q.start_offset",
      "q.end_offset",
    ])
    .$if(speakerPks !== null, (w) => w.where("q.speaker_entity_pk", "in", speakerPks!))
    .$if(options.about !== undefined, (w) => w.where(sql<boolean>`q.search @@ ${tsquery(options.about!)}`))
    .$if(start !== null, (w) => w.where("a.published_date", ">=", start!))
    .$if(end !== null, (w) => w.where("a.published_date", "<", end!))
    .$if(options.source !== undefined, (w) => w.where(sql`lower(a.source)`, "=", options.source!.toLowerCase()))
    .orderBy(sql`a.published_date desc nulls last`)
    .orderBy("a.pk")
    .orderBy("q.start_offset")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    published: r.published,
    source: r.source,
    speaker: r.speaker,
    kind: r.kind,
    cue: r.cue,
    text: r.text,
    title: r.title,
    article: r.article_id,
    speaker_entity: r.speaker_entity_pk,
    start: r.start_offset,
    end: r.end_offset,
  }));
}
