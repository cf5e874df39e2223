import { looksLikeByline, parseByline } from "../stages/text/blocks.js";
import { makeArticle } from "./article-id.js";
import type { Line } from "./lines.js";
import type { ReadItem } from "./types.js";

/** A record of the dump format opens with a line " date YYYY-MM-DD[ rest]". */
const RECORD_START = /^ date (\d{4}(?:-\d{2}(?:-\d{2})?)?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)(?:\s+(.*))?$/;

export function isDumpFormat(firstLine: string): boolean {
  return RECORD_START.test(firstLine.replace(/^\uFEFF/, ""));
}

/**
 * The dump format: " date <ISO date>[ rest]", the headline, the byline, then one paragraph per line;
 * a file may hold many records. The rest of the date line is a section label ("Politics") or,
 * in some dumps, already the first words of the text.
 */
export function readDump(lines: Line[], file: string): ReadItem[] {
  const items: ReadItem[] = [];
  let record: Line[] = [];
  const flush = (): void => {
    if (record.length > 0) items.push(parseRecord(record, file));
    record = [];
  };
  for (const line of lines) {
    if (RECORD_START.test(line.text)) flush();
    record.push(line);
  }
  flush();
  return items;
}

function parseRecord(record: Line[], file: string): ReadItem {
  const head = record[0]!;
  const match = RECORD_START.exec(head.text);
  if (!match) return { error: { origin: { file, line: head.number }, message: 'expected a record to start with " date YYYY-MM-DD"' } };
  const published = match[1]!;
  const rest = (match[2] ?? "").trim();
  const content = record.slice(1).map((l) => l.text.trim()).filter((t) => t.length > 0);
  let section: string | null = null;
  if (rest.length > 0) {
    if (isSectionLabel(rest)) section = rest;
    else content.unshift(rest);
  }
  const title = content.shift();
  if (title === undefined) return { error: { origin: { file, line: head.number }, message: "record has no headline and no text" } };
  let byline: string | null = null;
  if (content.length > 1 && looksLikeByline(content[0]!)) byline = content.shift()!;
  return {
    article: makeArticle(
      { title, paragraphs: content, published, section, byline, authors: byline ? parseByline(byline) : [] },
      { file, line: head.number },
    ),
  };
}

/** A section label is a few capitalized words without sentence punctuation: "Politics", "Middle East", "US". */
function isSectionLabel(rest: string): boolean {
  if (rest.length > 40 || /[.,!?;:"“”]/.test(rest)) return false;
  const words = rest.split(/\s+/);
  return words.length <= 3 && words.every((w) => /^[A-Z&][\p{L}&'-]*$/u.test(w));
}
