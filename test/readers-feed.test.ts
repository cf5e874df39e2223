import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { Article } from "../src/core/article.js";
import { readBytes, type ReadItem } from "../src/readers/index.js";
import { fixture, repoRoot } from "./support/paths.js";

const articles = (items: ReadItem[]): Article[] => items.flatMap((i) => ("article" in i ? [i.article] : []));
const errors = (items: ReadItem[]): string[] => items.flatMap((i) => ("error" in i ? [i.error.message] : []));
const read = (name: string) => readBytes(readFileSync(fixture("html", name)), name);

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [join(repoRoot(), "bin", "newsgraph.js"), ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("RSS 2.0: content:encoded through the HTML block reader, else the description; dates, authors, categories", () => {
  const items = read("feed.rss");
  const [bridge, school] = articles(items);
  assert.equal(bridge!.title, "Council approves new bridge");
  assert.equal(bridge!.url, "https://gazette.example/news/bridge");
  assert.equal(bridge!.published, "2024-05-02T09:30:00Z");
  assert.deepEqual(bridge!.authors, ["Maria Lopez"]);
  assert.equal(bridge!.section, "Local");
  assert.deepEqual(bridge!.extra, { categories: ["Local", "Transport"] });
  assert.equal(bridge!.source, "Riverton Gazette");
  assert.equal(bridge!.language, "en-GB");
  assert.deepEqual(bridge!.kinds, ["paragraph", "heading", "paragraph", "blockquote"]);
  assert.ok(!bridge!.paragraphs.join(" ").includes("Short teaser"), "content:encoded wins over the description");
  assert.equal(bridge!.paragraphs[2], "“It is the right decision,” said Mayor Anna Berg.");
  assert.deepEqual(school!.paragraphs, ["The expansion of the east bank school will start a year late, the council said."]);
  assert.deepEqual(school!.authors, ["Tom Reed"]);
  assert.deepEqual(errors(items), ['feed item 3 ("Empty item") has no text (no content, summary or description)']);
});

test("Atom: xhtml content, the alternate link, author names, categories; a summary with the link when there is no content", () => {
  const [flood, summary] = articles(read("feed.atom"));
  assert.equal(flood!.url, "https://notes.example/flood");
  assert.equal(flood!.published, "2024-05-04T12:00:00Z");
  assert.deepEqual(flood!.authors, ["Ana Silva"]);
  assert.equal(flood!.section, "Weather");
  assert.equal(flood!.source, "River Notes");
  assert.deepEqual(flood!.kinds, ["paragraph", "caption"]);
  assert.deepEqual(summary!.paragraphs, ["Only a summary: the full story is on the site."]);
  assert.equal(summary!.url, "https://notes.example/summary");
  assert.equal(summary!.published, "2024-05-05T07:00:00Z");
});

test("a feed that is not XML, XML that is no feed, a feed without items: one clear error each", () => {
  assert.match(errors(readBytes(Buffer.from("<rss><channel><item><title>x</channel>"), "broken.rss"))[0]!, /^not a feed: malformed XML/);
  assert.match(errors(readBytes(Buffer.from("this is not xml at all"), "plain.rss"))[0]!, /^not a feed: malformed XML/);
  assert.deepEqual(errors(readBytes(Buffer.from('<?xml version="1.0"?><catalog><book/></catalog>'), "books.xml")), ["not a feed: XML without <rss>, <rdf:RDF> or Atom <feed>"]);
  assert.deepEqual(errors(readBytes(Buffer.from("<rss><channel><title>t</title></channel></rss>"), "empty.rss")), ["feed has no items"]);
});

test("analyze: a broken feed beside a good one reports the error and still analyzes the good one (exit 0; 1 with --strict)", () => {
  const broken = join(mkdtempSync(join(tmpdir(), "ng-feed-")), "broken.rss");
  writeFileSync(broken, "<rss><channel><item>");
  const r = cli(["analyze", broken, fixture("html", "feed.atom"), "--format", "jsonl"]);
  assert.equal(r.code, 0);
  assert.equal(r.stdout.trim().split("\n").length, 2);
  assert.match(r.stderr, /broken\.rss:1: not a feed: malformed XML \(unclosed tags: rss, channel, item\)/);
  assert.equal(cli(["analyze", broken, fixture("html", "feed.atom"), "--strict"]).code, 1);
  assert.equal(cli(["analyze", broken]).code, 1);
});
