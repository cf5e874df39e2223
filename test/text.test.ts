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
