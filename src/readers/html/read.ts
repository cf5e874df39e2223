/** The HTML reader: page bytes to one article (or one clear error), with the page's metadata. */
import { makeArticle } from "../article-id.js";
import { decodeText } from "../decode.js";
import type { ReadItem } from "../types.js";
import type { HtmlBlock } from "./blocks.js";
import { extractHtml, HtmlTooLarge, type HtmlArticle } from "./extract.js";

export interface HtmlSource {
  /** The charset the HTTP answer declared. */
  charset?: string | null;
  /** The address the page was fetched from: the article's url when the page names no canonical one. */
  url?: string | null;
}

export function readHtml(bytes: Uint8Array, file: string, source: HtmlSource = {}): ReadItem[] {
  const decoded = decodeText(bytes, { charset: source.charset, html: true });
  const items: ReadItem[] = decoded.warning ? [{ warning: { origin: { file }, message: decoded.warning } }] : [];
  return [...items, htmlItem(decoded.text, file, source.url ?? null)];
}

/** One decoded page as an article item (also what the API's `html` field goes through). */
export function htmlItem(html: string, file: string, url: string | null): ReadItem {
  let page: HtmlArticle;
  try {
    page = extractHtml(html);
  } catch (e) {
    if (e instanceof HtmlTooLarge) return { error: { origin: { file }, message: e.message } };
    // The guards above keep the DOM shallow; should a page still exhaust the stack, it is this page's error alone.
    if (e instanceof RangeError) return { error: { origin: { file }, message: "HTML page too complex to read" } };
    throw e;
  }
  const meta = page.meta;
  const title = meta.title ?? page.title ?? "";
  const all = withoutTitle(page.blocks, title);
  // The byline printed at the top is the article's byline, as the other readers give it, not a paragraph.
  const bylineAt = all.findIndex((b, i) => i < 3 && b.kind === "byline");
  const byline = bylineAt >= 0 ? all[bylineAt]!.text : null;
  const blocks = all.filter((_, i) => i !== bylineAt);
  if (blocks.length === 0) return { error: { origin: { file }, message: "no article text found in the HTML page" } };
  return {
    article: makeArticle(
      {
        title: title || blocks[0]!.text,
        paragraphs: blocks.map((b) => b.text),
        kinds: blocks.map((b) => b.kind),
        source: meta.source,
        url: meta.url ?? (url !== null && /^https?:/i.test(url) ? url : null),
        published: meta.published,
        section: meta.section,
        authors: meta.authors,
        byline,
        language: meta.language,
      },
      { file },
    ),
  };
}

/** The headline repeated at the top of the body (an `<h1>` Readability kept) is the title, not a paragraph. */
function withoutTitle(blocks: HtmlBlock[], title: string): HtmlBlock[] {
  const first = blocks[0];
  if (first && first.kind === "heading" && same(first.text, title)) return blocks.slice(1);
  return blocks;
}

const same = (a: string, b: string): boolean => a.toLowerCase().replace(/\W+/g, "") === b.toLowerCase().replace(/\W+/g, "");

/** The story text of a page as the benchmark scores it: every block but related-article teasers, captions and bylines, one per line. */
export function bodyText(blocks: readonly HtmlBlock[]): string {
  return blocks.filter((b) => b.kind !== "related" && b.kind !== "caption" && b.kind !== "byline").map((b) => b.text).join("\n");
}
