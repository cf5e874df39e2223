/**
 * Inputs that once broke the core (issue #15): each must be analyzed quickly and validly. The timings here are not
 * benchmarks: a hang shows as a test that never ends (node:test's timeout), not as a slow assertion.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "../src/analyze.js";
import type { Article } from "../src/core/article.js";
import { readBytes } from "../src/readers/index.js";
import { validateAnalysis } from "./support/schema.js";

const article = (title: string, paragraphs: string[], byline: string | null = null): Article => ({
  id: "t", source: null, url: null, published: "2022-12-31", section: null, title, authors: [], language: "en", paragraphs, byline,
});

function analyzeValid(a: Article): ReturnType<typeof analyze> {
  const result = analyze(a);
  assert.deepEqual(validateAnalysis(JSON.parse(JSON.stringify(result))), []);
  return result;
}

test("a lone high surrogate as a JSON Lines title is analyzed, not a hang", { timeout: 10_000 }, () => {
  const items = readBytes(Buffer.from('{"title":"\\ud83d","text":"Putin said."}\n'), "hostile.jsonl");
  assert.equal(items.length, 1);
  const item = items[0]!;
  assert.ok("article" in item);
  const a = analyzeValid(item.article);
  assert.equal(a.text, "\ud83d\n\nPutin said.");
  assert.equal(a.sentences.length, 2);
});

test("a lone surrogate at the end, start or middle of a paragraph, byline or title is analyzed", { timeout: 10_000 }, () => {
  for (const lone of ["\ud83d", "\ud83e", "\ud800", "\udc00"]) {
    analyzeValid(article("Title", [`Putin said.${lone}`]));
    analyzeValid(article("Title", [`${lone}Putin said.`]));
    analyzeValid(article("Title", [`Putin ${lone} said.`]));
    analyzeValid(article("Title", [lone]));
    analyzeValid(article("Title", ["Putin said."], `By Jane Doe${lone}`));
    analyzeValid(article(`Title${lone}`, ["Putin said."]));
  }
});

test("a number too large for a double is no amount and no duration: never Infinity", () => {
  const nines = "9".repeat(320);
  const a = analyzeValid(article("T", [`It cost $${nines} and ${"1" + ",000".repeat(103)} people came. It lasted ${nines} years.`]));
  assert.deepEqual(a.amounts, []);
  assert.ok(a.timexes.every((t) => !t.value.includes("Infinity")), JSON.stringify(a.timexes));
  const ok = analyzeValid(article("T", ["It cost $2 billion and it lasted 3 years."]));
  assert.deepEqual(ok.amounts.map((m) => [m.value, m.unit]), [[2e9, "USD"]]);
});
