import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { test } from "node:test";
import type { Article } from "../src/core/article.js";
import { pageCounts, score, shingles } from "../src/readers/html/eval/shingles.js";
import { readBytes, readInput, type ReadItem } from "../src/readers/index.js";
import { fixture, repoRoot } from "./support/paths.js";

const page = fixture("html", "article.html");
const articles = (items: ReadItem[]): Article[] => items.flatMap((i) => ("article" in i ? [i.article] : []));
const errors = (items: ReadItem[]): string[] => items.flatMap((i) => ("error" in i ? [i.error.message] : []));

function cli(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [join(repoRoot(), "bin", "newsgraph.js"), ...args], { input, encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function collect(path: string, stdin?: NodeJS.ReadableStream): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readInput(path, stdin)) out.push(item);
  return out;
}

test("an HTML page: metadata from JSON-LD @graph (a malformed block passed over), OpenGraph and the markup", () => {
  const [a, ...rest] = articles(readBytes(readFileSync(page), "article.html"));
  assert.equal(rest.length, 0);
  assert.equal(a!.title, "Council approves new bridge over the Riv", "JSON-LD headline before og:title");
  assert.deepEqual(a!.authors, ["Maria Lopez", "Tom Reed"]);
  assert.equal(a!.published, "2024-05-02T09:30:00Z");
  assert.equal(a!.section, "Local news");
  assert.equal(a!.source, "The Riverton Gazette");
  assert.equal(a!.url, "https://gazette.example/news/2024/05/council-bridge");
  assert.equal(a!.id, a!.url);
  assert.equal(a!.language, "en-GB");
  assert.equal(a!.byline, "By Maria Lopez and Tom Reed · 2 May 2024");
});

test("an HTML page's body: block kinds from the markup, quotes kept, navigation, scripts and the h1 left out", () => {
  const a = articles(readBytes(readFileSync(page), "article.html"))[0]!;
  const kindOf = (start: string) => a.kinds![a.paragraphs.findIndex((p) => p.startsWith(start))];
  assert.equal(a.kinds!.length, a.paragraphs.length);
  assert.equal(kindOf("An artist's drawing"), "caption");
  assert.equal(kindOf("What the bridge will cost"), "heading");
  assert.equal(kindOf("We have waited long enough"), "blockquote");
  assert.equal(kindOf("Read more:"), "related");
  assert.equal(kindOf("“This is the most important decision"), "paragraph", "a paragraph opening with a quotation mark survives");
  const all = a.paragraphs.join("\n");
  for (const gone of ["Home", "Subscribe", "Ignore this script text", "color: red", "All rights reserved", "By Maria Lopez", "Council budget passes"]) {
    assert.ok(!all.includes(gone), `"${gone}" is not in the body`);
  }
  assert.notEqual(a.paragraphs[0], a.title, "the repeated <h1> is the title, not the first paragraph");
  assert.match(a.paragraphs.at(-1)!, /^Opponents said/);
});

test("an HTML page through analyze: its kinds become the Analysis blocks", () => {
  const r = cli(["analyze", page]);
  assert.equal(r.code, 0, r.stderr);
  const analysis = JSON.parse(r.stdout) as { article: { title: string }; blocks: { kind: string }[] };
  assert.equal(analysis.article.title, "Council approves new bridge over the Riv");
  const kinds = new Set(analysis.blocks.map((b) => b.kind));
  for (const k of ["title", "paragraph", "heading", "caption", "blockquote", "related"]) assert.ok(kinds.has(k), `a ${k} block`);
});

test("a page with no article, and pages too large or too deeply nested: one clear error each, quickly", () => {
  assert.deepEqual(errors(readBytes(readFileSync(fixture("html", "no-article.html")), "login.html")), ["no article text found in the HTML page"]);
  const cases: Array<[string, string, RegExp]> = [
    ["50 MB", "<html><body><p>" + "word ".repeat(10_500_000) + "</p></body></html>", /^HTML or feed too large: 50\.1 MB, the limit is 16 MB$/],
    ["5 MB of markup", "<html><body>" + "<p>The council met on Monday.</p>".repeat(160_000) + "</body></html>", /^HTML page too large: 5 MB of markup/],
    ["deep", "<html><body>" + "<div>".repeat(5000) + "text" + "</div>".repeat(5000) + "</body></html>", /^HTML page nested too deeply: over 400 levels/],
    ["unclosed", "<html><body>" + "<p><b><i>Never closed and more text ".repeat(20_000), /^HTML page nested too deeply/],
  ];
  for (const [name, html, message] of cases) {
    const started = performance.now();
    const got = errors(readBytes(Buffer.from(html), `${name}.html`));
    assert.equal(got.length, 1, name);
    assert.match(got[0]!, message, name);
    assert.ok(performance.now() - started < 3000, `${name}: refused in ${performance.now() - started} ms`);
  }
  // Just under the nesting bound still reads.
  const nested = "<html><body>" + "<div>".repeat(350) + "<p>" + "The council met on Monday to vote. ".repeat(20) + "</p>" + "</div>".repeat(350) + "</body></html>";
  assert.equal(articles(readBytes(Buffer.from(nested), "nested.html")).length, 1);
});

test("malformed HTML is read, not refused: unclosed paragraphs, stray end tags, no <html>", () => {
  const html = "<title>Storm</title><p>The storm reached the coast on Friday and closed every port along it, officials said.<p>Ferries stayed in harbour.</div></span><p>Schools will reopen on Monday, the ministry said in a statement.";
  const a = articles(readBytes(Buffer.from(html), "bad.html"))[0]!;
  assert.equal(a.title, "Storm");
  assert.equal(a.paragraphs.length, 3);
});

test(".html.gz, a directory of pages, and HTML on stdin told by its content", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ng-html-"));
  mkdirSync(join(dir, "pages"));
  copyFileSync(fixture("html", "article-copy.html.gz"), join(dir, "pages", "a.html.gz"));
  copyFileSync(fixture("html", "latin1-meta.html"), join(dir, "pages", "b.htm"));
  writeFileSync(join(dir, "pages", "c.docx"), "not read");
  const items = await collect(dir);
  assert.deepEqual(articles(items).map((a) => a.title), ["Council approves new bridge over the Riv", "Café Müller opens in Köln"]);
  assert.deepEqual(items.flatMap((i) => ("skipped" in i ? [i.skipped.file] : [])), [join(dir, "pages", "c.docx")]);
  const stdin = await collect("-", Readable.from([readFileSync(page)]));
  assert.equal(articles(stdin)[0]?.url, "https://gazette.example/news/2024/05/council-bridge");
});

test("the benchmark scorer: shingles of word tokens, per-page normalization, empty sets as evaluate.py treats them", () => {
  assert.deepEqual([...shingles("One two, three four five!").keys()].map((k) => k.split("\u0000").join(" ")), ["One two three four", "two three four five"]);
  assert.deepEqual([...shingles("Too short").keys()].map((k) => k.split("\u0000").join(" ")), ["Too short"], "fewer than 4 tokens: one shingle");
  assert.equal(shingles(" ... ").size, 0);
  assert.equal(shingles("Case Matters here too").has("case\u0000matters\u0000here\u0000too"), false, "the scorer does not lower-case");
  const perfect = pageCounts("a b c d e", "a b c d e");
  assert.deepEqual(perfect, { tp: 1, fp: 0, fn: 0 });
  const nothing = pageCounts("a b c d e", "");
  assert.deepEqual(nothing, { tp: 0, fp: 0, fn: 1 });
  // The empty prediction counts for recall (0) but not for precision: precision averages over the pages predicted.
  assert.deepEqual(score([perfect, nothing]), { precision: 1, recall: 0.5, f1: 2 / 3 });
});

test("eval extract --zyte: writes {id: {articleBody}} and prints the scores", () => {
  const out = join(mkdtempSync(join(tmpdir(), "ng-zyte-")), "pred.json");
  const r = cli(["eval", "extract", "--zyte", fixture("html", "zyte"), "--out", out, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const predictions = JSON.parse(readFileSync(out, "utf8")) as Record<string, { articleBody: string }>;
  assert.deepEqual(Object.keys(predictions), ["aaa", "bbb"]);
  assert.match(predictions.aaa!.articleBody, /^Heavy rain is expected[^\n]+\nRivers could rise[^\n]+$/, "no navigation, no read-more line");
  assert.equal(predictions.bbb!.articleBody, "");
  const s = JSON.parse(r.stdout) as { pages: number; precision: number; recall: number; f1: number };
  assert.deepEqual([s.pages, s.precision, s.recall], [2, 1, 0.5]);
  assert.equal(cli(["eval", "extract"]).code, 2);
});
