/** An article as the API takes it: the JSON Lines fields `analyze` and `ingest` read (docs/input-formats). */
import type { Article } from "../../core/article.js";
import { makeArticle } from "../../readers/article-id.js";
import { jsonToDraft } from "../../readers/jsonl.js";
import { HttpError } from "../errors.js";

const text = { type: "string" } as const;

export const articleInputSchema = {
  type: "object",
  description: 'an article: text (or body) required; title, published (or date), url, source, authors (or author), section, language, id optional',
  properties: {
    text,
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
  const draft = jsonToDraft(value);
  if (typeof draft === "string") return draft;
  return makeArticle(draft, { file: where });
}

export function articleOrBadRequest(value: unknown): Article {
  const article = toArticle(value, "body");
  if (typeof article === "string") throw new HttpError(400, `body: ${article}`);
  return article;
}
