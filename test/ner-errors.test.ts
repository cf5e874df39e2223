/**
 * The NER errors seen on unseen US political news (PolNeAR dev texts, issue #8), each on small sentences written
 * for the test: the boundaries and types the entities stage must give.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "../src/analyze.js";
import type { Analysis } from "../src/core/analysis.js";
import type { Article } from "../src/core/article.js";

const run = (title: string, ...paragraphs: string[]): Analysis => {
  const article: Article = { id: "t", source: null, url: null, published: null, section: null, title, authors: [], language: "en", paragraphs };
  return analyze(article);
};
const typeOf = (a: Analysis, name: string): string | undefined => a.entities.find((e) => e.name === name)?.type;

test("ner errors 6: the White House is the administration (ORG), not a place", () => {
  const a = run("Statement", "The White House said on Monday that the president would veto the bill.");
  assert.equal(typeOf(a, "White House"), "ORG");
});

test("ner errors 7: 'Democratic' is a party adjective (NORP)", () => {
  const a = run("Race", "The Democratic nominee met voters in Ohio.");
  assert.equal(typeOf(a, "Democratic"), "NORP");
});

test("ner errors 8: 'Muslims' is a religious group (NORP), not a person", () => {
  const a = run("Ban", "He has repeatedly pledged to ban all Muslims from entering the country.");
  assert.equal(typeOf(a, "Muslims"), "NORP");
});

test("ner errors 9: company and advocacy group names are organizations, not places or persons", () => {
  const a = run("Accounts", "Sen. Elizabeth Warren criticized Wells Fargo for opening fake accounts.", "The bill is backed by Public Citizen, a consumer group.", "Robert Weissman, president of Public Citizen, praised her.");
  assert.equal(typeOf(a, "Wells Fargo"), "ORG");
  assert.equal(typeOf(a, "Public Citizen"), "ORG");
});
