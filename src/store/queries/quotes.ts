/** `newsgraph quotes`: who said what, with the article, the date, the cue and the kind of quote. */
import { sql } from "kysely";
import { type DateFilter, type Db, dateBounds, limitOf, tsquery } from "./common.js";
import { type Page, type PageOptions, toPage } from "./page.js";
import { recordFilter } from "./record-filter.js";

export interface QuotesOptions extends DateFilter {
  /** The speaker's name or one of their names ("Putin", "Vladimir Putin"). */
  speaker?: string | undefined;
  /** The speaker's cross-article record (an entity id, as `entity` and the API give it). */
  speakerId?: number | undefined;
  /** Words the quote is about (full-text, as in search). */
  about?: string | undefined;
  source?: string | undefined;
  /** direct, partial or indirect. */
  kind?: string | undefined;
  limit?: number | undefined;
  /** Quotes to skip (the API's pages). */
  offset?: number | undefined;
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
  const offset = options.offset ?? 0;
  const speakerPks = await recordFilter(db, options.speaker, options.speakerId);
  if (speakerPks !== null && speakerPks.length === 0) return [];
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
    .$if(speakerPks !== null, (w) => w.where("q.pk", "in", bySpeaker(speakerPks!, options, start, end, offset + limit)))
    .$if(speakerPks === null && options.about !== undefined, (w) => w.where(sql<boolean>`q.search @@ ${tsquery(options.about!)}`))
    .$if(speakerPks === null && options.kind !== undefined, (w) => w.where("q.kind", "=", options.kind!))
    .$if(speakerPks === null && start !== null, (w) => w.where("a.published_date", ">=", start!))
    .$if(speakerPks === null && end !== null, (w) => w.where("a.published_date", "<", end!))
    .$if(speakerPks === null && options.source !== undefined, (w) => w.where(sql`lower(a.source)`, "=", options.source!.toLowerCase()))
    .orderBy(sql`a.published_date desc nulls last`)
    .orderBy("a.pk")
    .orderBy("q.start_offset")
    .limit(limit)
    .offset(offset)
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

/** A page of `quotes` for the API: one quote more than the page is asked for, so the next page is known. */
export async function quotePage(db: Db, options: QuotesOptions & PageOptions): Promise<Page<QuoteRow>> {
  return toPage(await quotes(db, { ...options, limit: options.limit + 1 }), options);
}

/**
 * The first `limit` quotes of each speaker record, every filter applied, walked in list order from the index on
 * quotes (speaker_entity_pk, published_date desc nulls last, article_pk, start_offset) (migration 5): what the outer
 * query sorts and cuts to `limit` is at most `limit` quotes a record, however many the speaker has; those are cut to
 * the page here, from the index's columns (an index-only scan once the table is vacuumed), before any quote or
 * article row is read.
 */
/** `limit` here is the outer query's offset + limit: a record's quotes before the page count towards the offset. */
function bySpeaker(pks: number[], options: QuotesOptions, start: string | null, end: string | null, limit: number) {
  const filters = [sql`s.speaker_entity_pk = r.pk`];
  if (start !== null) filters.push(sql`s.published_date >= ${start}`);
  if (end !== null) filters.push(sql`s.published_date < ${end}`);
  if (options.about !== undefined) filters.push(sql`s.search @@ ${tsquery(options.about)}`);
  if (options.kind !== undefined) filters.push(sql`s.kind = ${options.kind}`);
  if (options.source !== undefined) {
    filters.push(sql`exists (select 1 from articles sa where sa.pk = s.article_pk and lower(sa.source) = ${options.source.toLowerCase()})`);
  }
  const records = sql.join(pks.map((pk) => sql`(${pk}::int8)`));
  const order = sql`order by l.published_date desc nulls last, l.article_pk, l.start_offset, l.pk limit ${limit}`;
  return sql<number>`(select l.pk from (values ${records}) as r (pk) cross join lateral (
    select s.pk, s.published_date, s.article_pk, s.start_offset from quotes s where ${sql.join(filters, sql` and `)}
    order by s.published_date desc nulls last, s.article_pk, s.start_offset, s.pk limit ${limit}) as l ${order})`;
}
