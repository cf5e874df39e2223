/** An article as the API takes it: the JSON Lines fields `analyze` and `ingest` read (docs/input-formats). */
import type { Article } from "../../core/article.js";
import { makeArticle } from "../../readers/article-id.js";
import { htmlItem } from "../../readers/html/read.js";
import { jsonToDraft } from "../../readers/jsonl.js";
import { HttpError } from "../errors.js";

const text = { type: "string" } as const;

export const articleInputSchema = {
  type: "object",
  description:
    'an article: text (or body) required, or html (a web page, read as the HTML reader reads a file: body and metadata from the page, url the fallback for its address); title, published (or date), url, source, authors (or author), section, language, id optional',
  properties: {
    text,
    html: text,
    body: text,
    title: text,
    published: text,
    date: text,
    url: text,
    source: text,
    authors: { anyOf: [text, { type: "array", items: text }] },
    author: text,
    section: text,
    language: text,
    id: text,
  },
} as const;

/** The Article the readers would make of this JSON object, or why there is none. `where` becomes its origin. */
export function toArticle(value: unknown, where: string): Article | string {
  const html = value !== null && typeof value === "object" ? (value as Record<string, unknown>).html : undefined;
  if (typeof html === "string") {
    const url = (value as Record<string, unknown>).url;
    const item = htmlItem(html, where, typeof url === "string" ? url : null);
    return "article" in item ? item.article : "error" in item ? item.error.message : "no article in the HTML";
  }
  const draft = jsonToDraft(value);
  if (typeof draft === "string") return draft;
  return makeArticle(draft, { file: where });
}

export function articleOrBadRequest(value: unknown): Article {
  const article = toArticle(value, "body");
  if (typeof article === "string") throw new HttpError(400, `body: ${article}`);
  return article;
}
