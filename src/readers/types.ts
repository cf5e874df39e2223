import type { Article } from "../core/article.js";

/** Where a problem was found: the file (or "-" for stdin) and, when known, the 1-based line. */
export interface Origin {
  file: string;
  line?: number;
}

export interface ReadError {
  origin: Origin;
  message: string;
}

/**
 * Readers never throw on bad input: every problem becomes an error item and reading goes on. A warning loses no article
 * (a file decoded as Windows-1252, a date that does not exist and was left out); `skipped` is a file a directory walk
 * passed over for its extension. A reader may attach warnings to the article they concern; `readInput` hands them
 * on as warning items just before it, so every consumer sees one kind.
 */
export type ReadItem = { article: Article; warnings?: ReadError[] } | { error: ReadError } | { warning: ReadError } | { skipped: Origin };

export function formatOrigin(origin: Origin): string {
  return origin.line === undefined ? origin.file : `${origin.file}:${origin.line}`;
}

/** Fields every reader may fill; `makeArticle` supplies the defaults and the id. */
export interface ArticleDraft {
  title: string;
  paragraphs: string[];
  kinds?: (import("../core/analysis.js").BlockKind | undefined)[];
  source?: string | null;
  url?: string | null;
  published?: string | null;
  section?: string | null;
  authors?: string[];
  language?: string | null;
  byline?: string | null;
  extra?: Record<string, unknown>;
}
