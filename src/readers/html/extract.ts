/**
 * One HTML page to its article: metadata from the page as served (readMetadata), the body by Mozilla's Readability
 * over a linkedom DOM, as blocks with the kinds their markup gives (htmlBlocks).
 */
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { htmlBlocks, type HtmlBlock } from "./blocks.js";
import { readMetadata, type PageMeta } from "./metadata.js";

export interface HtmlArticle {
  meta: PageMeta;
  /** The title Readability settled on (the page's headline, site name trimmed), when the metadata has none. */
  title: string | null;
  blocks: HtmlBlock[];
}

/**
 * Pages above this size are refused: the DOM of a page takes ~10x its size in memory and Readability's scoring grows
 * faster than linearly on it. News pages are well under 5 MB; the largest of the Zyte benchmark's is 1.6 MB.
 */
export const MAX_HTML_BYTES = 16 * 1024 * 1024;
/** Readability gives up on documents with more elements than this (its own guard against pathological markup). */
const MAX_ELEMENTS = 100_000;

export class HtmlTooLarge extends Error {}

export function extractHtml(html: string): HtmlArticle {
  if (html.length > MAX_HTML_BYTES) {
    throw new HtmlTooLarge(`HTML page too large: ${(html.length / 1048576).toFixed(1)} MB, the limit is ${MAX_HTML_BYTES / 1048576} MB`);
  }
  const { document } = parseHTML(html);
  const meta = readMetadata(document as unknown as Document);
  let parsed: ReturnType<Readability<Element>["parse"]> = null;
  try {
    parsed = new Readability<Element>(document as unknown as Document, {
      maxElemsToParse: MAX_ELEMENTS,
      serializer: (node) => node as Element,
    }).parse();
  } catch (e) {
    if (!/Aborting parsing document/.test((e as Error).message)) throw e;
    throw new HtmlTooLarge(`HTML page too complex: more than ${MAX_ELEMENTS} elements`);
  }
  const blocks = parsed?.content ? htmlBlocks(parsed.content) : [];
  return { meta, title: parsed?.title?.trim() || null, blocks };
}

/**
 * The blocks of an HTML fragment that is all article (a feed item's content): no Readability, whose boilerplate
 * scoring would drop a short item, only the same block reading and size cap as a page.
 */
export function fragmentBlocks(html: string): HtmlBlock[] {
  if (html.length > MAX_HTML_BYTES) throw new HtmlTooLarge(`HTML content too large: the limit is ${MAX_HTML_BYTES / 1048576} MB`);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return htmlBlocks(document.body as unknown as Element);
}
