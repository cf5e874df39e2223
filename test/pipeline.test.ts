import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "../src/analyze.js";
import { createPipeline, getStage, registerStage } from "../src/core/pipeline.js";
import { DEFAULT_STAGES } from "../src/stages/index.js";

test("pipeline: the default order builds, and every stage's requirements come from an earlier stage", () => {
  const p = createPipeline(DEFAULT_STAGES);
  assert.deepEqual(p.stages.map((s) => s.name), [...DEFAULT_STAGES]);
});

test("pipeline: a stage before the one that assigns what it requires fails, naming both", () => {
  assert.throws(() => createPipeline(["entities", "text", "time"]), /stage "entities" requires doc\.tokens, doc\.sentences, doc\.timexes, which no earlier stage assigns/);
  assert.throws(() => createPipeline(["text", "entities", "time"]), /stage "entities" requires doc\.timexes, which no earlier stage assigns/);
  assert.throws(() => createPipeline(["time"]), /stage "time" requires .*which no earlier stage assigns/);
});

test("pipeline: an unknown stage name fails, listing the known ones", () => {
  assert.throws(() => createPipeline(["text", "sentiment"]), /unknown pipeline stage "sentiment" \(known: text, time, amounts, entities/);
  assert.throws(() => getStage(""), /unknown pipeline stage ""/);
});

test("pipeline: a second stage under a taken name is refused; the same one again is not", () => {
  const text = getStage("text");
  assert.equal(registerStage(text), text);
  assert.throws(() => registerStage({ name: "text", requires: [], assigns: [], run() {} }), /"text" is registered twice/);
});

test("pipeline: a custom pipeline runs only its stages", () => {
  const article = { id: "t", source: null, url: null, published: "2022-12-31", section: null, title: "T", authors: [], language: "en", paragraphs: ["Putin said on Friday he paid $5."] };
  const a = analyze(article, createPipeline(["text", "time"]));
  assert.equal(a.timexes.length, 1);
  assert.deepEqual(a.amounts, []);
  assert.deepEqual(a.entities, []);
});
