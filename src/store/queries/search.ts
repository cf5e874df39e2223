/**
 * `newsgraph search`: the articles the query matches (anywhere in title or text). Those whose title and lead match
 * it come first, ranked by `ts_rank` on `rank_search` (migration 5: title weight A, lead B), the newest first among
 * equal scores; then the others (score 0: the words only further down), newest first. Highlighted snippets from the
 * whole text.
 */
import { type SelectQueryBuilder, sql } from "kysely";
import type { Database } from "../schema.js";
import { type DateFilter, type Db, dateBounds, limitOf, tsquery } from "./common.js";

export interface SearchOptions extends DateFilter {
  /** Words, "a phrase", -excluded, or: as a web search engine reads them. */
  query: string;
  source?: string | undefined;
  limit?: number | undefined;
}

export interface SearchHit {
  rank: number;
  score: number;
  published: string | null;
  source: string | null;
  title: string;
  /** Passages with the matched words between ** and **. */
  snippet: string;
  id: string;
  url: string | null;
}

export const SEARCH_COLUMNS: readonly (keyof SearchHit)[] = ["rank", "score", "published", "source", "title", "snippet", "id", "url"];

const HEADLINE = 'StartSel=**, StopSel=**, MaxWords=24, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "';

export async function search(db: Db, options: SearchOptions): Promise<SearchHit[]> {
  const { start, end } = dateBounds(options);
  const limit = limitOf(options.limit, 20);
  const q = tsquery(options.query);
  // Only a query with a NOT (-word) can match the title and lead but not the whole text.
  const parsed = await sql<{ q: string }>`select (${q})::text as q`.execute(db);
  const negated = (parsed.rows[0]?.q ?? "").includes("!");
  const filtered = <T extends SelectQueryBuilder<Database, "articles", object>>(qb: T): T =>
    qb
      .$if(start !== null, (w) => w.where("published_date", ">=", start!))
      .$if(end !== null, (w) => w.where("published_date", "<", end!))
      .$if(options.source !== undefined, (w) => w.where(sql`lower(source)`, "=", options.source!.toLowerCase())) as T;
  // The page in two steps, neither reading a whole-text vector out of TOAST to rank: first the articles whose title
  // and lead match (the small vector's own GIN index), ranked; then, only if they do not fill the page, the other
  // matches (score 0), newest first, from the whole-text index.
  const hits: { pk: number; published_date: string | null; score: number }[] = await filtered(
    db
      .selectFrom("articles")
      .select(["pk", "published_date", sql<number>`ts_rank(rank_search, ${q})`.as("score")])
      .where(sql<boolean>`rank_search @@ ${q}`)
      .$if(negated, (w) => w.where(sql<boolean>`search @@ ${q}`)),
  )
    .orderBy("score", "desc")
    .orderBy(sql`published_date desc nulls last`)
    .orderBy("pk")
    .limit(limit)
    .execute();
  if (hits.length < limit) {
    const rest = await filtered(
      db
        .selectFrom("articles")
        .select(["pk", "published_date", sql<number>`0::real`.as("score")])
        .where(sql<boolean>`search @@ ${q}`)
        .where(sql<boolean>`not (rank_search @@ ${q})`),
    )
      .orderBy(sql`published_date desc nulls last`)
      .orderBy("pk")
      .limit(limit - hits.length)
      .execute();
    hits.push(...rest);
  }
  if (hits.length === 0) return [];
  // The text, for the snippets, for the page only.
  const pages = await db
    .selectFrom("articles")
    .select(["pk", "article_id", "url", "title", "source", "published", sql<string>`ts_headline('english', text, ${q}, ${HEADLINE})`.as("snippet")])
    .where(
      "pk",
      "in",
      hits.map((h) => h.pk),
    )
    .execute();
  const byPk = new Map(pages.map((p) => [p.pk, p]));
  const rows = hits.map((h) => ({ ...byPk.get(h.pk)!, score: h.score }));
  return rows.map((r, i) => ({
    rank: i + 1,
    score: Math.round(r.score * 10_000) / 10_000,
    published: r.published,
    source: r.source,
    title: r.title,
    snippet: r.snippet.replace(/\s+/g, " ").trim(),
    id: r.article_id,
    url: r.url,
  }));
}
