import assert from "node:assert/strict";
import { test } from "node:test";
import { CLS_ACCORDING, CLS_BELIEVE, CLS_NOUN, CLS_SAY, CLS_SHOW, CLS_VOICE, cueClass, stem } from "../src/stages/quotes/cue-lexicon.js";
import { findRegions, type Region } from "../src/stages/quotes/marks.js";
import { SLOTS } from "../src/stages/entities/features.js";
import { buildContext } from "../src/stages/quotes/attribute.js";
import { beforeQuotes, polnearDoc } from "../src/stages/quotes/eval/cli.js";
import { features, sequences, USED_SLOTS } from "../src/stages/quotes/features.js";

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
  // Manner of speaking: its own class, every form, irregular "sang" too.
  for (const w of ["yelled", "yelling", "shouts", "echoed", "sang", "interjecting", "exclaimed"]) assert.equal(cueClass(w, undefined), CLS_VOICE, w);
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

test("features: a verb next to a quotation gets the quotation-mark templates (distance to the marks each side)", () => {
  const pipeline = beforeQuotes();
  // The same words but for the marks around "Out!": the verb is 3 tokens before an opening mark in the first.
  const featsOf = (text: string, word: string): Int32Array => {
    const ctx = buildContext(pipeline.run(polnearDoc("t", text)));
    const seq = sequences(ctx).find((q) => ctx.words.slice(q.tokenStart, q.tokenEnd).includes(word))!;
    const feats = features(ctx, seq, new Uint8Array(ctx.doc.tokens.count), 18);
    const i = ctx.words.indexOf(word, seq.tokenStart) - seq.tokenStart;
    return feats.slice(i * SLOTS, i * SLOTS + USED_SLOTS);
  };
  const quoted = featsOf("Title\nMr. Trump yelled , “ Out ! ” and left .", "yelled");
  const plain = featsOf("Title\nMr. Trump yelled , some Out ! and left .", "yelled");
  assert.equal(quoted.length, USED_SLOTS);
  // Slot 44 (suffix x distance back to a closing mark): no mark before the verb in either sentence.
  assert.equal(quoted[44], plain[44]);
  // Slots 45 and 46 (distance on to an opening mark, with the suffix and with the class) differ.
  assert.notEqual(quoted[45], plain[45]);
  assert.notEqual(quoted[46], plain[46]);
  // After a quotation: the distance back to its closing mark.
  const after = featsOf("Title\n“ Out ! ” Mr. Trump yelled .", "yelled");
  const noMark = featsOf("Title\nOut ! Mr. Trump yelled .", "yelled");
  assert.notEqual(after[44], noMark[44]);
});

test("marks: a straight mark after , . ? ! closes a curly quotation (mixed marks); ''' closes as ''", () => {
  const regions = (words: string[]): number[][] => {
    const out: Region[] = [];
    findRegions(words, 0, words.length, 0, out);
    return out.map((r) => [r.open, r.close]);
  };
  // `“Maybe so," she remarked. “Yes.”`: the straight mark closes the first quotation.
  assert.deepEqual(regions(["“", "maybe", "so", ",", '"', "she", "remarked", ".", "“", "yes", ".", "”"]), [[0, 4], [8, 11]]);
  // After a word it still opens a quote inside the curly one: `“He said "no" to it.”`.
  assert.deepEqual(regions(["“", "he", "said", '"', "no", '"', "to", "it", ".", "”"]), [[0, 9]]);
  // `''… on 'Fox and Friends,''' said Tommy Vietor.`: the triple mark closes.
  assert.deepEqual(regions(["''", "it", "appeared", "on", "'", "fox", ",", "'''", "said", "tommy", "."]), [[0, 7]]);
});

test("marks: a straight quotation left unclosed ends at its last sentence when a new one opens after a colon or a sentence end", () => {
  const pipeline = beforeQuotes();
  const text = 'Title\nMr Mubanga said: "I have lost three years of my life. He added: "They strengthened me." Officials said: "He was detained lawfully. "He was a combatant." He said, "I told them, "no," and left."';
  const ctx = buildContext(pipeline.run(polnearDoc("t", text)));
  const spans = ctx.regions.map((r) => {
    const end = r.close >= 0 ? r.close : r.end - 1;
    return [text.slice(ctx.doc.tokens.start[r.open]!, ctx.doc.tokens.end[end]!), r.close >= 0];
  });
  assert.deepEqual(spans, [
    ['"I have lost three years of my life.', false],
    ['"They strengthened me."', true],
    ['"He was detained lawfully.', false],
    ['"He was a combatant."', true],
    // After a comma the mark opens nothing new: a quote inside the quote, read as before.
    ['"I told them, "', true],
    ['" and left."', true],
  ]);
});
