import type { ArticleMeta, BlockKind } from "./analysis.js";

/**
 * An article as the readers hand it to the pipeline: the Analysis metadata plus the raw body.
 * `id` is the url when there is one, else a content hash; `published` is ISO 8601, possibly partial.
 */
export interface Article extends ArticleMeta {
  /** Body paragraphs, in order, without the title and byline. A dateline may still open the first. */
  paragraphs: string[];
  /**
   * The kind of each paragraph when the reader knows it from markup (HTML `<h2>`, `<figcaption>`, `<blockquote>`):
   * parallel to `paragraphs`; the text stage keeps a given kind instead of guessing one from the paragraph's form.
   * Absent, or `undefined` at an index, when only the text is known.
   */
  kinds?: (BlockKind | undefined)[];
  /** The byline as printed, when the format gives one ("By Jane Doe"). */
  byline?: string | null;
  /** Fields a reader found but the contract has no place for (JSON Lines). */
  extra?: Record<string, unknown>;
  /** Where the article came from, for error messages: "file.jsonl:12". */
  origin?: string;
}
