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
 * Bounds, so that no page hangs a run (times on this machine, docs/benchmarks.md): a page's bytes past MAX_HTML_BYTES
 * are not read at all; the markup left once scripts, styles and comments are dropped is parsed only up to
 * MAX_MARKUP_CHARS (linkedom and Readability take ~1 s per MB of plain paragraphs); and markup whose unclosed elements
 * would nest deeper than MAX_NESTING is refused before parsing, because parsing and Readability's scoring grow with
 * the square of the depth (50,000 unclosed `<b>` take the parser 30 s; 990 nested `<div>` take Readability 5.5 s of
 * CPU, 290 take 0.3 s). On the Zyte benchmark's dev pages: at most 1.4 MB, nesting estimate at most 290 (median 17).
 */
export const MAX_HTML_BYTES = 16 * 1024 * 1024;
export const MAX_MARKUP_CHARS = 4 * 1024 * 1024;
export const MAX_NESTING = 400;
/** Readability gives up on documents with more elements than this (its own guard against pathological markup). */
const MAX_ELEMENTS = 100_000;

export class HtmlTooLarge extends Error {}

export function extractHtml(html: string): HtmlArticle {
  const document = parsePage(html);
  const meta = readMetadata(document);
  let parsed: ReturnType<Readability<Element>["parse"]> = null;
  try {
    parsed = new Readability<Element>(document, {
      maxElemsToParse: MAX_ELEMENTS,
      keepClasses: true, // htmlBlocks reads a byline by its class
      serializer: (node) => node as Element,
    }).parse();
  } catch (e) {
    if (!/Aborting parsing document/.test((e as Error).message)) throw e;
    throw new HtmlTooLarge(`HTML page too complex: more than ${MAX_ELEMENTS} elements`);
  }
  let blocks = parsed?.content ? htmlBlocks(parsed.content) : [];
  // Readability wants 500 characters of text before it calls anything an article: a short page is read whole (parsed
  // again, since Readability took the first DOM apart), its navigation and forms still dropped by htmlBlocks.
  if (blocks.length === 0) blocks = htmlBlocks(parsePage(html).body);
  return { meta, title: parsed?.title?.trim() || meta.title, blocks };
}

/** Scripts (but JSON-LD, which holds the metadata), styles and comments: never article text, often most of the bytes. */
const NOT_MARKUP = /<script\b(?![^>]*ld\+json)[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->/gi;

function parsePage(html: string): Document {
  if (html.length > MAX_HTML_BYTES) throw new HtmlTooLarge(`HTML page too large: ${mb(html.length)} MB, the limit is ${mb(MAX_HTML_BYTES)} MB`);
  const markup = html.replace(NOT_MARKUP, "");
  if (markup.length > MAX_MARKUP_CHARS) {
    throw new HtmlTooLarge(`HTML page too large: ${mb(markup.length)} MB of markup without scripts and styles, the limit is ${mb(MAX_MARKUP_CHARS)} MB`);
  }
  const depth = nestingEstimate(markup);
  if (depth > MAX_NESTING) throw new HtmlTooLarge(`HTML page nested too deeply: over ${MAX_NESTING} levels of unclosed elements`);
  // linkedom builds no <html> and <body> around a page that has none (the HTML parser of a browser would).
  const whole = /<html[\s>]/i.test(markup) ? markup : `<!doctype html><html><body>${markup}</body></html>`;
  return parseHTML(whole).document as unknown as Document;
}

const mb = (n: number): string => (n / 1048576).toFixed(1).replace(/\.0$/, "");

/** Elements that never nest (void) or that the parser closes by itself when the next one opens: not counted. */
const FLAT = new Set("area base br col embed hr img input link meta source track wbr p li dt dd option tr td th tbody thead tfoot html head body".split(" "));

/** The deepest nesting of open elements, counted in one linear pass over the tags (an upper bound for the parser's). */
function nestingEstimate(markup: string): number {
  let depth = 0;
  let max = 0;
  for (const m of markup.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (FLAT.has(m[2]!.toLowerCase()) || m[3] === "/") continue;
    depth = m[1] === "/" ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}

/**
 * The blocks of an HTML fragment that is all article (a feed item's content): no Readability, whose boilerplate
 * scoring would drop a short item, only the same block reading and size cap as a page.
 */
export function fragmentBlocks(html: string): HtmlBlock[] {
  return htmlBlocks(parsePage(html).body);
}
