import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "../src/analyze.js";
import type { Analysis, Entity } from "../src/core/analysis.js";
import type { Article } from "../src/core/article.js";
import { createPipeline } from "../src/core/pipeline.js";

const article = (paragraphs: string[], title = "News of the day"): Article => ({
  id: "t", source: null, url: null, published: "2016-10-15", section: null, title, authors: [], language: "en", paragraphs,
});

function entityOf(a: Analysis, text: string, occurrence = 0): Entity {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = a.text.indexOf(text, at + 1);
  assert.ok(at >= 0, `no "${text}" in the text`);
  const e = a.entities.find((x) => x.mentions.some((m) => m.start === at && m.end === at + text.length));
  assert.ok(e, `no entity has the mention "${text}" #${occurrence}: ${a.entities.map((x) => x.name).join(", ")}`);
  return e;
}

const names = (a: Analysis, e: Entity): string[] => e.affiliations.map((id) => a.entities.find((x) => x.id === id)!.name);

test("coref: a person's full name, surname, honorific form and possessive are one entity named by the full name", () => {
  const a = analyze(article(["Vladimir Putin met Xi Jinping in Moscow on Friday.", "Putin's guest spoke first. Mr. Putin then said the talks went well.", "Xi praised the host."]));
  const putin = entityOf(a, "Vladimir Putin");
  assert.equal(putin.name, "Vladimir Putin");
  assert.equal(entityOf(a, "Putin", 1), putin);
  assert.equal(entityOf(a, "Putin", 2), putin);
  assert.equal(entityOf(a, "Xi", 1), entityOf(a, "Xi Jinping"));
  assert.equal(a.entities.filter((e) => e.type === "PERSON").length, 2, a.entities.map((e) => e.name).join(", "));
});

test("coref: two people who share a surname stay apart; a bare surname goes to the one mentioned last, or to the one an honorific fits", () => {
  const a = analyze(article([
    "Hillary Clinton spoke in Ohio on Monday. Bill Clinton campaigned in Florida.",
    "Clinton told voters there that the economy had grown.",
    "Hillary Clinton later answered questions. Clinton said she was ready.",
    "Mrs. Clinton thanked her staff.",
  ]));
  const hillary = entityOf(a, "Hillary Clinton");
  const bill = entityOf(a, "Bill Clinton");
  assert.notEqual(hillary, bill);
  assert.equal(entityOf(a, "Clinton", 2), bill, "the Clinton after Bill Clinton");
  assert.equal(entityOf(a, "Clinton", 4), hillary, "the Clinton after Hillary Clinton");
  assert.equal(entityOf(a, "Clinton", 5), hillary, "Mrs. Clinton");
});

test("coref: organization acronyms and short forms, country aliases", () => {
  const a = analyze(article([
    "The Shanghai Cooperation Organization (SCO) met in Samarkand. The SCO has eight members.",
    "The Securities and Exchange Commission fined Goldman Sachs. The SEC said Goldman had misled investors.",
    "The Russian Federation and the United States disagreed. Russia said the U.S. was wrong, and the US disagreed again.",
  ]));
  assert.equal(entityOf(a, "SCO", 1), entityOf(a, "Shanghai Cooperation Organization"));
  assert.equal(entityOf(a, "Shanghai Cooperation Organization").name, "Shanghai Cooperation Organization");
  assert.equal(entityOf(a, "SEC"), entityOf(a, "Securities and Exchange Commission"));
  assert.equal(entityOf(a, "Goldman", 1), entityOf(a, "Goldman Sachs"));
  assert.equal(entityOf(a, "Russia", 1), entityOf(a, "Russian Federation"));
  assert.equal(entityOf(a, "U.S."), entityOf(a, "United States"));
  assert.equal(entityOf(a, "US"), entityOf(a, "United States"));
});

test("coref: titles before a name and in apposition, with the organizations and places they name as affiliations", () => {
  const a = analyze(article([
    "Russian President Vladimir Putin spoke. Indian Prime Minister Narendra Modi listened.",
    "China is eager for the war to end, said Yun Sun, director of the China program at the Washington-based think tank Stimson Center.",
    "China is isolated, said Alfred Wu, associate professor at the Lee Kuan Yew School of Public Policy at the National University of Singapore.",
  ]));
  const putin = entityOf(a, "Vladimir Putin");
  assert.deepEqual(putin.titles, ["Russian President"]);
  assert.deepEqual(names(a, putin), ["Russian"]);
  assert.deepEqual(entityOf(a, "Narendra Modi").titles, ["Indian Prime Minister"]);
  const sun = entityOf(a, "Yun Sun");
  assert.deepEqual(sun.titles, ["director of the China program"]);
  assert.deepEqual(names(a, sun), ["Stimson Center"]);
  const wu = entityOf(a, "Alfred Wu");
  assert.deepEqual(wu.titles, ["associate professor"]);
  assert.deepEqual(names(a, wu), ["Lee Kuan Yew School of Public Policy"]);
});

test("coref: 'He said that' is the person in focus, '..., he added' the last speaker, 'she' a woman; descriptions by title", () => {
  const a = analyze(article([
    "Russian President Vladimir Putin met Chinese President Xi Jinping on Friday.",
    "He said that relations were the best in history.",
    "Xi will press for peace, said Yun Sun, an analyst at the Stimson Center. The talks will be hard, he added.",
    "The Russian leader also pointed to record trade. Putin met Angela Merkel later, and she urged him to end the war.",
  ]));
  const putin = entityOf(a, "Vladimir Putin");
  const kinds = (e: Entity) => e.mentions.filter((m) => m.kind !== "name").map((m) => `${m.kind}:${m.text}`);
  assert.deepEqual(kinds(putin), ["pronoun:He", "nominal:The Russian leader", "pronoun:him"]);
  assert.deepEqual(kinds(entityOf(a, "Yun Sun")), ["pronoun:he"]);
  assert.deepEqual(kinds(entityOf(a, "Angela Merkel")), ["pronoun:she"]);
  assert.deepEqual(kinds(entityOf(a, "Xi Jinping")), []);
});

test("coref: a pronoun with no agreeing person stays unresolved, never given to someone of the other gender", () => {
  const a = analyze(article(["John Smith said the plan would fail.", "She disagreed."]));
  assert.deepEqual(a.entities.flatMap((e) => e.mentions).filter((m) => m.kind === "pronoun"), []);
});

test("coref: nationalities and capitals are tied to their country when the article names it", () => {
  const a = analyze(article(["Moscow and Beijing grew closer as Russian and Chinese officials met. Russia and China signed a deal."]));
  assert.deepEqual(names(a, entityOf(a, "Moscow")), ["Russia"]);
  assert.deepEqual(names(a, entityOf(a, "Beijing")), ["China"]);
  assert.deepEqual(names(a, entityOf(a, "Russian")), ["Russia"]);
  assert.deepEqual(names(a, entityOf(a, "Chinese")), ["China"]);
});

test("coref: every mention says its kind; ids follow first mentions; spans are the text's", () => {
  const a = analyze(article(["Putin spoke. Vladimir Putin said he was ready."]));
  a.entities.forEach((e, k) => {
    assert.equal(e.id, `e${k + 1}`);
    for (const m of e.mentions) {
      assert.equal(a.text.slice(m.start, m.end), m.text);
      assert.ok(["name", "nominal", "pronoun"].includes(m.kind));
    }
  });
  const starts = a.entities.map((e) => Math.min(...e.mentions.map((m) => m.start)));
  assert.deepEqual(starts, [...starts].sort((x, y) => x - y));
});

test("coref: the stage requires the entities stage before it", () => {
  assert.throws(() => createPipeline(["text", "time", "coref"]), /stage "coref" requires doc\.entities/);
  assert.doesNotThrow(() => createPipeline(["text", "time", "entities", "coref"]));
});

test("coref: 'its' is the organization or place named last; 'the company' the organization", () => {
  const a = analyze(article(["Airbus said its profit rose. The company hired 500 engineers.", "China is isolated in its stance toward Russia."]));
  const kinds = (e: Entity) => e.mentions.filter((m) => m.kind !== "name").map((m) => `${m.kind}:${m.text}`);
  assert.deepEqual(kinds(entityOf(a, "Airbus")), ["pronoun:its", "nominal:The company"]);
  assert.deepEqual(kinds(entityOf(a, "China")), ["pronoun:its"]);
  assert.deepEqual(kinds(entityOf(a, "Russia")), []);
});

test("coref: 'Donald J. Trump', 'Donald Trump', 'Trump' and 'Mr. Trump' are one person; 'Hillary' is Hillary Clinton", () => {
  const a = analyze(article([
    "Donald J. Trump met donors in Ohio. Hillary Clinton campaigned in Florida.",
    "Donald Trump later said the polls were wrong. Mr. Trump spoke for an hour, and Trump's aides cheered.",
    "Hillary told supporters she would win.",
  ]));
  const trump = entityOf(a, "Donald J. Trump");
  assert.equal(trump.name, "Donald J. Trump");
  for (const [text, k] of [["Donald Trump", 0], ["Trump", 2], ["Trump", 3]] as const) assert.equal(entityOf(a, text, k), trump, `${text} #${k}`);
  const hillary = entityOf(a, "Hillary Clinton");
  assert.equal(entityOf(a, "Hillary", 1), hillary);
  assert.deepEqual(hillary.mentions.filter((m) => m.kind === "pronoun").map((m) => m.text), ["she"]);
});

test("coref: a speaker named in apposition before the cue ('the correspondent, Rachel Harvey, told') is the last speaker of a trailing 'she said'", () => {
  const a = analyze(article([
    "\"This quarter is the best time to increase fuel prices,\" said Sri Mulyani Indrawati, the planning minister. The BBC's correspondent in Jakarta, Rachel Harvey, told World Business Report that there was likely to be a strong reaction. \"The big question is whether they go for one big shock,\" she said.",
  ]));
  const at = a.text.indexOf("she said");
  const she = a.entities.find((e) => e.mentions.some((m) => m.start === at));
  assert.equal(she?.name, "Rachel Harvey", a.entities.map((e) => e.name).join(", "));
});

test("coref: a subject pronoun after a sentence with a speaker is that speaker, not the first person named there", () => {
  const a = analyze(article([
    "Prime Minister Tony Blair took questions from students in Liverpool on Friday.",
    "In answer to a question from student David Dunne about trust, Mr Blair said talking was the only answer. The worst thing in politics was the short news clip. This was why he wanted longer debates.",
  ]));
  const pronouns = (e: Entity) => e.mentions.filter((m) => m.kind === "pronoun").map((m) => m.text);
  assert.deepEqual(pronouns(entityOf(a, "Tony Blair")), ["he"]);
  assert.deepEqual(pronouns(entityOf(a, "David Dunne")), []);
  // The object of a preposition right before the cue is not the speaker.
  const b = analyze(article(["Peter Walsh, a neighbour of John Brown said the house had been empty for weeks. He added that the police had been called."]));
  assert.deepEqual(pronouns(entityOf(b, "Peter Walsh")), ["He"]);
  assert.deepEqual(pronouns(entityOf(b, "John Brown")), []);
});
