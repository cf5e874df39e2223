import { makeArticleItem } from "./article-id.js";
import type { Line } from "./lines.js";
import type { ReadItem } from "./types.js";

/** The kind of a headline's second line: a heading (the contract has no sub-headline kind; a deck titles the story). */
const SUBHEADLINE = "heading" as const;

/**
 * Plain text: the first non-empty line is the title. When the body has blank lines, they separate
 * paragraphs and the lines inside one are joined (hard-wrapped text); otherwise each line is a paragraph.
 */
export function readPlainText(lines: Line[], file: string): ReadItem[] {
  const firstIndex = lines.findIndex((l) => l.text.trim().length > 0);
  if (firstIndex < 0) return [{ error: { origin: { file }, message: "empty file: no title and no text" } }];
  const title = lines[firstIndex]!.text.trim();
  const body = lines.slice(firstIndex + 1).map((l) => l.text);
  const paragraphs = splitParagraphs(body);
  // "Super PAC ad attack coming;" with "Iowa, N.H. targeted for next two months." on the line below: the headline's
  // second part, a sub-headline, not the story's first paragraph.
  const subheadline = title.endsWith(";") && (body[0]?.trim() ?? "") !== "" && paragraphs.length > 1;
  const draft = { title, paragraphs, ...(subheadline ? { kinds: [SUBHEADLINE] } : {}) };
  return [makeArticleItem(draft, { file, line: lines[firstIndex]!.number })];
}

/**
 * Body lines to paragraphs. Blank lines separate groups; inside a group, each line is a paragraph unless the text says
 * it was wrapped: a group set to a fixed width is one paragraph, and a line that stops mid-sentence ("Editor’s note:
 * Donald Trump regularly" / "incites ...") goes on in the next. Files that put one paragraph on each line keep them.
 */
export function splitParagraphs(bodyLines: string[]): string[] {
  const paragraphs: string[] = [];
  let group: string[] = [];
  const flush = (): void => {
    paragraphs.push(...joinWrappedLines(group));
    group = [];
  };
  for (const line of bodyLines) {
    const t = line.trim();
    if (t === "") flush();
    else group.push(t);
  }
  flush();
  return paragraphs;
}

/** Consecutive lines (trimmed, none empty) to paragraphs, joining those that are one paragraph wrapped. */
export function joinWrappedLines(lines: readonly string[]): string[] {
  if (lines.length === 0) return [];
  if (isFixedWidth(lines)) return [lines.join(" ")];
  const paragraphs: string[] = [lines[0]!];
  for (let i = 1; i < lines.length; i++) {
    const previous = paragraphs[paragraphs.length - 1]!;
    if (continues(previous, lines[i]!)) paragraphs[paragraphs.length - 1] = `${previous} ${lines[i]}`;
    else paragraphs.push(lines[i]!);
  }
  return paragraphs;
}

/** Ends a sentence, or a line that is whole by itself: final punctuation, perhaps inside quotes or brackets. */
const WHOLE_LINE_END = /[.!?:;…]["”’')\]]*$|["”)\]]$/;

/** A line that stops where no sentence can: after a comma, a dash, or a word that needs one after it. */
const OPEN_END = /(?:[,(\-–—]|\b(?:the|a|an|of|and|or|but|to|in|on|for|with|by|at|from|that|as|his|her|their|its))$/i;

function continues(line: string, next: string): boolean {
  if (WHOLE_LINE_END.test(line) || !/\p{L}/u.test(line)) return false; // a rule ("—-") is a line by itself
  return /^[\p{Ll}\d]/u.test(next) || OPEN_END.test(line);
}

/**
 * Text wrapped at a fixed width (72 columns, say): three lines or more, all but the last of about the same length, from
 * 40 to 100 characters, and most of them ending mid-sentence. Short paragraphs one per line end their sentences.
 */
function isFixedWidth(lines: readonly string[]): boolean {
  if (lines.length < 3) return false;
  const body = lines.slice(0, -1);
  const longest = Math.max(...body.map((l) => l.length));
  if (longest < 40 || longest > 100 || body.some((l) => l.length < 0.6 * longest)) return false;
  return body.filter((l) => WHOLE_LINE_END.test(l)).length * 2 <= body.length;
}
