/**
 * RSS 2.0 (also RSS 1.0 / RDF) and Atom feeds to articles, one per item: the body from `content:encoded` (RSS) or
 * `<content>` (Atom) as HTML, else the summary (`description`, `<summary>`) with the item's link as its url. Dates,
 * authors (`author`, `dc:creator`, Atom `author/name`) and categories come with it; the feed's title is the source.
 * A file that is not well-formed XML, or XML that is no feed, is one clear error.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { decodeEntities, escapeXml } from "../../corpora/xml.js";
import { makeArticle } from "../article-id.js";
import type { HtmlBlock } from "../html/blocks.js";
import { fragmentBlocks, HtmlTooLarge } from "../html/extract.js";
import type { ReadItem } from "../types.js";

type Node = Record<string, unknown>;

/** Elements that may repeat: always arrays, so one item and many read alike. */
const REPEATED = new Set(["item", "entry", "category", "link", "author", "dc:creator", "dc:subject"]);
/** Atom's content and summary may be inline XHTML: kept as raw markup rather than parsed into objects. */
const RAW = ["feed.entry.content", "feed.entry.summary"];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  isArray: (name) => REPEATED.has(name),
  stopNodes: RAW,
  processEntities: true,
  htmlEntities: true,
});

export function looksLikeFeed(head: string): boolean {
  return /<(?:rss|feed|rdf:RDF)[\s>]/.test(head.slice(0, 4096));
}

export function readFeed(text: string, file: string): ReadItem[] {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return [{ error: { origin: { file, line: valid.err.line }, message: `not a feed: malformed XML (${xmlProblem(valid.err.msg)})` } }];
  const doc = parser.parse(text) as Node;
  const rss = (doc.rss as Node | undefined)?.channel as Node | undefined;
  const rdf = doc["rdf:RDF"] as Node | undefined;
  const atom = doc.feed as Node | undefined;
  const channel = rss ?? (rdf?.channel as Node | undefined) ?? atom;
  const entries = (rss?.item ?? rdf?.item ?? atom?.entry) as Node[] | undefined;
  if (!channel && !rdf) return [{ error: { origin: { file }, message: "not a feed: XML without <rss>, <rdf:RDF> or Atom <feed>" } }];
  if (!entries || entries.length === 0) return [{ error: { origin: { file }, message: "feed has no items" } }];
  const feed = { source: textOf(channel?.title), language: textOf(channel?.language) ?? attr(atom, "xml:lang") };
  return entries.map((entry, i) => itemToArticle(entry, i + 1, file, feed));
}

function itemToArticle(item: Node, n: number, file: string, feed: { source: string | null; language: string | null }): ReadItem {
  const link = itemLink(item);
  const html = rawText(item["content:encoded"]) ?? atomText(item.content) ?? rawText(item.description) ?? atomText(item.summary);
  let blocks: HtmlBlock[] = [];
  try {
    if (html !== null) blocks = fragmentBlocks(html);
  } catch (e) {
    if (!(e instanceof HtmlTooLarge)) throw e;
    return { error: { origin: { file }, message: `feed item ${n}: ${e.message}` } };
  }
  const title = textOf(item.title) ?? "";
  if (blocks.length === 0) return { error: { origin: { file }, message: `feed item ${n}${title ? ` ("${title}")` : ""} has no text (no content, summary or description)` } };
  const categories = list(item.category).map((c) => textOf(c) ?? attr(c, "term")).filter((c): c is string => c !== null);
  const authors = [...list(item["dc:creator"]), ...list(item.author)].map((a) => textOf(a) ?? textOf((a as Node)?.name)).filter((a): a is string => a !== null);
  return {
    article: makeArticle(
      {
        title: title || blocks[0]!.text,
        paragraphs: blocks.map((b) => b.text),
        kinds: blocks.map((b) => b.kind),
        url: link,
        source: feed.source,
        language: feed.language,
        published: textOf(item.pubDate) ?? textOf(item["dc:date"]) ?? textOf(item.published) ?? textOf(item.updated),
        section: categories[0] ?? null,
        authors: authors.map((a) => a.replace(/^[^\s@]+@\S+\s+\((.+)\)$/, "$1")), // RSS: "jane@example.com (Jane Doe)"
        ...(categories.length > 1 ? { extra: { categories } } : {}),
      },
      { file },
    ),
  };
}

/** RSS `<link>` text, or Atom's `<link rel="alternate" href>` (a link without rel is alternate). */
function itemLink(item: Node): string | null {
  for (const l of list(item.link)) {
    const text = textOf(l);
    if (text && /^https?:/i.test(text)) return text;
    const rel = attr(l, "rel") ?? "alternate";
    const href = attr(l, "href");
    if (rel === "alternate" && href && /^https?:/i.test(href)) return href;
  }
  const guid = item.guid;
  const permalink = attr(guid, "isPermaLink") !== "false" ? textOf(guid) : null;
  return permalink && /^https?:/i.test(permalink) ? permalink : null;
}

/** An Atom text construct (kept raw): type="xhtml" is markup already, "html" escaped markup, "text" plain text. */
function atomText(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  const raw = typeof v === "string" ? v : textOf(v);
  if (raw === null) return null;
  const type = attr(v, "type") ?? "text";
  const unwrapped = raw.replace(/^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/, "$1");
  if (type === "xhtml") return unwrapped;
  const decoded = unwrapped === raw ? decodeEntities(raw) : unwrapped;
  return type === "html" ? decoded : escapeXml(decoded).replace(/\n\s*\n/g, "<p>");
}

function rawText(v: unknown): string | null {
  const t = typeof v === "string" ? v : textOf(v);
  return t && t.trim() !== "" ? t : null;
}

function textOf(v: unknown): string | null {
  if (Array.isArray(v)) return textOf(v[0]);
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (v !== null && typeof v === "object") return textOf((v as Node)["#text"]);
  return null;
}

function attr(v: unknown, name: string): string | null {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return null;
  const a = (v as Node)[`@_${name}`];
  return typeof a === "string" ? a : null;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** The validator's message, said plainly: it reports tags left open at the end as "Invalid '[ "rss", "item" ]' found." */
function xmlProblem(msg: string): string {
  const open = /^Invalid '\[([^\]]*)\]' found/.exec(msg);
  if (open) return `unclosed tags: ${[...open[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]).join(", ")}`;
  return msg.replace(/\s+/g, " ");
}
