import assert from "node:assert/strict";
import { test } from "node:test";
import { DuplicateIndex, DUPLICATE_DEFAULTS } from "../src/stories/duplicates.js";
import { exactKey, minhash, signatureSimilarity } from "../src/stories/minhash.js";

const VOCABULARY = "council river bank school minister budget vote rail station harbour ship airport flight court judge ruling police report hospital doctor nurse library book market price shares bank rate farm crop rain storm".split(" ");

/** A made-up article of `n` sentences about `topic`: words drawn from a small vocabulary by a seeded generator. */
function article(topic: string, n = 24): string {
  let seed = [...topic].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7);
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % VOCABULARY.length;
  const lines = [`${topic} headline for the day`];
  for (let i = 0; i < n; i++) lines.push(`Sentence ${i}: ${Array.from({ length: 12 }, () => VOCABULARY[next()]).join(" ")}.`);
  return lines.join("\n\n");
}

test("an exact copy is found by its word hash, whatever its wrapping, case or punctuation", () => {
  const a = article("harbour");
  assert.equal(exactKey(a), exactKey(a.toUpperCase().replace(/\n\n/g, "\n").replace(/\./g, " .")));
  assert.notEqual(exactKey(a), exactKey(a.replace("Sentence 3", "Sentence three")));
  const index = new DuplicateIndex();
  assert.equal(index.add("a", a), null);
  assert.deepEqual(index.add("b", a.replace(/\n\n/g, "\n")), { of: "a", similarity: 1, exact: true });
});

test("a re-post with a sentence deleted, one changed and a new headline is linked to the earliest article, with its similarity", () => {
  const a = article("harbour");
  const lines = a.split("\n\n");
  lines.splice(5, 1);
  lines[8] = "An entirely rewritten sentence about something else.";
  lines[0] = "Breaking: council meets residents";
  const index = new DuplicateIndex();
  index.add("first", a);
  index.add("second", a.replace(/\n\n/g, "\n")); // an exact copy, later
  const m = index.add("edited", lines.join("\n\n"));
  assert.ok(m, "the edited re-post is found");
  assert.equal(m.of, "first");
  assert.equal(m.exact, false);
  assert.ok(m.similarity >= DUPLICATE_DEFAULTS.minSimilarity && m.similarity < 1, `similarity ${m.similarity}`);
});

test("distinct articles, even of one form, are not linked", () => {
  const index = new DuplicateIndex();
  for (const topic of ["harbour", "railway", "school", "hospital", "library", "airport"]) {
    assert.equal(index.add(topic, article(topic)), null, topic);
  }
});

test("the threshold is the option's: at 1.0 only exact copies link", () => {
  const a = article("harbour");
  const lines = a.split("\n\n");
  lines[3] = "A sentence rewritten from its first word to its last.";
  const edited = lines.join("\n\n");
  const strict = new DuplicateIndex({ ...DUPLICATE_DEFAULTS, minSimilarity: 1 });
  strict.add("a", a);
  assert.equal(strict.add("b", edited), null);
  const loose = new DuplicateIndex();
  loose.add("a", a);
  assert.equal(loose.add("b", edited)?.of, "a");
});

test("signatures are deterministic and estimate the shingle overlap", () => {
  const a = article("harbour");
  assert.deepEqual(minhash(a), minhash(a));
  assert.equal(minhash(a).length, DUPLICATE_DEFAULTS.bands * DUPLICATE_DEFAULTS.rows);
  const half = a.split("\n\n").slice(0, 13).join("\n\n");
  const s = signatureSimilarity(minhash(a), minhash(half));
  assert.ok(s > 0.3 && s < 0.75, `about half the shingles shared: ${s}`);
  assert.ok(signatureSimilarity(minhash(a), minhash(article("railway"))) < 0.5);
});
