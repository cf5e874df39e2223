/**
 * The HTTP API as docs/api.md describes it: the answer types and one fetch helper. The UI knows the server only
 * through these shapes; nothing here comes from src/ (the web build has its own layer). The answers' types are
 * read from api-schema.ts, generated from the server's OpenAPI document (`npm run gen:api-types`), so they follow
 * the route schemas; the Analysis inside an article answer is typed here, after docs/analysis-schema.md.
 */
import type { components, paths } from "./api-schema";
import { withQuery, type Params } from "./url";

/** The JSON answer (HTTP 200) of `GET <path>`, as the server's OpenAPI document says (api-schema.ts, generated). */
type Answer<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { "application/json": infer A } } } } }
  ? A
  : never;

/** The element type of an array. */
type Item<T> = T extends readonly (infer I)[] ? I : never;

/** A list answer: its items and the offset of the next page, or null on the last. */
export interface Page<T> {
  items: T[];
  next: number | null;
}

export type Stats = Answer<"/api/stats">;

export type SearchHit = Item<Answer<"/api/search">["items"]>;
export type SnippetSegment = Item<SearchHit["snippet"]>;

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

type ArticleAnswerWire = Answer<"/api/articles/{id}">;
export type ArticleMeta = ArticleAnswerWire["article"];
/** Another article as the reader links to it: the original it repeats, or one of its copies. */
export type LinkedArticle = Item<ArticleAnswerWire["duplicates"]>;
/** GET /api/articles/:id, with the Analysis typed here (the API schema leaves it an open object). */
export type ArticleAnswer = Omit<ArticleAnswerWire, "analysis"> & { analysis: Analysis };

export type EntitySummary = Item<Answer<"/api/entities">["items"]>;
export type Quote = components["schemas"]["Quote"];
export type EntityProfile = Answer<"/api/entities/{id}">;
export type WeekCount = Item<EntityProfile["quotesPerWeek"]>;
export type TimelineItem = Item<Answer<"/api/timeline">["items"]>;

export type StorySummary = Item<Answer<"/api/stories">["items"]>;
/** GET /api/stories/:id: the list's fields with `outlets` as the per-outlet comparison (its count is `outletCount`). */
export type StoryDetail = Answer<"/api/stories/{id}">;
export type OutletCoverage = Item<StoryDetail["outlets"]>;
export type StoryArticle = Item<OutletCoverage["articles"]>;
export type StoryTimelineItem = Item<StoryDetail["timeline"]>;

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
