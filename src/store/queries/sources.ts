/** The outlets a store holds articles from, with their counts: for the stats page and the source filters. */
import { sql } from "kysely";
import type { Db } from "./common.js";

export interface SourceCount {
  /** The outlet as the articles name it; null for articles that name none. */
  source: string | null;
  articles: number;
}

export async function sourceCounts(db: Db, limit = 1000): Promise<SourceCount[]> {
  return db
    .selectFrom("articles")
    .select(["source", sql<number>`count(*)`.as("articles")])
    .groupBy("source")
    .orderBy("articles", "desc")
    .orderBy("source")
    .limit(limit)
    .execute();
}
