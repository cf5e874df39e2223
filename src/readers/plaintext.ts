import { makeArticleItem } from "./article-id.js";
import type { Line } from "./lines.js";
import type { ReadItem } from "./types.js";

/**
 * Plain text: the first non-empty line is the title. When the body has blank lines, they separate
 * paragraphs and the lines inside one are joined (hard-wrapped text); otherwise each line is a paragraph.
 */
export function readPlainText(lines: Line[], file: string): ReadItem[] {
  const firstIndex = lines.findIndex((l) => l.text.trim().length > 0);
  if (firstIndex < 0) return [{ error: { origin: { file }, message: "empty file: no title and no text" } }];
  const title = lines[firstIndex]!.text.trim();
  const body = lines.slice(firstIndex + 1).map((l) => l.text);
  return [makeArticleItem({ title, paragraphs: splitParagraphs(body) }, { file, line: lines[firstIndex]!.number })];
}

export function splitParagraphs(bodyLines: string[]): string[] {
  // Leading blank lines (the one after a title, say) say nothing about the body's layout.
  let first = 0;
  while (first < bodyLines.length && bodyLines[first]!.trim() === "") first++;
  const body = bodyLines.slice(first);
  const hasBlank = body.some((l) => l.trim() === "");
  if (!hasBlank) return body.map((l) => l.trim()).filter((l) => l.length > 0);
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of body) {
    const t = line.trim();
    if (t === "") {
      if (current.length > 0) paragraphs.push(current.join(" "));
      current = [];
    } else current.push(t);
  }
  if (current.length > 0) paragraphs.push(current.join(" "));
  return paragraphs;
}
