import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "../src/analyze.js";
import type { Article } from "../src/core/article.js";
import { classifyParagraph, findDateline, looksLikeByline, parseByline } from "../src/stages/text/blocks.js";

test("paragraph kinds: related teasers, captions, headings, paragraphs", () => {
  assert.equal(classifyParagraph("ANALYSIS | Putin needs Xi Jinping’s help more than ever after missteps in Ukraine"), "related");
  assert.equal(classifyParagraph("READ MORE: How the war changed Europe"), "related");
  assert.equal(classifyParagraph("Related: Markets slide on rate fears"), "related");
  assert.equal(
    classifyParagraph("Chinese President Xi Jinping, left, and Russian President Vladimir Putin at the summit in Samarkand, Uzbekistan, Thursday, Sept. 15, 2022. (Alexandr Demyanchuk/Pool/Sputnik/AP)"),
    "caption",
  );
  assert.equal(classifyParagraph("Firefighters at the scene on Monday. (Getty Images)"), "caption");
  assert.equal(classifyParagraph("The state of relations between Russia and China"), "heading");
  assert.equal(classifyParagraph("A sad day for music"), "heading");
  assert.equal(classifyParagraph("The government had claimed tobacco firms"), "paragraph");
  assert.equal(classifyParagraph("Japanese brewers are increasingly making money from beer-flavoured drinks rather than beer itself"), "paragraph");
  assert.equal(classifyParagraph("Caroline Quentin (Life Begins/ Von Trapped, ITV1)"), "paragraph");
  assert.equal(classifyParagraph("Putin also said that Russia and China would strengthen cooperation."), "paragraph");
  assert.equal(classifyParagraph("China is eager for (the war) to end, said Yun Sun, director of the China program."), "paragraph");
  assert.equal(classifyParagraph("Analysis: the figures show a slowdown in hiring across the sector, economists said."), "paragraph");
});

test("datelines give the source when it is named; the dash is the dateline's, not the story's", () => {
  assert.deepEqual(findDateline("(CNN) An online meeting began."), { length: 5, source: "CNN" });
  assert.deepEqual(findDateline("WASHINGTON (Reuters) - The Senate voted."), { length: 22, source: "Reuters" });
  assert.deepEqual(findDateline("NAIROBI, Kenya (AP) _ Bombs exploded."), { length: 21, source: "AP" });
  assert.deepEqual(findDateline("LONDON — Prices rose."), { length: 8, source: null });
  assert.equal(findDateline("China (the country) said no."), null);
  assert.equal(findDateline("The minister said."), null);
});

test("bylines: names, 'By', outlets dropped; sentences are not bylines", () => {
  assert.ok(looksLikeByline("Melissa Velsquez Loaiza"));
  assert.ok(looksLikeByline("By Jane Doe and John Roe, CNN"));
  assert.deepEqual(parseByline("By Jane Doe and John Roe, CNN"), ["Jane Doe", "John Roe"]);
  assert.ok(!looksLikeByline("The minister resigned on Friday."));
  assert.ok(!looksLikeByline("Officials say the plan will cost more than expected"));
});

test("layout: title, byline, dateline and body blocks; later stages read only title and paragraphs", () => {
  const article: Article = {
    id: "x", source: null, url: null, published: "2022-12-31", section: null, title: "Headline here", authors: ["Jane Doe"],
    language: "en", byline: "By Jane Doe", paragraphs: ["(CNN) The first paragraph.", "A crosshead", "Second paragraph. ."],
  };
  const a = analyze(article);
  assert.deepEqual(a.blocks.map((b) => [b.kind, a.text.slice(b.start, b.end)]), [
    ["title", "Headline here"],
    ["byline", "By Jane Doe"],
    ["dateline", "(CNN)"],
    ["paragraph", "The first paragraph."],
    ["heading", "A crosshead"],
    ["paragraph", "Second paragraph."],
  ]);
  assert.equal(a.article.source, "CNN");
  assert.equal(a.text, "Headline here\n\nBy Jane Doe\n\n(CNN) The first paragraph.\n\nA crosshead\n\nSecond paragraph.");
});

test("layout: kinds the reader knew from markup are kept; a marked-up paragraph may still open with a dateline", () => {
  const article: Article = {
    id: "k", source: null, url: null, published: "2022-12-31", section: null, title: "Headline here", authors: [],
    language: "en",
    paragraphs: ["Politics", "(CNN) The first paragraph.", "“We will win,” she said.", "A plain line", "Photo: the square."],
    kinds: ["label", "paragraph", "blockquote", undefined, "caption"],
  };
  const a = analyze(article);
  assert.deepEqual(a.blocks.map((b) => [b.kind, a.text.slice(b.start, b.end)]), [
    ["title", "Headline here"],
    ["label", "Politics"],
    ["dateline", "(CNN)"],
    ["paragraph", "The first paragraph."],
    ["blockquote", "“We will win,” she said."],
    ["heading", "A plain line"],
    ["caption", "Photo: the square."],
  ]);
  // The label is not story text; the block quote is, and its quote is found.
  assert.ok(!a.entities.some((e) => e.mentions.some((m) => m.text === "Politics")));
  assert.equal(a.quotes.filter((q) => q.kind === "direct").length, 1);
});

test("layout: a stray ' .' after final punctuation is dropped, repeatedly, and only there", async () => {
  const { cleanParagraph } = await import("../src/stages/text/layout.js");
  assert.equal(cleanParagraph("killing at least three people. ."), "killing at least three people.");
  assert.equal(cleanParagraph("He left! . ."), "He left!");
  assert.equal(cleanParagraph("“We agree.” ."), "“We agree.”");
  assert.equal(cleanParagraph("ok ."), "ok .");
  assert.equal(cleanParagraph("x. .  . ."), "x. .  .");
  assert.equal(cleanParagraph(`x${". ".repeat(50_000)}.`), "x.");
});
