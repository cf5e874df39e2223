/**
 * An extracted article's DOM as paragraphs, each with the block kind its markup gives: `<h2>`–`<h6>` are headings,
 * `<figcaption>` captions, `<blockquote>` block quotes, an element classed byline or author the byline, a list of links (or a "Read more: ..." line) related-article
 * teasers. A table row is one paragraph. Text inside a block is whitespace-normalized; a `<br>` or a nested block ends a paragraph.
 */
import type { BlockKind } from "../../core/analysis.js";

export interface HtmlBlock {
  text: string;
  kind: BlockKind;
  /** The share of the text that is link text: near 1 for navigation and teaser lines. */
  linkDensity: number;
}

/** Elements that start and end a paragraph of their own. */
const BLOCK = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DETAILS", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE", "FOOTER", "FORM",
  "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE",
  "TBODY", "THEAD", "TFOOT", "TR", "UL", "CAPTION",
]);
/** Elements whose text is never article text. */
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "BUTTON", "SELECT", "TEXTAREA", "IFRAME", "OBJECT", "NAV", "FORM", "TITLE"]);

/** "Read more: ...", "RELATED: ...", "See also ...": a teaser line, not story text. */
const TEASER = /^(?:read (?:more|next|also)|related(?: (?:story|stories|articles?|coverage|content))?|see also|more on this(?: story)?|also read)\b/i;

/** Page furniture Readability keeps: ad slots, "continue reading" prompts, gallery counters. Left out of the body. */
const FURNITURE = /^(?:advert(?:isement)?|ad|continue reading(?: below)?|skip to (?:main )?content|sign in|log in|image \d+ of \d*(?: \/ \d+)?|this slideshow requires javascript\.?|close|caption|share(?: this)?(?: article| story)?|comments?)$/i;
/** "Photo: Jane Doe, AP", "(Image: GETTY)", "Credit: EPA": a picture's credit line. */
const PHOTO_CREDIT = /^\(?(?:photo|image|picture|credit|source|video)s?\s*:\s*[^.]{0,80}\)?$/i;

export function htmlBlocks(root: Element): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let buffer: string[] = [];
  let linked = 0;
  let inLink = 0;
  const kinds: BlockKind[] = [];
  const flush = (): void => {
    const raw = buffer.join("");
    const text = raw.replace(/\s+/g, " ").trim();
    const density = linked / Math.max(1, norm(raw).length);
    buffer = [];
    linked = 0;
    if (text === "") return;
    blocks.push({ text, kind: kinds[kinds.length - 1] ?? "paragraph", linkDensity: density });
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? "";
      buffer.push(t);
      if (inLink > 0) linked += norm(t).length;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === "BR") {
      flush();
      return;
    }
    const block = BLOCK.has(tag);
    const kind = block ? kindOf(el, tag) : null;
    if (block) flush();
    if (kind) kinds.push(kind);
    if (tag === "TD" || tag === "TH") buffer.push(" "); // a table row is one paragraph, its cells words apart
    if (tag === "A") inLink++;
    for (const child of el.childNodes) walk(child);
    if (tag === "A") inLink--;
    if (block) flush();
    if (kind) kinds.pop();
  };
  walk(root);
  return blocks.filter((b) => !FURNITURE.test(b.text)).map(markTeaser);
}

/** The kind an element gives the paragraphs inside it, or null when it gives none (they keep the enclosing one). */
function kindOf(el: Element, tag: string): BlockKind | null {
  if (/^H[2-6]$/.test(tag)) return "heading";
  if (tag === "H1") return "heading";
  if (tag === "FIGCAPTION" || tag === "CAPTION" || tag === "FIGURE") return "caption";
  if (tag === "BLOCKQUOTE") return "blockquote";
  if ((tag === "UL" || tag === "OL") && isLinkList(el)) return "related";
  if (BYLINE.test(`${el.getAttribute("class") ?? ""} ${el.getAttribute("itemprop") ?? ""} ${el.getAttribute("rel") ?? ""}`)) return "byline";
  return null;
}

/** The class, itemprop or rel of a byline's element ("byline", "article-author", itemprop="author"). */
const BYLINE = /(?:^|[\s_-])(?:byline|author)(?:$|[\s_-])/i;

/** A list of two or more items whose text is nearly all link text: "More stories", "Related coverage". */
function isLinkList(list: Element): boolean {
  const items = [...list.children].filter((c) => c.tagName.toUpperCase() === "LI");
  if (items.length < 2) return false;
  const all = norm(list.textContent).length;
  if (all === 0) return false;
  let linked = 0;
  for (const a of list.querySelectorAll("a")) linked += norm(a.textContent).length;
  return linked / all > 0.8;
}

/** Above this share of link text a paragraph is navigation or a teaser (chosen on zyte-dev: 0.7-0.9 score alike). */
const LINK_DENSE = 0.8;

function markTeaser(block: HtmlBlock): HtmlBlock {
  if (block.kind !== "paragraph") return block;
  if ((TEASER.test(block.text) && block.text.length < 300) || block.linkDensity > LINK_DENSE) return { ...block, kind: "related" };
  if (PHOTO_CREDIT.test(block.text)) return { ...block, kind: "caption" };
  return block;
}

function norm(s: string | null): string {
  return (s ?? "").replace(/\s+/g, "");
}
