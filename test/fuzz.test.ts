/**
 * The fuzz harness (issue #15): a short seeded run over the readers and analyze() must find nothing, and the harness
 * itself must catch each kind of failure — a hang (the tokenizer's lone-surrogate loop), runaway memory, an
 * exception, a contract violation such as an Infinity amount — and save a reproducer for it.
 */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { Analysis } from "../src/core/analysis.js";
import { readBytes } from "../src/readers/index.js";
import { nonFiniteNumbers, validateAnalysis, validateReadItems } from "../src/fuzz/contract.js";
import { loadCorpus } from "../src/fuzz/generators.js";
import { Rng } from "../src/fuzz/rng.js";
import { formatReport, runFuzz, signatureOf, totalFailures } from "../src/fuzz/run.js";
import { getTarget, makeInput } from "../src/fuzz/targets.js";
import { repoRoot } from "./support/paths.js";

const scratch = (): string => mkdtempSync(join(tmpdir(), "newsgraph-fuzz-"));

test("fuzz: a short seeded run over the readers and analyze() finds nothing", { timeout: 120_000 }, async () => {
  // Failures are saved where `npm run fuzz` saves them, so a red test leaves its reproducers behind.
  const report = await runFuzz({ seed: 15, counts: { read: 3000, analyze: 300 }, workers: 2, out: join(repoRoot(), "fuzz-failures") });
  assert.equal(report.inputs, 3300, formatReport(report));
  assert.equal(totalFailures(report), 0, formatReport(report));
  assert.ok(report.targets.analyze!.articles > 200, "the analyze inputs must mostly be read as articles");
});

test("fuzz: the watchdog kills a hanging input, saves it, and the run goes on after it", { timeout: 60_000 }, async () => {
  const out = scratch();
  try {
    // The hidden "hang" target loops forever on every third input (1 and 4 of 0..5).
    const report = await runFuzz({ seed: 7, counts: { hang: 6 }, workers: 1, timeoutMs: 300, out });
    assert.equal(report.timeouts, 2, formatReport(report));
    assert.equal(report.inputs, 6);
    assert.equal(report.exceptions + report.violations + report.memoryKills + report.crashes, 0);
    const examples = report.failures.flatMap((g) => g.examples);
    assert.deepEqual(examples.map((e) => e.index).sort(), [1, 4]);
    for (const e of examples) {
      assert.equal(e.files.length, 2);
      for (const f of e.files) assert.ok(existsSync(f), f);
      const info = JSON.parse(readFileSync(e.files.find((f) => f.endsWith(".json"))!, "utf8")) as { kind: string; seed: number; index: number };
      assert.equal(info.kind, "timeout");
      assert.equal(info.seed, 7);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("fuzz: a worker over its heap limit is killed and its input saved", { timeout: 60_000 }, async () => {
  const out = scratch();
  try {
    const report = await runFuzz({ seed: 7, counts: { balloon: 3 }, workers: 1, maxHeapMb: 48, out });
    assert.equal(report.memoryKills, 1, formatReport(report));
    assert.equal(report.failures[0]!.examples[0]!.index, 1);
    assert.equal(report.inputs, 3);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("fuzz: exceptions and contract violations are counted, grouped and saved", { timeout: 60_000 }, async () => {
  const out = scratch();
  try {
    // The hidden "fail" target throws on inputs 1 and 5 and reports a violation on 2 and 6.
    const report = await runFuzz({ seed: 7, counts: { fail: 8 }, workers: 2, out, keepPerSignature: 5 });
    assert.equal(report.exceptions, 2, formatReport(report));
    assert.equal(report.violations, 2);
    assert.equal(report.failures.length, 2, "one group per kind: the indices differ only in numbers");
    assert.equal(totalFailures(report), 4);
    for (const g of report.failures) for (const e of g.examples) assert.ok(existsSync(e.files[0]!));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("fuzz: the time bound stops a run early", { timeout: 60_000 }, async () => {
  const report = await runFuzz({ seed: 1, counts: { read: 10_000_000 }, workers: 1, seconds: 1, out: null });
  assert.ok(report.stoppedByTime);
  // Not "> 0": on a loaded machine the worker may take longer than the second to start, and stopping then is right.
  assert.ok(report.inputs < 10_000_000);
  assert.ok(report.seconds < 10, `took ${report.seconds} s`);
});

test("fuzz: an input is a function of seed, target and index only", () => {
  const corpus = loadCorpus(repoRoot());
  for (const name of ["read", "analyze"]) {
    const target = getTarget(name);
    for (const index of [0, 1, 999, 123456]) {
      const a = makeInput(42, target, index, corpus);
      const b = makeInput(42, target, index, corpus);
      assert.equal(a.generator, b.generator);
      assert.deepEqual(a.input, b.input);
    }
    const differ = [0, 1, 2, 3, 4, 5].filter((i) => Buffer.compare(makeInput(1, target, i, corpus).input.bytes, makeInput(2, target, i, corpus).input.bytes) !== 0);
    assert.ok(differ.length >= 5, "another seed gives other inputs");
  }
  const r1 = new Rng(5);
  const r2 = new Rng(5);
  assert.deepEqual([r1.next(), r1.next(), r1.int(10)], [r2.next(), r2.next(), r2.int(10)]);
});

test("fuzz: every generator runs for both targets and stays within its size bound", () => {
  const corpus = loadCorpus(repoRoot());
  const seen = new Set<string>();
  for (const name of ["read", "analyze"]) {
    const target = getTarget(name);
    for (let i = 0; i < 400; i++) {
      const { generator, input } = makeInput(3, target, i, corpus);
      seen.add(generator);
      assert.ok(input.bytes.length <= target.maxBytes, `${name}/${generator} ${i}: ${input.bytes.length} bytes`);
    }
  }
  assert.deepEqual([...seen].sort(), ["bytes", "jsonl", "mutate", "news", "unicode"]);
});

/** A small valid analysis; the contract tests break one thing at a time. */
function sample(): Analysis {
  const text = "Acme paid $9 million\n\nDoe said.";
  return {
    schema: "newsgraph.analysis/1",
    article: { id: "x", source: null, url: null, published: "2022-12-31", section: null, title: "Acme paid $9 million", authors: [], language: "en" },
    text,
    blocks: [{ start: 0, end: 20, kind: "title" }, { start: 22, end: 31, kind: "paragraph" }],
    sentences: [{ start: 0, end: 20 }, { start: 22, end: 31 }],
    entities: [
      { id: "e1", name: "Acme", type: "ORG", titles: [], affiliations: [], mentions: [{ start: 0, end: 4, text: "Acme", kind: "name" }] },
      { id: "e2", name: "Doe", type: "PERSON", titles: [], affiliations: ["e1"], mentions: [{ start: 22, end: 25, text: "Doe", kind: "name" }] },
    ],
    quotes: [],
    timexes: [],
    amounts: [{ start: 10, end: 20, text: "$9 million", value: 9e6, unit: "USD" }],
    events: [{ start: 26, end: 30, id: "v1", text: "said" }],
  } as Analysis;
}

test("contract: the sample is valid", () => {
  assert.deepEqual(validateAnalysis(sample()), []);
});

test("contract: an Infinity or NaN amount is flagged in memory and after the JSON round trip", () => {
  // Bug 2 of issue #15: "$" and 320 nines gave the amount value Infinity, which JSON writes as null.
  for (const bad of [Infinity, -Infinity, NaN]) {
    const a = sample();
    a.amounts[0]!.value = bad;
    const errors = validateAnalysis(a);
    assert.ok(errors.some((e) => e.startsWith(`/amounts/0/value is ${bad}`)), errors.join("; "));
    assert.ok(errors.some((e) => e.startsWith("/amounts/0/value must be number")), errors.join("; "));
  }
  assert.deepEqual(nonFiniteNumbers({ a: [1, { b: -Infinity }], "c/d": NaN }), [
    "/a/1/b is -Infinity, not a finite number (JSON writes null)",
    "/c~1d is NaN, not a finite number (JSON writes null)",
  ]);
});

test("contract: duplicate ids, spans outside the text and wrong span texts are flagged", () => {
  const cases: [string, (a: Analysis) => void, string][] = [
    ["duplicate entity id", (a) => (a.entities[1]!.id = "e1"), "/entities/1/id"],
    ["duplicate event id", (a) => a.events.push({ ...a.events[0]! }), "/events/1/id"],
    ["duplicate quote id", (a) => { const q = { start: 22, end: 25, id: "q1", kind: "direct" as const, text: "Doe", cue: null, speaker: null, speakerText: null }; a.quotes.push(q, { ...q }); }, "/quotes/1/id"],
    ["span past the text", (a) => (a.sentences[1]!.end = 99), "/sentences/1 end 99"],
    ["span text not the slice", (a) => (a.amounts[0]!.text = "$9 mln"), "/amounts/0 text"],
    ["quote text not the slice", (a) => a.quotes.push({ start: 22, end: 25, id: "q1", kind: "direct", text: "Roe", cue: null, speaker: null, speakerText: null }), "/quotes/0 text"],
    ["a number printed into a timex value", (a) => a.timexes.push({ start: 22, end: 25, text: "Doe", type: "DURATION", value: "PInfinityM", mod: null }), "/timexes/0/value"],
    ["unknown speaker", (a) => a.quotes.push({ start: 22, end: 25, id: "q1", kind: "direct", text: "Doe", cue: null, speaker: "e9", speakerText: null }), "/quotes/0/speaker"],
  ];
  for (const [what, change, expected] of cases) {
    const a = sample();
    change(a);
    const errors = validateAnalysis(a);
    assert.ok(errors.some((e) => e.startsWith(expected)), `${what}: ${errors.join("; ")}`);
  }
});

test("contract: reader output names its file and real lines, and its metadata fits the schema", () => {
  const bytes = Buffer.from('{"text":"Acme said."}\nnot json\n');
  assert.deepEqual(validateReadItems(readBytes(bytes, "a.jsonl"), "a.jsonl", 3), []);
  const bad = [
    { error: { origin: { file: "other.jsonl", line: 9 }, message: "x" } },
    { article: { id: "", source: null, url: null, published: "14 March", section: null, title: "T", authors: [], language: "en", paragraphs: [1] } },
  ];
  const errors = validateReadItems(bad, "a.jsonl", 3);
  for (const expected of ["/items/0/error/origin/file", "/items/0/error/origin/line", "/items/1/article/id", "/items/1/article/published", "/items/1/article/paragraphs"]) {
    assert.ok(errors.some((e) => e.startsWith(expected)), `${expected}: ${errors.join("; ")}`);
  }
});

test("fuzz: failure signatures blur numbers and offending values, not the kind of problem", () => {
  assert.equal(
    signatureOf('article 3 (feed.jsonl:7): /amounts/12/value must be number, got null'),
    signatureOf('article 0 (x.txt:1): /amounts/0/value must be number, got "y"'),
  );
  assert.notEqual(signatureOf("/amounts/0/value must be number"), signatureOf("/timexes/0/value must be string"));
});
