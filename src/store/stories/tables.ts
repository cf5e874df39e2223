/** Migration 7's tables and columns as Kysely sees them, beside the store's own (schema.ts). */
import type { ColumnType, Generated, Kysely } from "kysely";
import type { Database } from "../schema.js";

export interface StoryTables {
  article_fingerprints: { article_pk: number; exact_key: string; signature: number[] };
  article_bands: { band_key: number; article_pk: number };
  story_terms: { term: string; df: number };
  story_stream: { docs: number };
  stories: {
    pk: Generated<number>;
    label: string | null;
    created_at: ColumnType<string, string | undefined, never>;
    first_published: string | null;
    last_published: string | null;
    article_count: number;
    state: unknown;
    updated_at: ColumnType<string, string | undefined, string>;
  };
  articles: Database["articles"] & { duplicate_similarity: number | null };
}

export type StoriesDb = Kysely<Omit<Database, "stories" | "articles"> & StoryTables>;

/** The store's database with migration 7's tables typed. */
export function storiesDb(db: Kysely<Database>): StoriesDb {
  return db as unknown as StoriesDb;
}
