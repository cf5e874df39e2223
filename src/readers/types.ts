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
 * Readers never throw on bad input: every problem becomes an error item and reading goes on. An article read with
 * something the reader had to leave out (a date that does not exist) carries warnings, to print once each.
 */
export type ReadItem = { article: Article; warnings?: ReadError[] } | { error: ReadError };

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
