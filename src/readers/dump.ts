import { looksLikeByline, parseByline } from "../stages/text/blocks.js";
import { makeArticleItem } from "./article-id.js";
import type { Line } from "./lines.js";
import { joinWrappedLines } from "./plaintext.js";
import type { ReadItem } from "./types.js";

/** A record of the dump format opens with a line " date <date>[ rest]". */
const RECORD_START = /^ date (\S.*)$/;

/**
 * The date forms a dump header is read in, longest first: ISO ("2022-12-31", "2022-12-31T09:30:00Z"), numbers
 * ("31-12-2022", "12/31/2022"), a month by name ("Dec 31, 2022", "31 December 2022"). The rest of the line follows.
 */
const HEADER_DATES = [
  /^\d{4}(?:-\d{2}(?:-\d{2})?)?(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?(?=\s|$)/,
  /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}(?=\s|$)/,
  /^(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.?,? \d{4})(?=\s|$)/,
];

/** A file is in the dump format when its first line is a record header with a date in one of the known forms. */
export function isDumpFormat(firstLine: string): boolean {
  const m = RECORD_START.exec(firstLine.replace(/^\uFEFF/, ""));
  return m !== null && HEADER_DATES.some((form) => form.test(m[1]!));
}

/** The date and the rest of a header; a date in no known form is the header's first word (reported, never a title). */
function splitHeader(header: string): { date: string; rest: string } {
  for (const form of HEADER_DATES) {
    const m = form.exec(header);
    if (m) return { date: m[0], rest: header.slice(m[0].length).trim() };
  }
  const space = header.search(/\s/);
  return space < 0 ? { date: header, rest: "" } : { date: header.slice(0, space), rest: header.slice(space).trim() };
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
  const { date: published, rest } = splitHeader(match[1]!.trim());
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
  // One line is one paragraph in a dump, unless the text shows a paragraph wrapped over lines.
  return makeArticleItem(
    { title, paragraphs: joinWrappedLines(content), published, section, byline, authors: byline ? parseByline(byline) : [] },
    { file, line: head.number },
  );
}

/** A section label is a few capitalized words without sentence punctuation: "Politics", "Middle East", "US". */
function isSectionLabel(rest: string): boolean {
  if (rest.length > 40 || /[.,!?;:"“”]/.test(rest)) return false;
  const words = rest.split(/\s+/);
  return words.length <= 3 && words.every((w) => /^[A-Z&][\p{L}&'-]*$/u.test(w));
}
