/**
 * Entities for the API: finding records by name or alias (a search box), and one record by its id with what its
 * page shows (quotes per ISO week, the entities it appears with, its latest quotes). `entity` (entity.ts, the CLI's)
 * looks up by name only; these take and give record ids so that pages can link to each other.
 */
import { sql } from "kysely";
import { articleCount, type Db, namedRecords } from "./common.js";
import { normalizeName } from "../names.js";
import { type Page, type PageOptions, toPage } from "./page.js";
import { entityProfile, PROFILE_SAMPLE } from "./entity.js";
import { quotePage, type QuoteRow } from "./quotes.js";


export interface EntitySearchOptions extends PageOptions {
  /** A name or alias; also matches records whose name contains it (3 characters or more). */
  name: string;
  /** PERSON, ORG, GPE, ... */
  type?: string | undefined;
}

export interface EntitySummary {
  id: number;
  name: string;
  type: string;
  /** The names it goes by, the most used first (at most 10). */
  aliases: string[];
  articles: number;
  quotes: number;
}

/** Names shorter than this only match exactly: a substring of one or two letters fits nearly every record. */
const MIN_PARTIAL = 3;

/** Records one of whose names is `name` (case, accents, punctuation aside) first, then those whose name contains it. */
export async function findEntities(db: Db, options: EntitySearchOptions): Promise<Page<EntitySummary>> {
  const key = normalizeName(options.name);
  if (key === "") return { items: [], next: null };
  const partial = key.length >= MIN_PARTIAL ? `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await db
    .with("candidates", (qb) => {
      const exact = qb.selectFrom(namedRecords(db, key).as("n")).select(["n.pk", sql<number>`0`.as("tier")]);
      return partial === null ? exact : exact.union(qb.selectFrom("entities").select(["pk", sql<number>`1`.as("tier")]).where(sql`lower(name)`, "like", partial));
    })
    .with("best", (qb) => qb.selectFrom("candidates").select(["pk", sql<number>`min(tier)`.as("tier")]).groupBy("pk"))
    .selectFrom("best as b")
    .innerJoin("entities as e", "e.pk", "b.pk")
    .select([
      "e.pk",
      "e.name",
      "e.type",
      "b.tier",
      (eb) => articleCount(eb.ref("e.pk")).as("articles"),
      (eb) => eb.selectFrom("quotes as q").select(sql<number>`count(*)`.as("n")).whereRef("q.speaker_entity_pk", "=", "e.pk").as("quotes"),
    ])
    .$if(options.type !== undefined, (w) => w.where("e.type", "=", options.type!))
    .orderBy("b.tier")
    .orderBy("articles", "desc")
    .orderBy("e.pk")
    .limit(options.limit + 1)
    .offset(options.offset)
    .execute();
  const page = toPage(rows, options);
  const names = await namesOf(db, page.items.map((r) => r.pk));
  return {
    next: page.next,
    items: page.items.map((r) => ({
      id: r.pk,
      name: names.get(r.pk)?.[0] ?? r.name,
      type: r.type,
      aliases: names.get(r.pk) ?? [],
      articles: r.articles ?? 0,
      quotes: r.quotes ?? 0,
    })),
  };
}

/**
 * Each record's names and aliases over its latest PROFILE_SAMPLE articles (a place in 36,000 articles must not make
 * a page of names read them all), the most used first, at most `max` each.
 */
async function namesOf(db: Db, pks: number[], max = 10): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (pks.length === 0) return map;
  // One sampled branch per record, each with its own key as a parameter: planned for that record (a place in 36,000
  // articles reads its index in order and stops), where one lateral join is planned for the average record and
  // sorts all the rows of a large one.
  const sampled = pks.map(
    (pk) => sql`(select ae.entity_pk, ae.name, ae.aliases from article_entities ae where ae.entity_pk = ${pk}
      order by ae.published_date desc nulls last, ae.article_pk desc limit ${PROFILE_SAMPLE})`,
  );
  const { rows } = await sql<{ entity_pk: number; value: string; n: number }>`
    select r.entity_pk, v.value, count(*) as n
    from (${sql.join(sampled, sql` union all `)}) as r
    cross join lateral unnest(array_prepend(r.name, r.aliases)) as v(value)
    group by r.entity_pk, v.value
    order by r.entity_pk, n desc, v.value`.execute(db);
  for (const r of rows) {
    const list = map.get(Number(r.entity_pk)) ?? [];
    if (list.length < max && !list.includes(r.value)) list.push(r.value);
    map.set(Number(r.entity_pk), list);
  }
  return map;
}

export interface WeekCount {
  /** ISO week, "2022-W05". */
  week: string;
  /** Its Monday, "2022-01-31". */
  start: string;
  count: number;
}

export interface EntityDetail extends EntitySummary {
  titles: string[];
  affiliations: string[];
  mentions: number;
  first_seen: string | null;
  last_seen: string | null;
  /** Quotes by publication week of their article (articles without a date are left out). */
  quotesPerWeek: WeekCount[];
  /** The records it appears with in most articles. */
  cooccurring: { id: number; name: string; type: string; articles: number }[];
  /** Its newest quotes. */
  recentQuotes: QuoteRow[];
}

export interface EntityDetailOptions {
  /** How many co-occurring records (default 30). */
  cooccurring?: number;
  /** How many recent quotes (default 20). */
  recentQuotes?: number;
}

export async function entityById(db: Db, id: number, options: EntityDetailOptions = {}): Promise<EntityDetail | null> {
  // The profile is the CLI's (`entity`); the page adds the names as the list shows them, quotes per week, recent quotes.
  const [profile, names, weeks, recent] = await Promise.all([
    entityProfile(db, id, options.cooccurring ?? 30),
    namesOf(db, [id], 20),
    db
      // The article's date as each quote carries it (migration 5): the speaker's index, not every article read.
      .selectFrom("quotes as q")
      .select([
        sql<string>`to_char(q.published_date, 'IYYY-"W"IW')`.as("week"),
        sql<string>`date_trunc('week', q.published_date)::date::text`.as("start"),
        sql<number>`count(*)`.as("count"),
      ])
      .where("q.speaker_entity_pk", "=", id)
      .where("q.published_date", "is not", null)
      .groupBy(["week", "start"])
      .orderBy("start")
      .execute(),
    quotePage(db, { speakerId: id, limit: options.recentQuotes ?? 20, offset: 0 }),
  ]);
  if (!profile) return null;
  const aliases = names.get(id) ?? [];
  return {
    id: profile.id,
    name: aliases[0] ?? profile.name,
    type: profile.type,
    aliases,
    titles: profile.titles,
    affiliations: profile.affiliations,
    articles: profile.articles,
    quotes: profile.quotes,
    mentions: profile.mentions,
    first_seen: profile.first_seen,
    last_seen: profile.last_seen,
    quotesPerWeek: weeks,
    cooccurring: profile.appears_with,
    recentQuotes: recent.items,
  };
}
