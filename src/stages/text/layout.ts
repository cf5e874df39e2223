import type { ArticleMeta, Block, BlockKind } from "../../core/analysis.js";
import type { Article } from "../../core/article.js";
import { Doc } from "../../core/doc.js";
import { classifyParagraph, findDateline, isAuthorFooter } from "./blocks.js";

const SEPARATOR = "\n\n";

/**
 * Lays an article out as one text — title, byline, then the body blocks, separated by blank lines —
 * and classifies each block. The source's characters are kept; only a stray " ." left after a
 * paragraph's own final punctuation is dropped (before offsets exist, so they stay valid).
 */
export function layoutArticle(article: Article): Doc {
  const parts: { kind: BlockKind; text: string }[] = [];
  const title = article.title.trim();
  if (title.length > 0) parts.push({ kind: "title", text: title });
  if (article.byline && article.byline.trim().length > 0) parts.push({ kind: "byline", text: article.byline.trim() });

  let source = article.source;
  const body = article.paragraphs.map((p, i) => ({ text: cleanParagraph(p), given: article.kinds?.[i] })).filter((p) => p.text.length > 0);
  const datelineAt = findOpeningDateline(body);
  let inNotes = false; // after a bare "CORRECTION:" the rest of the article is the correction
  for (let i = 0; i < body.length; i++) {
    const { text: paragraph, given } = body[i]!;
    // The reader may know the kind from markup: trust it over the paragraph's form. A marked-up paragraph can still
    // open with a dateline.
    if (given !== undefined && given !== "paragraph") {
      parts.push({ kind: given, text: paragraph });
      continue;
    }
    if (i === datelineAt) {
      const dateline = findDateline(paragraph)!;
      parts.push({ kind: "dateline", text: paragraph.slice(0, dateline.length) });
      if (!source && dateline.source) source = dateline.source;
      // The story goes on in the same line: keep it in the text without the blank-line separator.
      parts.push({ kind: "paragraph", text: paragraph.slice(dateline.length).trimStart() });
      continue;
    }
    let kind = given ?? classifyParagraph(paragraph);
    // A short line before the dateline is the sub-headline ("Plan would create huge experiment ...", then "LOS ANGELES - ...").
    if (i < datelineAt && kind === "paragraph") kind = "heading";
    if (inNotes) kind = "note";
    else if (kind === "note" && NOTE_OPENER.test(paragraph)) inNotes = true;
    if (kind === "paragraph" && i >= body.length - 2 && isAuthorFooter(paragraph)) kind = "footer";
    parts.push({ kind, text: paragraph });
  }

  let text = "";
  const blocks: Block[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i > 0) text += parts[i - 1]!.kind === "dateline" ? " " : SEPARATOR;
    blocks.push({ kind: part.kind, start: text.length, end: text.length + part.text.length });
    text += part.text;
  }
  const meta: ArticleMeta = {
    id: article.id,
    source,
    url: article.url,
    published: article.published,
    section: article.section,
    title: article.title,
    authors: article.authors,
    language: article.language,
    ...(article.extra ? { extra: article.extra } : {}),
  };
  return new Doc(meta, text, blocks);
}

/** A note's heading alone on its line: what follows it is the note. */
const NOTE_OPENER = /^(?:corrections?|clarification|editor[’']?s[’']? note)\s*:?$/i;

/**
 * Where the story's dateline is: the first body paragraph, or the second when the first is a short sub-headline
 * without one ("Amid fury at the system, she's seen as ..."). -1 when there is none.
 */
function findOpeningDateline(body: readonly { text: string; given: BlockKind | undefined }[]): number {
  let unmarked = 0; // paragraphs whose kind the reader did not give: those marked up are passed over
  for (let i = 0; i < body.length && unmarked < 2; i++) {
    const { text, given } = body[i]!;
    if (given !== undefined && given !== "paragraph") continue;
    unmarked++;
    if (findDateline(text)) return i;
    if (text.length > SUBHEADLINE_MAX || /[.!?]["”’']?\s+\S/.test(text)) return -1; // a story paragraph: no dateline later
  }
  return -1;
}

/** Longest sub-headline that may stand before a dateline: one line of a page's deck. */
const SUBHEADLINE_MAX = 160;

/** Trims, and drops a stray " ." after final punctuation ("killing at least three people. ."). */
export function cleanParagraph(paragraph: string): string {
  const p = paragraph.trim();
  // Walk back over the " ." pairs instead of slicing once per pair: "x. . . . ." repeated is linear, not quadratic.
  let end = p.length;
  for (;;) {
    let e = end;
    if (e < 3 || p.charCodeAt(e - 1) !== 46 || p.charCodeAt(e - 2) !== 32 || !FINAL.includes(p.charAt(e - 3))) break;
    e -= 2;
    while (e > 0 && isTrimmable(p.charCodeAt(e - 1))) e--;
    end = e;
  }
  return end === p.length ? p : p.slice(0, end);
}

const FINAL = '.!?"”’';

/** What String.prototype.trimEnd removes before the pair: spaces and line terminators. */
function isTrimmable(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
