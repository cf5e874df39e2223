import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "../src/analyze.js";
import type { Article } from "../src/core/article.js";
import { tokenize } from "../src/stages/text/tokenize.js";

const article = (title: string, paragraphs: string[]): Article => ({
  id: "t", source: null, url: null, published: null, section: null, title, authors: [], language: "en", paragraphs,
});

test("tokens keep the source characters and split clitics, not compounds", () => {
  assert.deepEqual(tokenize("Russia’s Russian-Chinese don't O'Brien"), ["Russia", "’s", "Russian-Chinese", "do", "n't", "O'Brien"]);
  assert.deepEqual(tokenize("“the best in history”."), ["“", "the", "best", "in", "history", "”", "."]);
  assert.deepEqual(tokenize("$200 billion, 3.2% of 1,000 people..."), ["$", "200", "billion", ",", "3.2", "%", "of", "1,000", "people", "..."]);
  assert.deepEqual(tokenize("Thursday, Sept. 15, 2022 in the U.S. J. Smith"), ["Thursday", ",", "Sept.", "15", ",", "2022", "in", "the", "U.S.", "J.", "Smith"]);
  assert.deepEqual(tokenize("see https://example.com/a?b=1."), ["see", "https://example.com/a?b=1", "."]);
});

test("sentences: split at final punctuation, keep closing quotes, not after titles or initials", () => {
  const text = "He said relations were “the best in history”. Then he left. Dr. Smith met J. Doe on Sept. 15 in the U.S. The talks ended.";
  const a = analyze(article("T", [text]));
  const sentences = a.sentences.map((s) => a.text.slice(s.start, s.end)).slice(1);
  assert.deepEqual(sentences, ["He said relations were “the best in history”.", "Then he left.", "Dr. Smith met J. Doe on Sept. 15 in the U.S.", "The talks ended."]);
});

test("offsets: every token and sentence is a span of the text; empty and odd input do not crash", () => {
  for (const body of ["", "!!! ??? ...", "🙂🙂 🎉", "a\u0000b\u0007c", "Привет мир. 你好。 مرحبا", "x".repeat(100_000)]) {
    const a = analyze(article("Title", [body]));
    for (const s of a.sentences) assert.ok(s.start >= 0 && s.end <= a.text.length && s.start < s.end);
  }
});

const sentencesOf = (body: string): string[] => {
  const a = analyze(article("T", [body]));
  return a.sentences.slice(1).map((s) => a.text.slice(s.start, s.end));
};

test("sentences: '.', '?' and '!' end a sentence, with and without closing quotes and brackets", () => {
  assert.deepEqual(sentencesOf("It rained. We left."), ["It rained.", "We left."]);
  assert.deepEqual(sentencesOf("Did it rain? We left."), ["Did it rain?", "We left."]);
  assert.deepEqual(sentencesOf("It rained! We left."), ["It rained!", "We left."]);
  assert.deepEqual(sentencesOf("He said “it rained.” We left."), ["He said “it rained.”", "We left."]);
  assert.deepEqual(sentencesOf('He asked "did it rain?" We left.'), ['He asked "did it rain?"', "We left."]);
  assert.deepEqual(sentencesOf("He shouted “it rained!” We left."), ["He shouted “it rained!”", "We left."]);
  assert.deepEqual(sentencesOf("It rained (all day.) We left."), ["It rained (all day.)", "We left."]);
  assert.deepEqual(sentencesOf("Rain? [Yes!] We left."), ["Rain?", "[Yes!]", "We left."]);
  // A quote closed by a final mark goes on when a lowercase word follows: the cue belongs to it.
  assert.deepEqual(sentencesOf("“Is it over?” he asked. No."), ["“Is it over?” he asked.", "No."]);
});

test("sentences: '?!', '!!', '?\"' and '…' end one sentence, not several", () => {
  assert.deepEqual(sentencesOf("Really?! Yes."), ["Really?!", "Yes."]);
  assert.deepEqual(sentencesOf("Stop!! Now."), ["Stop!!", "Now."]);
  assert.deepEqual(sentencesOf("What?!? No."), ["What?!?", "No."]);
  assert.deepEqual(sentencesOf('He asked "why?" Then he left.'), ['He asked "why?"', "Then he left."]);
  assert.deepEqual(sentencesOf("Wait… What happened?"), ["Wait…", "What happened?"]);
  assert.deepEqual(sentencesOf("Wait... What happened?"), ["Wait...", "What happened?"]);
  assert.deepEqual(tokenize("Really?! Yes!!"), ["Really", "?!", "Yes", "!!"]);
});

test("tokens: a lone surrogate anywhere is one token of its own, never a zero-length token; pairs stay whole", () => {
  assert.deepEqual(tokenize("\ud83d"), ["\ud83d"]);
  assert.deepEqual(tokenize("said\ud83d"), ["said", "\ud83d"]);
  assert.deepEqual(tokenize("\ud83dsaid"), ["\ud83d", "said"]);
  assert.deepEqual(tokenize("a\ud83db"), ["a", "\ud83d", "b"]);
  assert.deepEqual(tokenize("\udc00 x \udfff"), ["\udc00", "x", "\udfff"]);
  assert.deepEqual(tokenize("\ud800\ud800"), ["\ud800", "\ud800"]);
  assert.deepEqual(tokenize("a-\ud83d"), ["a-", "\ud83d"]);
  assert.deepEqual(tokenize("hi😀there 𝐀bc"), ["hi", "😀", "there", "𝐀bc"]);
});
