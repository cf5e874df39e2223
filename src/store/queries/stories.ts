/**
 * Stories (issue #13): the list (`newsgraph stories`, GET /api/stories) and one story's comparison of its outlets
 * (`newsgraph story ID`, GET /api/stories/:id): per outlet, when it published, its headline, the speakers it quoted
 * and how often, the quotes only it carries, the entities only it names; its articles with their duplicates; and
 * the story's timeline by the time referred to. Set differences over stored rows only: no NLP here.
 */
import { sql } from "kysely";
import { type DateFilter, type Db, dateBounds, limitOf } from "./common.js";
import { recordFilter } from "./record-filter.js";
import type { TimelineRow } from "./timeline.js";

export interface StoriesOptions extends DateFilter {
  /** Only stories with an article that names this entity (by any of its names). */
  entity?: string | undefined;
  entityId?: number | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export interface StoryRow {
  id: number;
  label: string | null;
  articles: number;
  duplicates: number;
  outlets: number;
  first_published: string | null;
  last_published: string | null;
  /** The headline of its first article (by publication, then storing): what a list shows a person. */
  headline: string | null;
}

export const STORY_COLUMNS: readonly (keyof StoryRow)[] = ["id", "label", "articles", "duplicates", "outlets", "first_published", "last_published"];

/** A story's row of the list, over `stories s` and its `articles a`, grouped by story. */
const SUMMARY = sql`select s.pk::int as id, s.label, count(a.pk)::int as articles, count(a.duplicate_of)::int as duplicates,
  count(distinct coalesce(a.source, ''))::int as outlets,
  to_char(s.first_published, 'YYYY-MM-DD') as first_published, to_char(s.last_published, 'YYYY-MM-DD') as last_published,
  (select h.title from articles h where h.story_pk = s.pk order by h.published_date nulls last, h.pk limit 1) as headline`;

/** Stories whose span meets [from, to], newest first (by their last article), then by key. */
export async function stories(db: Db, options: StoriesOptions = {}): Promise<StoryRow[]> {
  const { start, end } = dateBounds(options);
  const entityPks = await recordFilter(db, options.entity, options.entityId);
  if (entityPks !== null && entityPks.length === 0) return [];
  const rows = await sql<StoryRow>`
    ${SUMMARY}
    from stories s join articles a on a.story_pk = s.pk
    where true
      ${start === null ? sql`` : sql`and (s.last_published is null or s.last_published >= ${start}::date)`}
      ${end === null ? sql`` : sql`and (s.first_published is null or s.first_published < ${end}::date)`}
      ${entityPks === null ? sql`` : sql`and exists (select 1 from articles a2 join article_entities ae on ae.article_pk = a2.pk
        where a2.story_pk = s.pk and ae.entity_pk = any(${entityPks}::bigint[]))`}
    group by s.pk
    order by s.last_published desc nulls last, s.pk desc
    limit ${limitOf(options.limit)} offset ${options.offset ?? 0}`.execute(db);
  return rows.rows;
}

export interface StoryArticle {
  id: string;
  title: string;
  published: string | null;
  /** The article this one repeats (its id), and how alike they are; null for an original. */
  duplicate_of: string | null;
  similarity: number | null;
}

export interface OutletCoverage {
  outlet: string | null;
  first_published: string | null;
  /** The headline of its first article. */
  headline: string;
  articles: StoryArticle[];
  /** The speakers it quoted, most quoted first. */
  speakers: Array<{ name: string; entity: number | null; quotes: number }>;
  /** Quotes no other outlet of the story carries. */
  only_quotes: Array<{ speaker: string | null; text: string }>;
  /** Entities no other outlet of the story names. */
  only_entities: Array<{ name: string; entity: number }>;
}

/** A dated statement of the story: the time it refers to as [date, until), the TIMEX3 value, and where it stands. */
export type StoryTimelineEntry = Pick<TimelineRow, "date" | "until" | "value" | "mod" | "when" | "statement" | "title" | "published" | "article"> & { outlet: string | null };

export interface StoryDetail extends StoryRow {
  outlets_coverage: OutletCoverage[];
  /** Dated statements of the story's articles (copies of another of its articles left out), by the time they refer to. */
  timeline: StoryTimelineEntry[];
}

/** The comparison's outlets as rows, for the table and CSV: one line each. */
export const OUTLET_COLUMNS = ["outlet", "first_published", "headline", "articles", "duplicates", "speakers", "only_quotes", "only_entities"] as const;

export function outletRows(detail: StoryDetail): Array<Record<(typeof OUTLET_COLUMNS)[number], string | number | null>> {
  return detail.outlets_coverage.map((o) => ({
    outlet: o.outlet,
    first_published: o.first_published,
    headline: o.headline,
    articles: o.articles.length,
    duplicates: o.articles.filter((a) => a.duplicate_of !== null).length,
    speakers: o.speakers.map((s) => `${s.name} ×${s.quotes}`).join("; "),
    only_quotes: o.only_quotes.map((q) => `${q.speaker ?? "?"}: "${q.text}"`).join("; "),
    only_entities: o.only_entities.map((e) => e.name).join("; "),
  }));
}

/** The quote text two outlets must share to carry the same quote: case, spacing and punctuation aside. */
const quoteKey = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

export async function storyById(db: Db, id: number, timelineLimit = 200): Promise<StoryDetail | null> {
  const [row] = (
    await sql<StoryRow>`
      ${SUMMARY}
      from stories s left join articles a on a.story_pk = s.pk where s.pk = ${id} group by s.pk`.execute(db)
  ).rows;
  if (!row) return null;
  const articles = (
    await sql<{ pk: number; id: string; source: string | null; title: string; published: string | null; duplicate_of: string | null; similarity: number | null }>`
      select a.pk::int as pk, a.article_id as id, a.source, a.title, a.published, d.article_id as duplicate_of, a.duplicate_similarity as similarity
      from articles a left join articles d on d.pk = a.duplicate_of
      where a.story_pk = ${id} order by a.published_date nulls last, a.pk`.execute(db)
  ).rows;
  const pks = articles.map((a) => a.pk);
  const quotes = (
    await sql<{ article_pk: number; speaker: string | null; entity: number | null; text: string }>`
      select q.article_pk::int as article_pk, coalesce(ae.name, q.speaker_text) as speaker, q.speaker_entity_pk::int as entity, q.text
      from quotes q left join article_entities ae on ae.pk = q.speaker_article_entity_pk
      where q.article_pk = any(${pks}::bigint[]) order by q.article_pk, q.start_offset`.execute(db)
  ).rows;
  const entities = (
    await sql<{ article_pk: number; entity: number; name: string }>`
      select ae.article_pk::int as article_pk, ae.entity_pk::int as entity, ae.name from article_entities ae
      where ae.article_pk = any(${pks}::bigint[]) order by ae.article_pk, ae.pk`.execute(db)
  ).rows;
  const outletOf = new Map(articles.map((a) => [a.pk, a.source]));
  const outlets = [...new Set(articles.map((a) => a.source))];
  // Which outlets carry each quote and name each entity.
  const quoteOutlets = new Map<string, Set<string | null>>();
  for (const q of quotes) {
    const k = quoteKey(q.text);
    (quoteOutlets.get(k) ?? quoteOutlets.set(k, new Set()).get(k)!).add(outletOf.get(q.article_pk)!);
  }
  const entityOutlets = new Map<number, Set<string | null>>();
  for (const e of entities) (entityOutlets.get(e.entity) ?? entityOutlets.set(e.entity, new Set()).get(e.entity)!).add(outletOf.get(e.article_pk)!);

  const coverage = outlets.map((outlet): OutletCoverage => {
    const own = articles.filter((a) => a.source === outlet);
    const ownPks = new Set(own.map((a) => a.pk));
    const ownQuotes = quotes.filter((q) => ownPks.has(q.article_pk));
    const speakers = new Map<string, { name: string; entity: number | null; quotes: number }>();
    for (const q of ownQuotes) {
      if (!q.speaker) continue;
      const key = q.entity !== null ? `e${q.entity}` : `n${q.speaker}`;
      const s = speakers.get(key) ?? speakers.set(key, { name: q.speaker, entity: q.entity, quotes: 0 }).get(key)!;
      s.quotes++;
    }
    const onlyQuotes = new Map<string, { speaker: string | null; text: string }>();
    for (const q of ownQuotes) if (quoteOutlets.get(quoteKey(q.text))!.size === 1 && outlets.length > 1) onlyQuotes.set(quoteKey(q.text), { speaker: q.speaker, text: q.text });
    const onlyEntities = new Map<number, { name: string; entity: number }>();
    for (const e of entities) if (ownPks.has(e.article_pk) && entityOutlets.get(e.entity)!.size === 1 && outlets.length > 1) onlyEntities.set(e.entity, { name: e.name, entity: e.entity });
    return {
      outlet,
      first_published: own[0]?.published ?? null,
      headline: own[0]?.title ?? "",
      articles: own.map(({ id, title, published, duplicate_of, similarity }) => ({ id, title, published, duplicate_of, similarity })),
      speakers: [...speakers.values()].sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name)),
      only_quotes: [...onlyQuotes.values()],
      only_entities: [...onlyEntities.values()],
    };
  });
  coverage.sort((a, b) => (a.first_published ?? "9999").localeCompare(b.first_published ?? "9999") || (a.outlet ?? "").localeCompare(b.outlet ?? ""));
  // A copy says what its original says: its statements would only repeat the original's.
  const ids = new Set(articles.map((a) => a.id));
  const copies = new Set(articles.filter((a) => a.duplicate_of !== null && ids.has(a.duplicate_of)).map((a) => a.pk));
  const timeline = (
    await sql<StoryTimelineEntry>`
      select to_char(t.value_start, 'YYYY-MM-DD') as date, to_char(t.value_end, 'YYYY-MM-DD') as until, t.value, t.mod, t.text as when,
        t.sentence as statement, a.source as outlet, a.article_id as article, a.title, a.published
      from timexes t join articles a on a.pk = t.article_pk
      where t.article_pk = any(${pks.filter((pk) => !copies.has(pk))}::bigint[]) and t.value_start is not null
      order by t.value_start, t.value_end, a.published_date nulls last, a.pk, t.start_offset limit ${timelineLimit}`.execute(db)
  ).rows.map((t) => ({ ...t, statement: t.statement.replace(/\s+/g, " ").trim() }));
  return { ...row, outlets_coverage: coverage, timeline };
}
