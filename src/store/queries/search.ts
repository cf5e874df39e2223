/** `newsgraph search`: articles ranked by full-text relevance, with highlighted snippets. */
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
  const rows = await db
    .with("hits", (qb) =>
      qb
        .selectFrom("articles")
        .select(["pk", "article_id", "url", "title", "source", "published", "published_date", "text", sql<number>`ts_rank_cd(search, ${q}, 1)`.as("score")])
        .where(sql<boolean>`search @@ ${q}`)
        .$if(start !== null, (w) => w.where("published_date", ">=", start!))
        .$if(end !== null, (w) => w.where("published_date", "<", end!))
        .$if(options.source !== undefined, (w) => w.where(sql`lower(source)`, "=", options.source!.toLowerCase()))
        .orderBy("score", "desc")
        .orderBy(sql`published_date desc nulls last`)
        .orderBy("pk")
        .limit(limit),
    )
    .selectFrom("hits")
    .select(["article_id", "url", "title", "source", "published", "score", sql<string>`ts_headline('english', text, ${q}, ${HEADLINE})`.as("snippet")])
    .orderBy("score", "desc")
    .orderBy(sql`published_date desc nulls last`)
    .orderBy("pk")
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
