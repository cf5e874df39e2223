import assert from "node:assert/strict";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { analyze } from "../src/analyze.js";
import type { Analysis } from "../src/core/analysis.js";
import type { Article } from "../src/core/article.js";
import { createPipeline } from "../src/core/pipeline.js";
import { main as evalNer } from "../src/stages/entities/eval/cli.js";
import { conllTypeName, detectScheme, spansFromTags, tagsFromSpans, typeIndex } from "../src/stages/entities/labels.js";
import { nameCue } from "../src/stages/entities/train/lexicon-build.js";
import { readMeantime } from "../src/corpora/meantime.js";
import { meantimeNames, type MeantimeType } from "../src/stages/entities/eval/meantime.js";
import { MeantimeCounter, type MeantimeResult } from "../src/stages/entities/eval/meantime-score.js";
import { meantimeTrainingDoc } from "../src/stages/entities/train/meantime-train.js";
import { institutionOfEnd, titleLength } from "../src/stages/entities/mention-rules.js";
import "../src/stages/entities/stage.js";
import "../src/stages/text/stage.js";
import { fixture } from "./support/paths.js";

const pipeline = createPipeline(["text", "time", "entities"]);
const article = (title: string, paragraphs: string[]): Article => ({
  id: "t", source: null, url: null, published: null, section: null, title, authors: [], language: "en", paragraphs,
});
const run = (title: string, paragraphs: string[]): Analysis => analyze(article(title, paragraphs), pipeline);
const typeOf = (a: Analysis, name: string): string | undefined => a.entities.find((e) => e.name === name)?.type;

test("entities: people, organizations, places and groups with the Analysis types", () => {
  const a = run("Leaders meet", [
    "Chinese President Xi Jinping met Indian Prime Minister Narendra Modi in Beijing on Friday.",
    "The talks angered the ruling Communist Party, said Alfred Wu of the National University of Singapore.",
    "Ukrainians and Orthodox Christians celebrated in Kyiv, the capital of Ukraine.",
  ]);
  assert.equal(typeOf(a, "Xi Jinping"), "PERSON");
  assert.equal(typeOf(a, "Narendra Modi"), "PERSON");
  assert.equal(typeOf(a, "Alfred Wu"), "PERSON");
  assert.equal(typeOf(a, "Communist Party"), "ORG");
  assert.equal(typeOf(a, "National University of Singapore"), "ORG");
  assert.equal(typeOf(a, "Beijing"), "GPE");
  assert.equal(typeOf(a, "Ukraine"), "GPE");
  assert.equal(typeOf(a, "Chinese"), "NORP");
  assert.equal(typeOf(a, "Ukrainians"), "NORP");
  assert.equal(typeOf(a, "Orthodox Christians"), "NORP");
});

test("entities: mentions with identical names group into one entity, ids in order of first mention", () => {
  const a = run("Putin meets Xi", ["Vladimir Putin spoke in Moscow.", "Putin said Russia's economy would grow.", "Putin later left Moscow."]);
  assert.deepEqual(a.entities.map((e) => e.id), a.entities.map((_, i) => `e${i + 1}`));
  const putin = a.entities.find((e) => e.name === "Putin");
  assert.ok(putin && putin.type === "PERSON");
  assert.equal(putin.mentions.length, 3, "title and two body mentions");
  for (const m of putin.mentions) assert.equal(a.text.slice(m.start, m.end), m.text);
  assert.equal(typeOf(a, "Russia"), "GPE", "the possessive is split off");
  assert.equal(a.entities.find((e) => e.name === "Moscow")?.mentions.length, 2);
});

test("entities: bad input gives a sensible result without crashing", () => {
  assert.deepEqual(run("", []).entities, []);
  assert.deepEqual(run("...", ["!!! ??? 😀😀 🎉", "\u0000\u0001\u0007 \u001b[31m"]).entities, []);
  const mixed = run("Mixed", ["Владимир Путин and 习近平 met Emmanuel Macron in Paris."]);
  assert.equal(typeOf(mixed, "Emmanuel Macron"), "PERSON");
  const words = "the minister of Ruritania said that ";
  const big = words.repeat(Math.ceil(400_000 / words.length));
  const t0 = Date.now();
  const a = run("Big", [big]);
  assert.ok(Date.now() - t0 < 20_000, "a 400 KB paragraph is tagged in well under 20 s");
  assert.ok(a.entities.length <= 2);
});

test("labels: conlleval chunking of IOB1/IOB2 and writing back in the same scheme", () => {
  const iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"];
  const chunks = spansFromTags(iob1);
  assert.deepEqual(chunks, [
    { start: 0, end: 2, type: "PER" },
    { start: 2, end: 3, type: "PER" },
    { start: 4, end: 5, type: "LOC" },
    { start: 5, end: 6, type: "ORG" },
  ]);
  assert.equal(detectScheme(iob1), "IOB1");
  assert.deepEqual(tagsFromSpans(6, chunks, "IOB1"), iob1);
  const iob2 = ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG"];
  assert.equal(detectScheme(iob2), "IOB2");
  assert.deepEqual(spansFromTags(iob2), chunks);
  assert.deepEqual(tagsFromSpans(6, chunks, "IOB2"), iob2);
});

test("eval ner: scores a CoNLL file and writes it back with a prediction column", async () => {
  const out = join(mkdtempSync(join(tmpdir(), "ner-")), "pred.conll");
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((s: string) => (chunks.push(s), true)) as typeof process.stdout.write;
  let code: number;
  try {
    code = await evalNer(["--conll", fixture("ner", "tiny.conll"), "--out", out, "--json"]);
  } finally {
    process.stdout.write = write;
  }
  assert.equal(code, 0);
  const r = JSON.parse(chunks.join(""));
  assert.equal(r.tokens, 22);
  assert.equal(r.chunks, 6);
  assert.equal(r.scheme, "IOB1");
  assert.ok(r.overall.f1 >= 80, `F1 ${r.overall.f1}`);
  const lines = readFileSync(out, "utf8").split("\n");
  const input = readFileSync(fixture("ner", "tiny.conll"), "utf8").split("\n");
  assert.equal(lines.length, input.length);
  assert.equal(lines[0], "-DOCSTART- -X- -X- O O");
  assert.match(lines[2]!, /^Angela NNP I-NP I-PER I-PER$/);
  assert.equal(lines[3], "Merkel NNP I-NP I-PER I-PER");
});

test("meantime: prose rebuilt from tokens, named mentions typed by their entity, name cores, annotated part", () => {
  const doc = readMeantime(readFileSync(fixture("meantime/1_Tiny.xml"), "utf8"));
  assert.equal(doc.text.split("\n")[2], 'Senator John Smith said the United States\'s Wal-Mart pays "US$5".');
  assert.equal(doc.annotatedSentences, 3);
  const show = (s: { start: number; end: number }): string => doc.text.slice(s.start, s.end);
  const gold = meantimeNames(doc).map((g) => `${g.type} ${show(g.span)} | ${show(g.name)}`);
  // The outer "the United States's Wal-Mart" holds an inner mention of the same entity: only "Wal-Mart" stays.
  assert.deepEqual(gold, [
    "ORG Apple | Apple", "PRO iPhone | iPhone", "PER Senator John Smith | John Smith",
    "LOC the United States | United States", "ORG Wal-Mart | Wal-Mart", "FIN US$5 | US$5",
  ]);
});

test("meantime scorer: exact on name cores, overlap on annotated spans, unmapped types left out", () => {
  const g = (start: number, end: number, type: MeantimeType | null, name = { start, end }) => ({ span: { start, end }, name, type });
  const counter = new MeantimeCounter();
  const errors = counter.add(
    [g(0, 10, "PER", { start: 4, end: 10 }), g(20, 25, "ORG"), g(30, 35, "FIN"), g(40, 45, "LOC")],
    [{ start: 4, end: 10, type: "PER" }, { start: 20, end: 24, type: "ORG" }, { start: 30, end: 33, type: "ORG" }, { start: 50, end: 55, type: "LOC" }],
  );
  const r = counter.result();
  assert.deepEqual([r.exact.overall.gold, r.exact.overall.predicted, r.exact.overall.correct], [3, 3, 1]);
  assert.deepEqual([r.overlap.overall.predicted, r.overlap.overall.correct], [3, 2]);
  assert.deepEqual(r.unscoredGold, { FIN: 1 });
  assert.deepEqual(errors.missed.map((m) => m.gold.span.start), [20, 40]);
  assert.deepEqual(errors.spurious.map((s) => s.start), [20, 50]);
});

test("eval ner --meantime: the whole pipeline on a MEANTIME folder, as JSON", async () => {
  const out: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (s: string | Uint8Array): boolean => (out.push(String(s)), true);
  try {
    assert.equal(await evalNer(["--meantime", fixture("meantime"), "--json"]), 0);
  } finally {
    process.stdout.write = write;
  }
  const r = JSON.parse(out.join("")) as MeantimeResult;
  assert.equal(r.documents, 1);
  assert.equal(r.exact.overall.gold, 5);
  assert.ok(r.exact.types.PER!.correct === 1, "Senator John Smith is scored by its name core John Smith");
  assert.ok(r.exact.types.PRO!.correct === 1, "iPhone is a product");
});

test("entities: titles cut from person names, hyphen-glued places, currency prefixes, products, state names", () => {
  const a = run("Deal", [
    "Senator John McCain met Mr Gates of the Washington-based fund and Russian-Chinese envoys of the Russian Federation.",
    "It paid US$5 million for an Airbus A380 and iPhone units.",
  ]);
  assert.equal(typeOf(a, "John McCain"), "PERSON");
  assert.equal(titleLength(["Senator", "John", "McCain"]), 1);
  assert.equal(titleLength(["Prince"]), 0, "a title alone stays the name");
  assert.equal(typeOf(a, "Gates"), "PERSON");
  assert.equal(typeOf(a, "Washington"), "GPE");
  assert.equal(typeOf(a, "Russian-Chinese"), "NORP");
  assert.equal(typeOf(a, "Russian Federation"), "GPE");
  assert.equal(typeOf(a, "US"), undefined);
  assert.equal(typeOf(a, "Airbus A380"), "PRODUCT");
  assert.equal(typeOf(a, "iPhone"), "PRODUCT");
});

test("meantime training data: annotated story sentences, tokens as at run time, name cores as IOB2 tags", () => {
  const doc = meantimeTrainingDoc(readFileSync(fixture("meantime/1_Tiny.xml"), "utf8"), null);
  const tagged = doc.sentences.map((s) => s.words.map((w, i) => (s.tags[i] === "O" ? w : `${w}/${s.tags[i]}`)).join(" "));
  // Title and the sentence with names; "Paris is not annotated." lies after the annotated part.
  assert.equal(tagged[0], "Apple/B-ORG sells iPhone/B-PRO");
  assert.ok(tagged.some((t) => t.startsWith("Senator John/B-PER Smith/I-PER said the United/B-LOC States/I-LOC 's Wal-Mart/B-ORG")), tagged.join("\n"));
  assert.ok(!tagged.some((t) => t.includes("Paris")));
  assert.equal(conllTypeName(typeIndex("PRO")), "MISC", "products are MISC in CoNLL scoring");
});

test("lexicon: company and person contexts in unlabeled text", () => {
  const cue = (s: string, i: number): number => nameCue(s.split(" "), i);
  assert.equal(cue("Boeing 's shares fell", 0), 1);
  assert.equal(cue("a spokesman for Chrysler said", 3), 1);
  assert.equal(cue("Lockheed Corp said", 0), 1);
  assert.equal(cue("Mr Obama said", 1), 2);
  assert.equal(cue("Smith , 54 , said", 0), 2);
  assert.equal(cue("Boeing said", 0), 0);
});

test("entities: companies and products named as subjects in current news", () => {
  const a = run("Boeing delays Dreamliner again", [
    "Boeing said on Tuesday that the first 787 Dreamliner would be delivered late. Boeing's shares fell 3 percent.",
    "Chrysler and General Motors asked the government for loans. Lockheed Martin won the contract.",
  ]);
  assert.equal(typeOf(a, "Boeing"), "ORG");
  assert.equal(typeOf(a, "Chrysler"), "ORG");
  assert.equal(typeOf(a, "General Motors"), "ORG");
  assert.equal(typeOf(a, "Lockheed Martin"), "ORG");
});

test("entities: an institution name cut before its 'of' complement is completed", () => {
  const words = ["at", "the", "Lee", "Kuan", "Yew", "School", "of", "Public", "Policy", "at", "the", "University"];
  assert.equal(institutionOfEnd(words, 6), 9);
  assert.equal(institutionOfEnd(["the", "Ministry", "of", "Defence", "and", "Veterans", "said"], 2), 6);
  assert.equal(institutionOfEnd(["Boeing", "of", "Chicago"], 1), 1, "not an institution head");
  assert.equal(institutionOfEnd(["the", "School", "of", "thought"], 2), 2, "no capitalized complement");
});

test("entities: agencies in a photo credit are organizations, 'Pool' is no name", () => {
  const a = analyze({
    id: "c", source: null, url: null, published: "2022-12-31", section: null, title: "Leaders meet", authors: [], language: "en",
    paragraphs: ["The leaders met in Samarkand on Thursday.", "Leaders at the summit in Samarkand, Uzbekistan, Thursday, Sept. 15, 2022. (Alexandr Demyanchuk/Pool/Sputnik/AP)"],
  });
  const byName = new Map(a.entities.map((e) => [e.name, e.type]));
  assert.equal(byName.get("Sputnik"), "ORG");
  assert.equal(byName.get("AP"), "ORG");
  assert.equal(byName.has("Pool"), false);
  assert.equal(byName.get("Uzbekistan"), "GPE");
});

test("entities: holidays are time expressions, not names", () => {
  const a = analyze({
    id: "h", source: null, url: null, published: "2022-12-31", section: null, title: "Holidays", authors: [], language: "en",
    paragraphs: ["Ukrainians try to ring in the New Year and celebrate Christmas, Putin said in Moscow."],
  });
  const names = a.entities.map((e) => e.name);
  assert.ok(!names.includes("New Year") && !names.includes("Christmas"), names.join(", "));
  assert.ok(names.includes("Putin") && names.includes("Moscow"));
  assert.ok(a.timexes.some((t) => t.text === "New Year"));
});
