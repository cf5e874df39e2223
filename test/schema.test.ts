import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { Analysis } from "../src/core/analysis.js";
import { repoRoot } from "./support/paths.js";
import { validateAnalysis } from "./support/schema.js";

const TITLE = "Acme hires Jane Doe";
const BODY = 'Acme said on Monday it hired Jane Doe for $2 million. "I am thrilled," Doe said.';
const TEXT = `${TITLE}\n${BODY}`;
const at = (s: string, from = 0): { start: number; end: number } => {
  const start = TEXT.indexOf(s, from);
  assert.ok(start >= 0, s);
  return { start, end: start + s.length };
};

/** A small, hand-made analysis that uses every part of the contract. */
function sample(): Analysis {
  return {
    schema: "newsgraph.analysis/1",
    article: {
      id: "https://example.com/acme",
      source: "Example News",
      url: "https://example.com/acme",
      published: "2023-03-14",
      section: null,
      title: TITLE,
      authors: ["A. Writer"],
      language: "en",
    },
    text: TEXT,
    blocks: [
      { ...at(TITLE), kind: "title" },
      { ...at(BODY), kind: "paragraph" },
    ],
    sentences: [at(TITLE), at("Acme said on Monday it hired Jane Doe for $2 million."), at('"I am thrilled," Doe said.')],
    entities: [
      { id: "e1", name: "Acme", type: "ORG", titles: [], affiliations: [], mentions: [{ ...at("Acme"), text: "Acme", kind: "name" }] },
      {
        id: "e2",
        name: "Jane Doe",
        type: "PERSON",
        titles: [],
        affiliations: ["e1"],
        mentions: [{ ...at("Jane Doe"), text: "Jane Doe", kind: "name" }, { ...at("Doe", TEXT.indexOf("thrilled")), text: "Doe", kind: "name" }],
      },
    ],
    quotes: [
      { ...at("I am thrilled,"), id: "q1", kind: "direct", text: "I am thrilled,", cue: "said", speaker: "e2", speakerText: "Doe" },
    ],
    timexes: [{ ...at("Monday"), text: "Monday", type: "DATE", value: "2023-03-13", mod: null }],
    amounts: [{ ...at("$2 million"), text: "$2 million", value: 2_000_000, unit: "USD" }],
    events: [{ ...at("hired"), id: "ev1", text: "hired" }],
  };
}

/** The sample with one change applied, as plain JSON so that invalid values can be built. */
function broken(change: (a: Record<string, any>) => void): unknown {
  const a = JSON.parse(JSON.stringify(sample()));
  change(a);
  return a;
}

test("schema: the hand-made analysis is valid", () => {
  assert.deepEqual(validateAnalysis(sample()), []);
});

test("schema: the example in docs/analysis-schema.md is valid", () => {
  const page = readFileSync(join(repoRoot(), "docs", "analysis-schema.md"), "utf8");
  const section = page.slice(page.indexOf("\n## Example"));
  const start = section.indexOf("```json\n");
  assert.ok(start >= 0, "no JSON example under ## Example");
  const json = section.slice(start + "```json\n".length, section.indexOf("\n```", start + 1));
  assert.deepEqual(validateAnalysis(JSON.parse(json)), []);
});

test("schema: optional amount mod may be present, null or absent", () => {
  assert.deepEqual(validateAnalysis(broken((a) => (a.amounts[0].mod = "APPROX"))), []);
  assert.deepEqual(validateAnalysis(broken((a) => (a.amounts[0].mod = null))), []);
});

test("schema: a mention's kind is additive: optional, but a closed list when present", () => {
  assert.deepEqual(validateAnalysis(broken((a) => delete a.entities[0].mentions[0].kind)), []);
  assert.notDeepEqual(validateAnalysis(broken((a) => (a.entities[0].mentions[0].kind = "alias"))), []);
});

test("schema: an empty analysis of an empty text is valid", () => {
  const empty = broken((a) => {
    a.text = "";
    for (const key of ["blocks", "sentences", "entities", "quotes", "timexes", "amounts", "events"]) a[key] = [];
  });
  assert.deepEqual(validateAnalysis(empty), []);
});

const invalid: [string, (a: Record<string, any>) => void][] = [
  ["an unknown block kind", (a) => (a.blocks[1].kind = "sidebar")],
  ["a negative offset", (a) => (a.sentences[0].start = -1)],
  ["a fractional offset", (a) => (a.timexes[0].end = 3.5)],
  ["a missing required field", (a) => delete a.quotes[0].cue],
  ["a missing top-level list", (a) => delete a.events],
  ["an unknown field", (a) => (a.entities[0].confidence = 0.9)],
  ["an unknown entity type", (a) => (a.entities[0].type = "COMPANY")],
  ["an unknown quote kind", (a) => (a.quotes[0].kind = "paraphrase")],
  ["another schema version", (a) => (a.schema = "newsgraph.analysis/2")],
  ["a published date that is not ISO 8601", (a) => (a.article.published = "14 March 2023")],
  ["a span that ends before it starts", (a) => (a.blocks[1].end = a.blocks[1].start - 1)],
  ["a span past the end of the text", (a) => (a.sentences[2].end = TEXT.length + 1)],
  ["a mention whose text is not the covered text", (a) => (a.entities[1].mentions[0].text = "J. Doe")],
  ["a speaker that names no entity", (a) => (a.quotes[0].speaker = "e9")],
  ["an affiliation that names no entity", (a) => (a.entities[1].affiliations = ["e9"])],
];

test("schema: non-finite numbers are rejected, in memory and after JSON (where they print as null)", () => {
  for (const bad of [Infinity, -Infinity, NaN]) {
    const a = broken(() => {}) as { amounts: { value: number }[] };
    a.amounts[0]!.value = bad;
    assert.notDeepEqual(validateAnalysis(a), [], `in memory: ${bad}`);
    assert.notDeepEqual(validateAnalysis(JSON.parse(JSON.stringify(a))), [], `as JSON: ${bad}`);
  }
});

for (const [what, change] of invalid) {
  test(`schema: rejects ${what}`, () => {
    assert.notDeepEqual(validateAnalysis(broken(change)), [], what);
  });
}

test("schema: errors name the offending path", () => {
  const errors = validateAnalysis(broken((a) => (a.blocks[1].kind = "sidebar")));
  assert.ok(errors.some((e) => e.startsWith("/blocks/1/kind")), errors.join("; "));
});
