import assert from "node:assert/strict";
import { test } from "node:test";
import { CLS_ACCORDING, CLS_BELIEVE, CLS_NOUN, CLS_SAY, CLS_SHOW, cueClass, stem } from "../src/stages/quotes/cue-lexicon.js";
import { findRegions, type Region } from "../src/stages/quotes/marks.js";

test("cue lexicon: every form of a verb has one stem and one class", () => {
  for (const forms of ["say says said saying", "argue argues argued arguing", "admit admits admitted admitting", "deny denies denied denying", "tell tells told telling"]) {
    const ws = forms.split(" ");
    assert.deepEqual(new Set(ws.map(stem)).size, 1, forms);
    for (const w of ws) assert.equal(cueClass(w, undefined), CLS_SAY, w);
  }
  assert.equal(cueClass("showed", undefined), CLS_SHOW);
  assert.equal(cueClass("thought", undefined), CLS_BELIEVE);
  assert.equal(cueClass("statement", undefined), CLS_NOUN);
  assert.equal(cueClass("according", "to"), CLS_ACCORDING);
  assert.equal(cueClass("according", "as"), 0);
  // Not a form of "note": the stem of a short word is the word.
  assert.equal(cueClass("not", undefined), 0);
  assert.notEqual(stem("not"), stem("noted"));
});

test("marks: '' opens a quotation when none is open (NYT style), and the next '' closes it", () => {
  const words = ["''", "it", "is", "fine", ",", "''", "he", "said", ".", "''", "more", "."];
  const out: Region[] = [];
  findRegions(words, 0, words.length, 0, out);
  assert.deepEqual(out.map((r) => [r.open, r.close, r.continues]), [[0, 5, false], [9, -1, true]]);
  const curly: Region[] = [];
  findRegions(["“", "a", "”", "b", "”"], 0, 5, 0, curly);
  assert.deepEqual(curly.map((r) => [r.open, r.close]), [[0, 2]]); // a stray curly closer is still dropped
});
