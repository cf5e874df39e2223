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

test("seed: every core entity of the gold has its mentions, titles and affiliations; 'He' of 'He said that relations' is Putin", () => {
  const a = analyzeSeed();
  const byName = new Map(a.entities.map((e) => [fold(e.name), e]));
  type Want = { name: string; type: string; mentions?: string[]; titles?: string[]; affiliations?: string[] };
  for (const want of gold.entities.core as Want[]) {
    const e = byName.get(fold(want.name));
    assert.ok(e, want.name);
    const texts = new Set(e.mentions.map((m) => fold(m.text)));
    for (const m of want.mentions ?? []) assert.ok(texts.has(fold(m)), `${want.name}: mention ${m}`);
    for (const t of want.titles ?? []) assert.ok(e.titles.some((x) => fold(x) === fold(t)), `${want.name}: title ${t} (has ${e.titles.join("; ")})`);
    const affiliated = e.affiliations.map((id) => fold(a.entities.find((x) => x.id === id)!.name));
    for (const f of want.affiliations ?? []) assert.ok(affiliated.includes(fold(f)), `${want.name}: affiliation ${f} (has ${affiliated.join("; ")})`);
  }
  const he = a.text.indexOf("He said that relations");
  const putin = a.entities.find((e) => e.mentions.some((m) => m.start === he))!;
  assert.equal(putin.name, "Vladimir Putin");
  assert.deepEqual(putin.mentions.find((m) => m.start === he), { start: he, end: he + 2, text: "He", kind: "pronoun" });
  // One entity per person: no second "Putin", "Xi", "Wu" or "Modi".
  for (const short of ["putin", "xi", "wu", "modi", "russian federation", "sco"]) assert.ok(!byName.has(short), short);
});
