import { createHash } from "node:crypto";
import type { Article } from "../core/article.js";
import type { ArticleDraft, Origin, ReadError, ReadItem } from "./types.js";
import { formatOrigin } from "./types.js";
import { readPublished } from "./published.js";

/** The shape of a BCP 47 tag, as docs/analysis.schema.json states it: "en", "en-GB", "zh-Hant-TW". */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** Stable id: the url when there is one, else a hash of source + title + published + text. */
export function articleId(draft: ArticleDraft): string {
  if (draft.url) return draft.url;
  const hash = createHash("sha256");
  for (const part of [draft.source ?? "", draft.title, draft.published ?? "", draft.paragraphs.join("\n")]) {
    hash.update(part);
    hash.update("\u0000");
  }
  return hash.digest("hex").slice(0, 16);
}

export function makeArticle(draft: ArticleDraft, origin: Origin): Article {
  return buildArticle(draft, origin).article;
}

/**
 * The article of a draft as a read item, with a warning for what was given but could not be used: a publication date
 * that does not exist or cannot be read (left empty, the given text kept as extra.publishedRaw).
 */
export function makeArticleItem(draft: ArticleDraft, origin: Origin): ReadItem {
  const large = articleTooLarge(draft);
  if (large !== null) return { error: { origin, message: large } };
  const { article, warnings } = buildArticle(draft, origin);
  return warnings.length > 0 ? { article, warnings } : { article };
}

/**
 * Longest article text the readers hand on, in UTF-16 code units (ingest checks it too, for articles that come by the
 * API): far above any news article (a long feature is 100,000). Analysis takes some 50 to 130 times its text in memory
 * (one 50 MB paragraph took 6.9 GB), so a longer "article" — a dump or a mistake — is refused alone, saying so, before
 * it is analyzed.
 */
export const MAX_ARTICLE_CHARS = 2_000_000;

/** Why an article is too large to analyze, or null. */
export function articleTooLarge(draft: Pick<ArticleDraft, "title" | "paragraphs">): string | null {
  const chars = draft.title.length + draft.paragraphs.reduce((n, p) => n + p.length + 2, 0);
  if (chars <= MAX_ARTICLE_CHARS) return null;
  return `too large to analyze: ${(chars / 1e6).toFixed(1)} million characters of text (the limit is ${MAX_ARTICLE_CHARS / 1e6} million); split it into articles`;
}

function buildArticle(draft: ArticleDraft, origin: Origin): { article: Article; warnings: ReadError[] } {
  const warnings: ReadError[] = [];
  const reading = readPublished(draft.published);
  const published = reading.value;
  if (reading.problem !== null) warnings.push({ origin, message: `published ${reading.problem}: left empty` });
  const extra = { ...draft.extra };
  // A date we cannot read is kept, not lost: the contract's field stays ISO or null.
  if (published === null && draft.published) extra.publishedRaw = draft.published;
  // Likewise a language that is no BCP 47 tag ("English", "7"): the contract's field stays a tag.
  const language = draft.language?.trim() || null;
  const validLanguage = language !== null && LANGUAGE_TAG.test(language) ? language : null;
  if (language !== null && validLanguage === null) extra.languageRaw = draft.language;
  const article: Article = {
    id: articleId(draft),
    source: draft.source ?? null,
    url: draft.url ?? null,
    published,
    section: draft.section ?? null,
    title: draft.title.trim(),
    authors: draft.authors ?? [],
    language: validLanguage ?? "en",
    paragraphs: draft.paragraphs,
    ...(draft.kinds ? { kinds: draft.kinds } : {}),
    byline: draft.byline ?? null,
    origin: formatOrigin(origin),
  };
  if (Object.keys(extra).length > 0) article.extra = extra;
  return { article, warnings };
}
