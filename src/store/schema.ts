/**
 * The store's tables as Kysely sees them (docs/store.md describes each). Offsets are UTF-16 code units into
 * `articles.text`, as in the Analysis contract; `*_pk` columns are the store's own bigint keys.
 */
import type { ColumnType, Generated } from "kysely";

/** A column the database fills (defaults, generated columns): never written, always read. */
type ReadOnly<T> = ColumnType<T, never, never>;

export interface ArticlesTable {
  pk: Generated<number>;
  /** The Analysis `article.id`: the url when there is one, else a content hash. */
  article_id: string;
  url: string | null;
  /** sha256 of the Analysis `text`: the same story under another id or url is still the same article. */
  content_hash: string;
  /** sha256 of the article as read (before analysis): unchanged input and analyzer skip the analysis. */
  input_hash: string;
  /** sha256 of the stored Analysis JSON. */
  analysis_hash: string;
  /** Which analyzer wrote it ("newsgraph 0.1.0 text,time,..."). */
  analyzer: string;
  source: string | null;
  section: string | null;
  title: string;
  authors: string[];
  language: string;
  /** As in the contract: ISO 8601, possibly partial ("2023", "2023-03"). */
  published: string | null;
  /** The first day `published` covers, for date filters and ordering. */
  published_date: string | null;
  text: string;
  /** JSON text (migration 6; jsonb before): the Analysis's blocks. */
  blocks: string;
  /** JSON text (migration 6; jsonb before): the whole Analysis, as JSON.stringify made it. */
  analysis: string;
  /** Where it was read from ("file.jsonl:12"). */
  origin: string | null;
  ingested_at: ColumnType<string, string | undefined, string>;
  updated_at: ColumnType<string, string | undefined, string>;
  /** Migration 4: another article this one repeats (room for de-duplication), and the story it belongs to. */
  duplicate_of: number | null;
  story_pk: number | null;
  /** Migration 7: how alike the article is to the one it repeats (MinHash estimate of shingle Jaccard). */
  duplicate_similarity: number | null;
  search: ReadOnly<string>;
  /** Migration 5: title (A) and lead (B), what search ranks by. */
  rank_search: ReadOnly<string>;
}

/** One record per real-world entity across articles. */
export interface EntitiesTable {
  pk: Generated<number>;
  type: string;
  name: string;
  /** What cross-article matching compares ("PERSON:vladimir putin", "GPE:country:RU"); null: never joined. */
  merge_key: string | null;
  /** Titles and affiliation names seen when merging, for the merge's agreement check. */
  titles_seen: string[];
  affiliations_seen: string[];
  created_at: ColumnType<string, string | undefined, never>;
}

/** An entity as one article knows it, linked to its cross-article record. */
export interface ArticleEntitiesTable {
  pk: Generated<number>;
  article_pk: number;
  /** The Analysis entity id ("e1"). */
  local_id: string;
  entity_pk: number;
  name: string;
  type: string;
  titles: string[];
  /** Names of the entities it belongs to in this article. */
  affiliations: string[];
  /** Distinct names it goes by in this article ("Vladimir Putin", "Putin"). */
  aliases: string[];
  /** The name and aliases as names are compared (src/store/names.ts): what `entity` and `--speaker` look up. */
  name_keys: string[];
  mention_count: number;
  /** The article's publication date (migration 8), so an entity's dates need not read its articles. */
  published_date: string | null;
}

export interface MentionsTable {
  pk: Generated<number>;
  article_pk: number;
  article_entity_pk: number;
  start_offset: number;
  end_offset: number;
  text: string;
  kind: string;
}

export interface QuotesTable {
  pk: Generated<number>;
  article_pk: number;
  local_id: string;
  kind: string;
  text: string;
  cue: string | null;
  speaker_article_entity_pk: number | null;
  speaker_entity_pk: number | null;
  speaker_text: string | null;
  start_offset: number;
  end_offset: number;
  cue_start: number | null;
  cue_end: number | null;
  source_start: number | null;
  source_end: number | null;
  search: ReadOnly<string>;
  /** Migration 5: the article's `published_date`, for listing a speaker's quotes newest first from an index. */
  published_date: string | null;
}

export interface TimexesTable {
  pk: Generated<number>;
  article_pk: number;
  text: string;
  type: string;
  value: string;
  mod: string | null;
  start_offset: number;
  end_offset: number;
  /** The dates the value covers, [value_start, value_end): "2023-03" is 2023-03-01 to 2023-04-01; null when not a date. */
  value_start: string | null;
  value_end: string | null;
  value_range: ReadOnly<string | null>;
  /** The sentence the expression stands in: the dated statement. */
  sentence: string;
  sentence_start: number;
  sentence_end: number;
  search: ReadOnly<string>;
}

export interface AmountsTable {
  pk: Generated<number>;
  article_pk: number;
  text: string;
  value: number;
  unit: string;
  mod: string | null;
  start_offset: number;
  end_offset: number;
}

export interface EventsTable {
  pk: Generated<number>;
  article_pk: number;
  local_id: string;
  text: string;
  start_offset: number;
  end_offset: number;
}

export interface StoriesTable {
  pk: Generated<number>;
  label: string | null;
  created_at: ColumnType<string, string | undefined, never>;
  /** Migration 7: the span and size of the story, and the clusterer's state of it (jsonb). */
  first_published: string | null;
  last_published: string | null;
  article_count: number;
  state: unknown;
  updated_at: ColumnType<string, string | undefined, string>;
}

/** Migration 7: an article's MinHash signature and exact key, what its later duplicates are found by. */
export interface ArticleFingerprintsTable {
  article_pk: number;
  exact_key: string;
  signature: number[];
}

/** Migration 7: an LSH band key of an article's signature. */
export interface ArticleBandsTable {
  band_key: number;
  article_pk: number;
}

/** Migration 7: the stories clusterer's document frequency of a term, and its count of documents. */
export interface StoryTermsTable {
  term: string;
  df: number;
}

export interface StoryStreamTable {
  docs: number;
}

export interface MigrationsTable {
  version: number;
  name: string;
  applied_at: ColumnType<string, string | undefined, never>;
}

/** Migration 5: a name key of a cross-article record (any of its article-level entities' `name_keys`). */
export interface EntityNamesTable {
  name_key: string;
  entity_pk: number;
}

export interface Database {
  articles: ArticlesTable;
  entities: EntitiesTable;
  article_entities: ArticleEntitiesTable;
  mentions: MentionsTable;
  quotes: QuotesTable;
  timexes: TimexesTable;
  amounts: AmountsTable;
  events: EventsTable;
  stories: StoriesTable;
  article_fingerprints: ArticleFingerprintsTable;
  article_bands: ArticleBandsTable;
  story_terms: StoryTermsTable;
  story_stream: StoryStreamTable;
  entity_names: EntityNamesTable;
  newsgraph_migrations: MigrationsTable;
}
