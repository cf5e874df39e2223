/**
 * One stored article with its whole Analysis, how its entities link to the records across articles, and where it
 * stands among the stories (issue #13): its story, the article it repeats, the articles that repeat it.
 */
import { sql } from "kysely";
import type { Db } from "./common.js";

/** Another article as the reader links to it. */
export interface LinkedArticle {
  id: string;
  title: string;
  source: string | null;
  published: string | null;
  /** How alike the copy and its original are (1 for an exact copy of the words). */
  similarity: number | null;
}

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
  /** The story it belongs to, or null (not linked yet: stored before stories, or by a path that does not link). */
  story: { id: number; label: string | null; articles: number } | null;
  /** The article this one repeats (a re-post, a syndicated copy), or null for an original. */
  duplicateOf: LinkedArticle | null;
  /** The articles that repeat this one, earliest first (at most 100). */
  duplicates: LinkedArticle[];
}

const MAX_DUPLICATES = 100;

/** The article whose Analysis id is `id`, or null when the store has none. */
export async function articleById(db: Db, id: string): Promise<StoredArticle | null> {
  const row = await db
    .selectFrom("articles")
    .select(["pk", "article_id", "title", "source", "published", "url", "authors", "section", "language", "analysis", "story_pk", "duplicate_of"])
    .where("article_id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const links = await db.selectFrom("article_entities").select(["local_id", "entity_pk"]).where("article_pk", "=", row.pk).execute();
  const entityLinks: Record<string, number> = {};
  for (const l of links) entityLinks[l.local_id] = l.entity_pk;
  const related = await relatedArticles(db, row.pk, row.duplicate_of);
  const [story] =
    row.story_pk === null
      ? []
      : (
          await sql<{ id: number; label: string | null; articles: number }>`
            select s.pk::int as id, s.label, (select count(*)::int from articles m where m.story_pk = s.pk) as articles
            from stories s where s.pk = ${row.story_pk}`.execute(db)
        ).rows;
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
    story: story ?? null,
    duplicateOf: related.find((r) => r.original) ?? null,
    duplicates: related.filter((r) => !r.original).map(({ original: _, ...a }) => a),
  };
}

/** The article's original (flagged) and its copies, in one query; similarity is the copy's, on either side. */
async function relatedArticles(db: Db, pk: number, duplicateOf: number | null): Promise<Array<LinkedArticle & { original: boolean }>> {
  const rows = await sql<LinkedArticle & { original: boolean }>`
    (select a.article_id as id, a.title, a.source, a.published, me.duplicate_similarity as similarity, true as original
      from articles a, articles me where me.pk = ${pk} and a.pk = ${duplicateOf ?? -1})
    union all
    (select a.article_id, a.title, a.source, a.published, a.duplicate_similarity, false
      from articles a where a.duplicate_of = ${pk} order by a.published_date nulls last, a.pk limit ${MAX_DUPLICATES})`.execute(db);
  return rows.rows;
}
