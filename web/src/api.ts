/**
 * The HTTP API as docs/api.md describes it: the answer types and one fetch helper. The UI knows the server only
 * through these shapes; nothing here comes from src/ (the web build has its own layer).
 */
import { withQuery, type Params } from "./url";

export interface Page<T> {
  items: T[];
  /** Offset of the next page, or null on the last. */
  next: number | null;
}

export interface Stats {
  articles: number;
  entities: number;
  quotes: number;
  timexes: number;
  amounts: number;
  sources: { source: string | null; articles: number }[];
  first: string | null;
  last: string | null;
  size: number | string;
}

export interface SnippetSegment {
  text: string;
  hit: boolean;
}

export interface SearchHit {
  rank: number;
  score: number;
  id: string;
  title: string;
  source: string | null;
  published: string | null;
  url: string | null;
  snippet: SnippetSegment[];
}

export interface Span {
  start: number;
  end: number;
}

export type BlockKind =
  | "title"
  | "byline"
  | "dateline"
  | "paragraph"
  | "heading"
  | "caption"
  | "blockquote"
  | "related"
  | "label"
  | "separator"
  | "footer"
  | "credit"
  | "note";

export interface Mention extends Span {
  text: string;
  kind?: "name" | "nominal" | "pronoun";
}

export interface ArticleEntity {
  id: string;
  name: string;
  type: string;
  titles: string[];
  affiliations: string[];
  mentions: Mention[];
}

export interface ArticleQuote extends Span {
  id: string;
  kind: "direct" | "partial" | "indirect";
  text: string;
  cue: string | null;
  speaker: string | null;
  speakerText: string | null;
  cueSpan?: Span | null;
  sourceSpan?: Span | null;
}

export interface Timex extends Span {
  text: string;
  type: string;
  value: string;
  mod: string | null;
}

export interface Amount extends Span {
  text: string;
  value: number;
  unit: string;
  mod?: string | null;
}

export interface Analysis {
  schema: string;
  text: string;
  blocks: (Span & { kind: BlockKind })[];
  entities: ArticleEntity[];
  quotes: ArticleQuote[];
  timexes: Timex[];
  amounts: Amount[];
}

export interface ArticleMeta {
  id: string;
  title: string;
  source: string | null;
  published: string | null;
  url: string | null;
  byline?: string | null;
  section: string | null;
  language: string;
}

/** Another article as the reader links to it: the original it repeats, or one of its copies. */
export interface LinkedArticle {
  id: string;
  title: string;
  source: string | null;
  published: string | null;
  /** How alike the copy and its original are (0.5–1). */
  similarity: number | null;
}

export interface ArticleAnswer {
  article: ArticleMeta;
  analysis: Analysis;
  /** The article's entity ids ("e1") to cross-article entity ids, for links to entity pages. */
  entityLinks: Record<string, number | string>;
  /** The story it belongs to, or null when it is in none yet. */
  story: { id: number; label: string | null; articles: number } | null;
  duplicateOf: LinkedArticle | null;
  /** The articles that repeat this one, earliest first. */
  duplicates: LinkedArticle[];
}

export interface EntitySummary {
  id: number | string;
  name: string;
  type: string;
  aliases: string[];
  articles: number;
  quotes: number;
}

export interface Quote {
  articleId: string;
  title: string;
  source: string | null;
  published: string | null;
  speaker: string | null;
  speakerId: number | string | null;
  kind: string;
  cue: string | null;
  text: string;
  start: number;
  end: number;
}

export interface WeekCount {
  week: string;
  start: string;
  count: number;
}

export interface EntityProfile {
  id: number | string;
  name: string;
  type: string;
  aliases: string[];
  titles: string[];
  affiliations: string[];
  articles: number;
  quotes: number;
  mentions?: number;
  /** Publication dates of its first and last article. */
  firstSeen?: string | null;
  lastSeen?: string | null;
  quotesPerWeek: WeekCount[];
  cooccurring: { id: number | string; name: string; type: string; articles: number }[];
  recentQuotes: Quote[];
}

export interface TimelineItem {
  date: string;
  value: string;
  when: string;
  statement: string;
  speaker: string | null;
  speakerId: number | string | null;
  articleId: string;
  title: string;
  source: string | null;
  published: string | null;
}

export interface StorySummary {
  id: number;
  label: string | null;
  articles: number;
  /** Articles that repeat another of the store (re-posts, syndicated copies). */
  duplicates: number;
  outlets: number;
  firstPublished: string | null;
  lastPublished: string | null;
  /** The headline of its first article. */
  headline: string | null;
}

export interface StoryArticle {
  id: string;
  title: string;
  published: string | null;
  /** The id of the article it repeats, and how alike they are; null for an original. */
  duplicateOf: string | null;
  similarity: number | null;
}

export interface OutletCoverage {
  outlet: string | null;
  firstPublished: string | null;
  headline: string;
  articles: StoryArticle[];
  /** Most quoted first. */
  speakers: { name: string; entityId: number | null; quotes: number }[];
  onlyQuotes: { speaker: string | null; text: string }[];
  onlyEntities: { name: string; entityId: number }[];
}

export interface StoryTimelineItem {
  date: string;
  until: string;
  value: string;
  mod: string | null;
  when: string;
  statement: string;
  outlet: string | null;
  articleId: string;
  title: string;
  published: string | null;
}

/** GET /api/stories/:id: the list's fields with `outlets` as the per-outlet comparison (its count is `outletCount`). */
export interface StoryDetail extends Omit<StorySummary, "outlets"> {
  outletCount: number;
  outlets: OutletCoverage[];
  timeline: StoryTimelineItem[];
}

/** A failed call: the HTTP status (0 when the server could not be reached) and the server's message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** `/api/<path>?<params>`. */
export function apiUrl(path: string, params: Params = {}): string {
  return withQuery(`/api/${path}`, params);
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" }, signal: signal ?? null });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(0, "The server could not be reached. Is `newsgraph serve` running?");
  }
  if (!response.ok) throw new ApiError(response.status, await errorMessage(response));
  try {
    return (await response.json()) as T;
  } catch {
    throw new ApiError(response.status, "The server's answer was not JSON.");
  }
}

/** The message of an `{"error": {...}}` answer, or a plain one from the status. */
async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === "string" && body.error.message) return body.error.message;
  } catch {
    // Not JSON (a proxy's page, say): the status says enough.
  }
  return response.status === 404 ? "Not found." : `The server answered ${response.status} ${response.statusText}.`;
}
