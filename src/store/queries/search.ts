/**
 * `newsgraph search`: the articles the query matches (anywhere in title or text), ranked by how well their title and
 * lead match it (`ts_rank` on `rank_search`, migration 5: title weight A, lead B; the rest of the text does not count
 * towards the score), the newest first among equal scores, with highlighted snippets from the whole text.
 */
import { sql } from "kysely";
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
  // The page first, from the whole-text index and the small ranking vector in the row (no whole-text vector read out
  // of TOAST to rank by); the text, for the snippets, for the page only.
  const rows = await db
    .with("hits", (qb) =>
      qb
        .selectFrom("articles")
        .select(["pk", "published_date", sql<number>`ts_rank(rank_search, ${q})`.as("score")])
        .where(sql<boolean>`search @@ ${q}`)
        .$if(start !== null, (w) => w.where("published_date", ">=", start!))
        .$if(end !== null, (w) => w.where("published_date", "<", end!))
        .$if(options.source !== undefined, (w) => w.where(sql`lower(source)`, "=", options.source!.toLowerCase()))
        .orderBy("score", "desc")
        .orderBy(sql`published_date desc nulls last`)
        .orderBy("pk")
        .limit(limit),
    )
    .selectFrom("hits as h")
    .innerJoin("articles as a", "a.pk", "h.pk")
    .select(["a.article_id", "a.url", "a.title", "a.source", "a.published", "h.score", sql<string>`ts_headline('english', a.text, ${q}, ${HEADLINE})`.as("snippet")])
    .orderBy("h.score", "desc")
    .orderBy(sql`h.published_date desc nulls last`)
    .orderBy("h.pk")
    .execute();
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
