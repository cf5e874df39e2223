import { looksLikeByline, parseByline } from "../stages/text/blocks.js";
import { makeArticleItem } from "./article-id.js";
import type { Line } from "./lines.js";
import { splitParagraphs } from "./plaintext.js";
import type { ArticleDraft, Origin, ReadError, ReadItem } from "./types.js";

const KNOWN_FIELDS = new Set(["title", "text", "body", "published", "date", "url", "source", "authors", "author", "section", "language", "id"]);

/** JSON Lines: one article object per line. A bad line is reported with its number; the others are read. */
export function readJsonLines(lines: Line[], file: string): ReadItem[] {
  const items: ReadItem[] = [];
  for (const line of lines) {
    if (line.text.trim() === "") continue;
    const origin = { file, line: line.number };
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch (e) {
      items.push({ error: { origin, message: `not JSON (${(e as Error).message})` } });
      continue;
    }
    const problems: string[] = [];
    const draft = jsonToDraft(value, problems);
    if (typeof draft === "string") {
      items.push({ error: { origin, message: draft } });
      continue;
    }
    const item = makeArticleItem(draft, origin);
    if ("article" in item && problems.length > 0) item.warnings = [...warningsAt(origin, problems), ...(item.warnings ?? [])];
    items.push(item);
  }
  return items;
}

function warningsAt(origin: Origin, problems: string[]): ReadError[] {
  return problems.map((message) => ({ origin, message }));
}

/**
 * Maps one JSON article object to a draft, or returns why it cannot. A known field of the wrong type ("title": 7) is
 * left out and said in `problems`; a text of the wrong type is an error, since there is no article without it.
 */
export function jsonToDraft(value: unknown, problems: string[] = []): ArticleDraft | string {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "expected a JSON object for an article";
  const o = value as Record<string, unknown>;
  const bodyField = o.text !== undefined && o.text !== null ? "text" : "body";
  const body = o[bodyField];
  if (body !== undefined && body !== null && typeof body !== "string") return `${bodyField} is ${typeName(body)}, expected a string`;
  if (typeof body !== "string" || body.trim() === "") return 'article has no text (field "text" or "body")';
  const str = (field: string): string | null => {
    const v = o[field];
    if (typeof v === "string") return v.trim() === "" ? null : v.trim();
    if (v !== undefined && v !== null) problems.push(`${field} is ${typeName(v)}, expected a string: left out`);
    return null;
  };
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (!KNOWN_FIELDS.has(k)) extra[k] = v;
  if (o.id !== undefined) extra.id = o.id;

  const paragraphs = splitParagraphs(body.split(/\r?\n/));
  let title = str("title");
  if (!title) title = paragraphs.shift() ?? "";
  const authorsField = o.authors !== undefined ? "authors" : "author";
  const authors = toAuthors(o[authorsField], authorsField, problems);
  let byline: string | null = null;
  if (authors.length === 0 && paragraphs.length > 1 && /^by\s/i.test(paragraphs[0]!) && looksLikeByline(paragraphs[0]!)) {
    byline = paragraphs.shift()!;
    authors.push(...parseByline(byline));
  }
  return {
    title,
    paragraphs,
    byline,
    authors,
    url: str("url"),
    source: str("source"),
    published: str(o.published !== undefined ? "published" : "date"),
    section: str("section"),
    language: str("language"),
    extra,
  };
}

/** "a number", "an array", "an object", "a boolean": the JSON type, as a message names it. */
function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

function toAuthors(v: unknown, field: string, problems: string[]): string[] {
  if (Array.isArray(v)) {
    if (v.some((a) => typeof a !== "string")) problems.push(`${field} holds ${typeName(v.find((a) => typeof a !== "string"))}, expected strings: left out`);
    return v.filter((a): a is string => typeof a === "string" && a.trim() !== "").map((a) => a.trim());
  }
  if (typeof v === "string") return v.trim() === "" ? [] : parseByline(v);
  if (v !== undefined && v !== null) problems.push(`${field} is ${typeName(v)}, expected a string or a list of strings: left out`);
  return [];
}
