/** One stored article with its whole Analysis, and how its entities link to the records across articles. */
import type { Db } from "./common.js";

export interface StoredArticle {
  article: {
    id: string;
    title: string;
    source: string | null;
    published: string | null;
    url: string | null;
    /** The authors as one line ("Jane Doe, John Roe"), or null. */
    byline: string | null;
    authors: string[];
    section: string | null;
    language: string;
  };
  /** The newsgraph.analysis/1 object as it was stored. */
  analysis: unknown;
  /** Article-level entity id ("e1") → its cross-article record's id, so a reader can link a speaker to their page. */
  entityLinks: Record<string, number>;
}

/** The article whose Analysis id is `id`, or null when the store has none. */
export async function articleById(db: Db, id: string): Promise<StoredArticle | null> {
  const row = await db
    .selectFrom("articles")
    .select(["pk", "article_id", "title", "source", "published", "url", "authors", "section", "language", "analysis"])
    .where("article_id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const links = await db.selectFrom("article_entities").select(["local_id", "entity_pk"]).where("article_pk", "=", row.pk).execute();
  const entityLinks: Record<string, number> = {};
  for (const l of links) entityLinks[l.local_id] = l.entity_pk;
  return {
    article: {
      id: row.article_id,
      title: row.title,
      source: row.source,
      published: row.published,
      url: row.url,
      byline: row.authors.length > 0 ? row.authors.join(", ") : null,
      authors: row.authors,
      section: row.section,
      language: row.language,
    },
    analysis: JSON.parse(row.analysis) as unknown, // JSON text since migration 6
    entityLinks,
  };
}
