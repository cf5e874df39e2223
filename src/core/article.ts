/** An article as the readers hand it to the pipeline: metadata plus the raw body paragraphs. */
export interface Article {
  /** Stable id: the url when there is one, else a content hash (see `articleId`). */
  id: string;
  /** Outlet or origin ("CNN", "bbc", a file name when nothing better is known). */
  source: string | null;
  url: string | null;
  /** ISO 8601 date, possibly partial ("2023", "2023-03", "2023-03-14", or with a time). */
  published: string | null;
  section: string | null;
  title: string;
  authors: string[];
  /** BCP 47 language tag; readers default to "en". */
  language: string;
  /** Body paragraphs, in order, without the title. Bylines and datelines may still be among them. */
  paragraphs: string[];
  /** Reader hints for the block classifier: paragraphs the format marks explicitly. */
  byline?: string | null;
  /** Fields a reader found but the contract has no place for (JSON Lines). */
  extra?: Record<string, unknown>;
  /** Where the article came from, for error messages: "file.jsonl:12". */
  origin?: string;
}
