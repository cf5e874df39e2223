import { looksLikeByline, parseByline } from "../stages/text/blocks.js";
import { makeArticle } from "./article-id.js";
import type { Line } from "./lines.js";
import { splitParagraphs } from "./plaintext.js";
import type { ArticleDraft, ReadItem } from "./types.js";

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
    const draft = jsonToDraft(value);
    if (typeof draft === "string") items.push({ error: { origin, message: draft } });
    else items.push({ article: makeArticle(draft, origin) });
  }
  return items;
}

/** Maps one JSON article object to a draft, or returns why it cannot. */
export function jsonToDraft(value: unknown): ArticleDraft | string {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "expected a JSON object for an article";
  const o = value as Record<string, unknown>;
  const body = o.text ?? o.body;
  if (typeof body !== "string" || body.trim() === "") return 'article has no text (field "text" or "body")';
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (!KNOWN_FIELDS.has(k)) extra[k] = v;
  if (o.id !== undefined) extra.id = o.id;

  const paragraphs = splitParagraphs(body.split(/\r?\n/));
  let title = str(o.title);
  if (!title) title = paragraphs.shift() ?? "";
  const authors = toAuthors(o.authors ?? o.author);
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
    url: str(o.url),
    source: str(o.source),
    published: str(o.published ?? o.date),
    section: str(o.section),
    language: str(o.language),
    extra,
  };
}

function str(v: unknown): string | null {
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (typeof v === "number") return String(v);
  return null;
}

function toAuthors(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((a): a is string => typeof a === "string" && a.trim() !== "").map((a) => a.trim());
  if (typeof v === "string" && v.trim() !== "") return parseByline(v);
  return [];
}
