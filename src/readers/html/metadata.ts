/**
 * A page's article metadata, most specific source first: JSON-LD (`NewsArticle` and its kin, also inside `@graph`),
 * then OpenGraph / article: properties, then plain meta tags, then the markup (`<time datetime>`, `<link rel=canonical>`,
 * `<html lang>`, `<title>`). Malformed JSON-LD is passed over: many sites ship it broken.
 */

export interface PageMeta {
  title: string | null;
  authors: string[];
  published: string | null;
  section: string | null;
  source: string | null;
  url: string | null;
  language: string | null;
}

/** JSON-LD types that describe an article (schema.org's Article and the subtypes news sites use). */
const ARTICLE_TYPES = /(?:Article|BlogPosting|^Report)$/;

type Json = Record<string, unknown>;

export function readMetadata(document: Document): PageMeta {
  const ld = jsonLdArticle(document);
  const meta = (...names: string[]): string | null => {
    for (const name of names) {
      const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
      const value = clean(el?.getAttribute("content"));
      if (value) return value;
    }
    return null;
  };
  const ldAuthors = names(ld?.author);
  const metaAuthor = meta("author", "article:author", "parsely-author", "sailthru.author", "byl");
  const authors = ldAuthors.length > 0 ? ldAuthors : metaAuthor && !/^https?:/.test(metaAuthor) ? [metaAuthor.replace(/^by\s+/i, "")] : [];
  const time = document.querySelector("time[datetime]");
  return {
    title: text(ld?.headline) ?? meta("og:title", "twitter:title", "title") ?? clean(document.querySelector("title")?.textContent),
    authors,
    published:
      text(ld?.datePublished) ??
      meta("article:published_time", "og:article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "DC.date.issued") ??
      clean(time?.getAttribute("datetime")),
    section: text(ld?.articleSection) ?? meta("article:section", "section", "parsely-section"),
    source: text(jsonName(ld?.publisher)) ?? meta("og:site_name", "application-name"),
    url: absoluteUrl(clean(document.querySelector('link[rel="canonical"]')?.getAttribute("href")) ?? meta("og:url") ?? text(ld?.url)),
    language: clean(document.documentElement?.getAttribute("lang")) ?? text(ld?.inLanguage) ?? meta("og:locale")?.replace("_", "-") ?? null,
  };
}

/** The first JSON-LD object whose @type is an article type, searching arrays and @graph. */
function jsonLdArticle(document: Document): Json | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? "");
    } catch {
      continue;
    }
    const found = findArticle(data, 0);
    if (found) return found;
  }
  return null;
}

function findArticle(data: unknown, depth: number): Json | null {
  if (depth > 4 || data === null || typeof data !== "object") return null;
  if (Array.isArray(data)) {
    for (const d of data) {
      const found = findArticle(d, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const o = data as Json;
  const types = Array.isArray(o["@type"]) ? o["@type"] : [o["@type"]];
  if (types.some((t) => typeof t === "string" && ARTICLE_TYPES.test(t))) return o;
  return findArticle(o["@graph"], depth + 1) ?? findArticle(o.mainEntity, depth + 1);
}

/** Author names from a JSON-LD author: a string, a Person, or a list of either. */
function names(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list.map((a) => text(typeof a === "string" ? a : jsonName(a))).filter((a): a is string => a !== null && !/^https?:/.test(a));
}

function jsonName(v: unknown): unknown {
  if (Array.isArray(v)) return jsonName(v[0]);
  return v !== null && typeof v === "object" ? (v as Json).name : v;
}

function text(v: unknown): string | null {
  if (Array.isArray(v)) return text(v[0]);
  return typeof v === "string" ? clean(v) : null;
}

function clean(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, " ").trim();
  return t ? t : null;
}

/** Only absolute http(s) URLs: a relative canonical link says nothing without the page's address. */
function absoluteUrl(s: string | null): string | null {
  return s !== null && /^https?:\/\//i.test(s) ? s : null;
}
