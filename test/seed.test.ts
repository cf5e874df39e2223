import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { analyze } from "../src/analyze.js";
import { readBytes } from "../src/readers/index.js";
import { fixture } from "./support/paths.js";
import { validateAnalysis } from "./support/schema.js";

/** Gold strings match by content: case-insensitive, whitespace folded, curly quotes folded to straight. */
export function fold(s: string): string {
  return s.replace(/[“”„]/g, '"').replace(/[‘’‚]/g, "'").replace(/\s+/g, " ").trim().toLowerCase();
}

const seedPath = fixture("seed", "000_dbf82c7d13769c2b.txt");
const gold = JSON.parse(readFileSync(fixture("seed", "000_dbf82c7d13769c2b.gold.json"), "utf8"));

function analyzeSeed() {
  const [item] = readBytes(readFileSync(seedPath), seedPath);
  assert.ok(item && "article" in item);
  return analyze(item.article);
}

test("seed: article metadata matches the gold exactly", () => {
  const { article } = analyzeSeed();
  for (const [key, value] of Object.entries(gold.article)) assert.deepEqual(article[key as keyof typeof article], value, key);
});

test("seed: every core block of the gold is found with its kind", () => {
  const a = analyzeSeed();
  for (const want of gold.blocks.core as { kind: string; startsWith: string }[]) {
    const found = a.blocks.some((b) => b.kind === want.kind && fold(a.text.slice(b.start, b.end)).startsWith(fold(want.startsWith)));
    assert.ok(found, `${want.kind}: ${want.startsWith}`);
  }
  // The story's own paragraphs are not swallowed by the other kinds.
  assert.equal(a.blocks.filter((b) => b.kind === "paragraph").length, 24);
  assert.deepEqual(a.blocks.slice(0, 3).map((b) => b.kind), ["title", "byline", "dateline"]);
});

test("seed: the Analysis validates against the published JSON Schema", () => {
  assert.deepEqual(validateAnalysis(analyzeSeed()), []);
});

test("seed: every core timex of the gold is found with its type and value", () => {
  const a = analyzeSeed();
  for (const want of gold.timexes.core as { text: string; type: string; value: string }[]) {
    // TimeML spans keep modifiers ("more than 10 months" for the gold's "10 months"): match by containment.
    const found = a.timexes.some((t) => fold(t.text).includes(fold(want.text)) && t.type === want.type && t.value === want.value);
    assert.ok(found, `${want.text} = ${want.value}`);
  }
});

test("seed: every core amount of the gold is found with its value and unit", () => {
  const a = analyzeSeed();
  for (const want of gold.amounts.core as { text: string; value: number; unit: string }[]) {
    assert.ok(a.amounts.some((x) => fold(x.text) === fold(want.text) && x.value === want.value && x.unit === want.unit), want.text);
  }
});

test("seed: every core entity of the gold is found by name with its type", () => {
  const a = analyzeSeed();
  for (const want of gold.entities.core as { name: string; type: string }[]) {
    const found = a.entities.some((e) => fold(e.name) === fold(want.name) && e.type === want.type);
    assert.ok(found, `${want.type} ${want.name}`);
  }
  // The related-article teasers are not read: "win local wars" stands only there.
  const teaserOnly = a.entities.flatMap((e) => e.mentions).filter((m) => a.blocks.some((b) => b.kind === "related" && m.start >= b.start && m.end <= b.end));
  assert.deepEqual(teaserOnly, []);
});
