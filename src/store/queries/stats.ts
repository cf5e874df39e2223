/** `newsgraph stats`: how much the store holds, and its size on disk. */
import { sql } from "kysely";
import type { Store } from "../db.js";
import { schemaVersion } from "../migrations/index.js";

export interface StoreStats {
  articles: number;
  sources: number;
  entities: number;
  article_entities: number;
  mentions: number;
  quotes: number;
  timexes: number;
  amounts: number;
  events: number;
  first_published: string | null;
  last_published: string | null;
  schema_version: number;
  size_bytes: number;
  size: string;
  kind: string;
  location: string;
}

export const STATS_COLUMNS: readonly (keyof StoreStats)[] = [
  "articles", "sources", "entities", "article_entities", "mentions", "quotes", "timexes", "amounts", "events",
  "first_published", "last_published", "schema_version", "size", "size_bytes", "kind", "location",
];

export async function stats(store: Store): Promise<StoreStats> {
  const db = store.db;
  const count = async (table: "entities" | "article_entities" | "mentions" | "quotes" | "timexes" | "amounts" | "events") =>
    (await db.selectFrom(table).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).n;
  const articles = await db
    .selectFrom("articles")
    .select([
      sql<number>`count(*)`.as("n"),
      sql<number>`count(distinct source)`.as("sources"),
      sql<string | null>`min(published_date)::text`.as("first"),
      sql<string | null>`max(published_date)::text`.as("last"),
    ])
    .executeTakeFirstOrThrow();
  const size = await store.sizeOnDisk();
  return {
    articles: articles.n,
    sources: articles.sources,
    entities: await count("entities"),
    article_entities: await count("article_entities"),
    mentions: await count("mentions"),
    quotes: await count("quotes"),
    timexes: await count("timexes"),
    amounts: await count("amounts"),
    events: await count("events"),
    first_published: articles.first,
    last_published: articles.last,
    schema_version: await schemaVersion(db),
    size_bytes: size,
    size: humanBytes(size),
    kind: store.kind,
    location: store.location,
  };
}

export function humanBytes(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}
