/**
 * The Zyte (Scrapinghub) article-extraction benchmark as published: `html/<id>.html.gz` (the page's bytes, gzipped)
 * and `ground-truth.json` (`{id: {articleBody, url}}`). Pages are read in id order; bytes stay bytes, because the
 * page's own charset declaration decides how they decode.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

export interface ZytePage {
  id: string;
  url: string | null;
  html: Uint8Array;
  articleBody: string;
}

export function readZyte(dir: string): ZytePage[] {
  const truth = JSON.parse(readFileSync(join(dir, "ground-truth.json"), "utf8")) as Record<string, { articleBody?: string; url?: string }>;
  const files = readdirSync(join(dir, "html")).filter((f) => f.endsWith(".html.gz")).sort();
  return files.map((f) => {
    const id = f.slice(0, -".html.gz".length);
    const gold = truth[id];
    if (!gold) throw new Error(`${join(dir, "html", f)}: no entry in ground-truth.json`);
    return { id, url: gold.url ?? null, html: gunzipSync(readFileSync(join(dir, "html", f))), articleBody: gold.articleBody ?? "" };
  });
}
