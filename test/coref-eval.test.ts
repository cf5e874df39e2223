import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { Analysis, Entity, Mention } from "../src/core/analysis.js";
import { readMeantime } from "../src/corpora/meantime.js";
import { halfOf } from "../src/corpora/split.js";
import { main, type MeantimeCorefReport } from "../src/stages/coref/eval/cli.js";
import { alignMentions, keyMentions, systemMentions } from "../src/stages/coref/eval/meantime.js";
import { splitNames, type PolnearNamesReport } from "../src/stages/coref/eval/polnear-names.js";
import { bcub, ceafe, CorefScorer, maxAssignment, mentionCounts, muc, prf, type Partition } from "../src/stages/coref/eval/score.js";
import { fixture } from "./support/paths.js";

const close = (actual: number, expected: number, what: string): void => assert.ok(Math.abs(actual - expected) < 5e-5, `${what}: ${actual} != ${expected}`);

/*
 * The worked example of Luo (2005) and Pradhan et al. (2014): key K1 = {a,b,c}, K2 = {d,e,f,g}; response
 * R1 = {a,b}, R2 = {c,d}, R3 = {f,g,h,i}. e is missed, h and i are spurious (twinless).
 *
 * Mentions: 6 of the 7 key mentions are in the response (a b c d f g), which has 8: R = 6/7, P = 6/8.
 *
 * MUC recall: K1 is cut by the response into {a,b} {c}: 3 − 2 = 1; K2 into {d} {e} {f,g} (e, twinless, a part of
 * its own): 4 − 3 = 1; over (3 − 1) + (4 − 1) = 5 → R = 2/5. Precision: R1 is in one key part: 2 − 1 = 1; R2 in
 * {c} {d}: 2 − 2 = 0; R3 in {f,g} {h} {i}: 4 − 3 = 1; over 1 + 1 + 3 = 5 → P = 2/5. F1 = 0.4.
 *
 * B³ recall: Σ_k Σ_r |k∩r|²/|k| = K1: 2²/3 + 1²/3 = 5/3; K2: 1²/4 + 2²/4 = 5/4; (5/3 + 5/4) / 7 = 35/84 = 5/12.
 * Precision: R1: 2²/2 = 2; R2: 1²/2 + 1²/2 = 1; R3: 2²/4 = 1; 4 / 8 = 1/2. F1 = 2·(1/2)(5/12)/(1/2 + 5/12) = 5/11.
 *
 * CEAF-e: φ4(K1,R1) = 2·2/5 = 0.8, φ4(K1,R2) = 2·1/5 = 0.4, φ4(K2,R2) = 2·1/6 = 1/3, φ4(K2,R3) = 2·2/8 = 0.5,
 * the rest 0. The best one-to-one alignment is K1–R1, K2–R3: Φ = 1.3 (K1–R1 + K2–R2 gives 1.133, K1–R2 + K2–R3
 * 0.9). R = 1.3/2 = 0.65, P = 1.3/3 = 0.4333, F1 = 2·0.65·0.4333/(0.65 + 0.4333) = 0.52.
 *
 * CoNLL = (0.4 + 5/11 + 0.52) / 3 = 0.45818. (Pradhan et al. 2014 print these rounded: MUC 0.40/0.40/0.40,
 * B³ 0.42/0.50/0.45, CEAF-e 0.65/0.43/0.52.)
 */
const KEY: Partition = [["a", "b", "c"], ["d", "e", "f", "g"]];
const RESPONSE: Partition = [["a", "b"], ["c", "d"], ["f", "g", "h", "i"]];

test("coref scorer: the Luo (2005) / Pradhan et al. (2014) example, computed by hand", () => {
  const m = prf(mentionCounts(KEY, RESPONSE));
  close(m.recall, 6 / 7, "mention R");
  close(m.precision, 6 / 8, "mention P");
  const u = prf(muc(KEY, RESPONSE));
  close(u.recall, 0.4, "MUC R");
  close(u.precision, 0.4, "MUC P");
  close(u.f1, 0.4, "MUC F1");
  const b = prf(bcub(KEY, RESPONSE));
  close(b.recall, 5 / 12, "B3 R");
  close(b.precision, 0.5, "B3 P");
  close(b.f1, 5 / 11, "B3 F1");
  const c = prf(ceafe(KEY, RESPONSE));
  close(c.recall, 0.65, "CEAF-e R");
  close(c.precision, 1.3 / 3, "CEAF-e P");
  close(c.f1, 0.52, "CEAF-e F1");
  const scorer = new CorefScorer();
  scorer.add(KEY, RESPONSE);
  const r = scorer.result();
  close(r.conll, (0.4 + 5 / 11 + 0.52) / 3, "CoNLL");
  assert.deepEqual([r.key.mentions, r.key.entities, r.response.mentions, r.response.entities], [7, 2, 8, 3]);
});

test("coref scorer: the reference scorer's test cases A2-A4 (key {a} {bc} {def}; test/CorefMetricTestConfig.pm)", () => {
  const key: Partition = [["a"], ["b", "c"], ["d", "e", "f"]];
  const cases: [string, Partition, Record<"muc" | "bcub" | "ceafe", [number, number]>][] = [
    // Missing mentions: MUC R 1/3 (only d-e of the three key links), B³ R (1 + 4/3)/6, CEAF-e Φ = 1 + 4/5.
    ["A2", [["a"], ["d", "e"]], { muc: [1 / 3, 1], bcub: [7 / 3 / 6, 1], ceafe: [0.6, 0.9] }],
    // Spurious mentions x, y, z.
    ["A3", [["a"], ["b", "c", "x"], ["d", "e", "f", "y"], ["z"]], { muc: [1, 3 / 5], bcub: [1, (4 + 7 / 12) / 9], ceafe: [0.88571, 0.66429] }],
    // Both.
    ["A4", [["a"], ["b", "c", "x"], ["d", "y"], ["z"]], { muc: [1 / 3, 1 / 3], bcub: [(3 + 1 / 3) / 6, (1 + 4 / 3 + 1 / 2) / 7], ceafe: [0.73333, 0.55] }],
  ];
  for (const [id, response, want] of cases) {
    for (const [name, metric] of [["muc", muc], ["bcub", bcub], ["ceafe", ceafe]] as const) {
      const s = prf(metric(key, response));
      close(s.recall, want[name][0], `${id} ${name} R`);
      close(s.precision, want[name][1], `${id} ${name} P`);
    }
  }
});

test("coref scorer: identical partitions score 1; singletons have no MUC links but count in B3 and CEAF-e", () => {
  for (const metric of [muc, bcub, ceafe]) {
    const s = prf(metric(KEY, KEY));
    assert.deepEqual([s.precision, s.recall, s.f1], [1, 1, 1], metric.name);
  }
  // Key {a} {b}, response {a,b}. MUC: no key link (0/0 → 0), the response link is wrong (0/1).
  const key: Partition = [["a"], ["b"]];
  const response: Partition = [["a", "b"]];
  const u = prf(muc(key, response));
  assert.deepEqual([u.recall, u.precision], [0, 0]);
  // B³: each key mention's entity is wholly found (R = 1); each response mention shares half its entity (P = 1/2).
  const b = prf(bcub(key, response));
  assert.deepEqual([b.recall, b.precision], [1, 0.5]);
  // CEAF-e: φ4({a},{a,b}) = 2/3 for the one response entity: R = (2/3)/2, P = (2/3)/1.
  const c = prf(ceafe(key, response));
  close(c.recall, 1 / 3, "CEAF-e R");
  close(c.precision, 2 / 3, "CEAF-e P");
  // Nothing in common: all zero, and no division by zero.
  const none = prf(bcub([["x"]], []));
  assert.deepEqual([none.recall, none.precision, none.f1], [0, 0, 0]);
  assert.throws(() => muc([["a"], ["a"]], []), /two entities/);
});

test("coref scorer: documents are summed before dividing, as the reference scorer does", () => {
  const scorer = new CorefScorer();
  scorer.add(KEY, RESPONSE);
  scorer.add([["x", "y"]], [["x", "y"]]);
  const r = scorer.result();
  // MUC: (2 + 1) / (5 + 1) both ways; B³ recall (35/12 + 2) / (7 + 2); CEAF-e recall (1.3 + 1) / (2 + 1).
  close(r.muc.recall, 3 / 6, "MUC R");
  close(r.muc.precision, 3 / 6, "MUC P");
  close(r.bcub.recall, (35 / 12 + 2) / 9, "B3 R");
  close(r.bcub.precision, (4 + 2) / 10, "B3 P");
  close(r.ceafe.recall, 2.3 / 3, "CEAF-e R");
  close(r.ceafe.precision, 2.3 / 4, "CEAF-e P");
  assert.equal(r.documents, 2);
});

test("Kuhn-Munkres: the maximum-weight assignment of small matrices, checked against brute force", () => {
  let seed = 7;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const best = (w: number[][]): number => {
    // All injective maps of rows (or columns, whichever is fewer) into the other side.
    const [rows, cols] = [w.length, w[0]!.length];
    const small = rows <= cols;
    const n = small ? rows : cols, m = small ? cols : rows;
    let top = -Infinity;
    const go = (i: number, used: Set<number>, sum: number): void => {
      if (i === n) return void (top = Math.max(top, sum));
      for (let j = 0; j < m; j++) {
        if (used.has(j)) continue;
        used.add(j);
        go(i + 1, used, sum + (small ? w[i]![j]! : w[j]![i]!));
        used.delete(j);
      }
    };
    go(0, new Set(), 0);
    return top;
  };
  for (let t = 0; t < 60; t++) {
    const rows = 1 + Math.floor(rand() * 5), cols = 1 + Math.floor(rand() * 5);
    const w = Array.from({ length: rows }, () => Array.from({ length: cols }, () => (rand() < 0.3 ? 0 : Math.round(rand() * 100) / 100)));
    const a = maxAssignment(w);
    const cols2 = a.filter((j) => j >= 0);
    assert.equal(new Set(cols2).size, cols2.length, "each column once");
    assert.equal(cols2.length, Math.min(rows, cols));
    close(a.reduce((s, j, i) => s + (j >= 0 ? w[i]![j]! : 0), 0), best(w), `matrix ${JSON.stringify(w)}`);
  }
  assert.deepEqual(maxAssignment([]), []);
  assert.deepEqual(maxAssignment([[], []]), [-1, -1]);
});

// A hand-written file in MEANTIME's format (not corpus text): "Boeing names new chairman" / "May 1, 2008" /
// "Boeing said Jim McNerney, the company's chairman, will retire." / "He told reporters that the aircraft maker
// would grow." / "Paris is not annotated." Chains: Boeing = Boeing (title), Boeing, the company, the aircraft maker
// (syntactic_type left empty, as in the airbus and gm folders); Jim McNerney = the apposition "Jim McNerney, the
// company's chairman" (APP), Jim McNerney, the company's chairman, He; reporters (type empty). Plus an event
// mention ("said"), an empty ENTITY_MENTION ahead of the others, a creation time and an empty TIMEX3.
// It has a folder of its own because the entities test scores every file below fixtures/meantime.
const COREF = fixture("meantime-coref", "3_Coref.xml");

test("meantime reader: text, sentences, annotated part, mentions with types and chains, timexes", () => {
  const doc = readMeantime(readFileSync(COREF, "utf8"));
  const lines = doc.text.split("\n");
  assert.equal(lines[2], "Boeing said Jim McNerney, the company's chairman, will retire.");
  assert.equal(lines.length, 5);
  assert.equal(doc.sentences.length, 5);
  assert.equal(doc.text.slice(doc.sentences[3]!.start, doc.sentences[3]!.end), lines[3]);
  assert.equal(doc.annotatedSentences, 4, "the last sentence holds no markable");
  assert.equal(doc.annotatedEnd, doc.sentences[3]!.end);
  assert.deepEqual(doc.dateline, doc.sentences[1]);
  assert.equal(doc.dct, "2008-05-01");
  assert.equal(doc.docName, "3_Coref");
  const show = (s: { start: number; end: number }): string => doc.text.slice(s.start, s.end);
  // The empty ENTITY_MENTION is skipped and does not swallow the next one; the event mention is not an entity's.
  assert.deepEqual(doc.mentions.map((m) => `${m.id} ${m.syntacticType || "-"} ${m.entity?.descriptor} ${show(m)}`), [
    "1 NAM Boeing Boeing", "2 NAM Boeing Boeing", "3 APP Jim McNerney Jim McNerney, the company's chairman",
    "4 NAM Jim McNerney Jim McNerney", "5 NOM Jim McNerney the company's chairman", "6 NOM Boeing the company",
    "7 PRO Jim McNerney He", "8 - Boeing the aircraft maker", "9 - reporters reporters",
  ]);
  assert.equal(doc.mentions[4]!.head, "chairman");
  assert.equal(doc.mentions[0]!.head, null);
  assert.deepEqual(doc.entities.map((e) => `${e.id} ${e.type}`), ["20 ORG", "21 PER", "22 PER"]);
  assert.deepEqual(doc.timexes.map((t) => [t.span && show(t.span), t.creationTime, t.value]), [["May 1, 2008", true, "2008-05-01"], [null, false, "2005"]]);
});

/** A system analysis of the fixture's text with the given entities (spans found by their text, in order). */
function fakeAnalysis(text: string, entities: [string, Entity["type"], [string, Mention["kind"]][]][]): Analysis {
  const ents = entities.map(([id, type, ms]): Entity => ({
    id, name: ms[0]![0], type, titles: [], affiliations: [],
    mentions: ms.map(([s, kind]) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s, kind })),
  }));
  return { entities: ents, text } as unknown as Analysis;
}

test("eval coref alignment: apposition dropped, kinds read off the words, name cores and heads accepted", () => {
  const doc = readMeantime(readFileSync(COREF, "utf8"));
  const text = doc.text;
  const { mentions: key, unmapped } = keyMentions(doc, text);
  assert.equal(unmapped, 0);
  assert.deepEqual(key.map((k) => `${k.id} ${k.kind} ${k.chain}`), [
    "g1 name 20", "g2 name 20", "g4 name 21", "g6 nominal 20", "g5 nominal 21", "g7 pronoun 21", "g9 nominal 22", "g8 nominal 20",
  ]);
  // "Paris" lies after the annotated part; "maker" is the head of "the aircraft maker" (wrongly in e2: a merge).
  const analysis = fakeAnalysis(text, [
    ["e1", "ORG", [["Boeing", "name"]]],
    ["e2", "PERSON", [["Jim McNerney", "name"], ["He", "pronoun"], ["maker", "nominal"]]],
    ["e3", "GPE", [["Paris", "name"]]],
  ]);
  const system = systemMentions(analysis, doc.annotatedEnd);
  assert.deepEqual(system.mentions.map((s) => s.text), ["Boeing", "Jim McNerney", "He", "maker"]);
  const aligned = alignMentions(key, system.mentions);
  assert.deepEqual(system.mentions.map((s) => `${s.text}=${aligned.get(s.id)?.id}`), ["Boeing=g1", "Jim McNerney=g4", "He=g7", "maker=g8"]);

  // Name cores: "Senator John Smith" is matched by "John Smith", "the United States" by "United States".
  const tiny = readMeantime(readFileSync(fixture("meantime", "1_Tiny.xml"), "utf8"));
  const tinyKey = keyMentions(tiny, tiny.text).mentions;
  const tinySystem = systemMentions(fakeAnalysis(tiny.text, [["e1", "PERSON", [["John Smith", "name"]]], ["e2", "GPE", [["United States", "name"]]]]), tiny.annotatedEnd);
  const tinyAligned = alignMentions(tinyKey, tinySystem.mentions);
  assert.deepEqual([...tinyAligned.values()].map((k) => tiny.text.slice(k.annotated!.start, k.annotated!.end)), ["Senator John Smith", "the United States"]);
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const [write, writeErr] = [process.stdout.write.bind(process.stdout), process.stderr.write.bind(process.stderr)];
  process.stdout.write = (s: string | Uint8Array): boolean => (out.push(String(s)), true);
  process.stderr.write = (s: string | Uint8Array): boolean => (err.push(String(s)), true);
  try {
    return { code: await main(argv), out: out.join(""), err: err.join("") };
  } finally {
    [process.stdout.write, process.stderr.write] = [write, writeErr];
  }
}

test("eval coref --meantime: the whole pipeline on a MEANTIME folder, as JSON and as text", async () => {
  const dir = fixture("meantime-coref");
  const { code, out } = await run(["--meantime", dir, "--json"]);
  assert.equal(code, 0);
  const r = JSON.parse(out) as MeantimeCorefReport;
  assert.equal(r.documents, 1);
  assert.equal(r.command, `newsgraph eval coref --meantime ${dir} --json`);
  assert.deepEqual(r.keyKinds, { name: 3, nominal: 4, pronoun: 1 });
  assert.deepEqual(r.inferredKinds, { name: 0, nominal: 2, pronoun: 0 });
  assert.deepEqual([r.scores.all.key.mentions, r.scores.all.key.entities], [8, 3]);
  // The names whatever the resolver does: Boeing twice (one entity) and Jim McNerney; Paris is not scored.
  const names = r.scores.name;
  assert.deepEqual([names.key.mentions, names.key.entities], [3, 2]);
  assert.equal(names.mentions.recall, 1);
  assert.equal(names.mentions.precision, 1);
  assert.equal(names.muc.f1, 1);
  const text = await run(["--meantime", dir, "--errors", "5"]);
  assert.equal(text.code, 0);
  assert.match(text.out, /^newsgraph eval coref --meantime .* --errors 5\nmeantime:.*: 1 documents\n/);
  for (const label of ["names", "descriptions", "pronouns", "all mentions"]) assert.match(text.out, new RegExp(`^${label}.*: key \\d+ mentions in \\d+ entities`, "m"));
  assert.match(text.out, /^ {2}CEAF-e +P +[\d.]+ {2}R +[\d.]+ {2}F1 +[\d.]+$/m);
  assert.match(text.out, /^ {2}CoNLL +F1 +[\d.]+$/m);
  // The fixed dev/check split is the one of the other evaluations.
  const half = halfOf(COREF);
  const other = half === "even" ? "odd" : "even";
  assert.equal((JSON.parse((await run(["--meantime", dir, "--half", half, "--json"])).out) as MeantimeCorefReport).documents, 1);
  assert.equal((JSON.parse((await run(["--meantime", dir, "--half", other, "--json"])).out) as MeantimeCorefReport).documents, 0);
});

test("eval coref --polnear: split names counted per article; dates from metadata.tsv", async () => {
  const a = fakeAnalysis("Donald Trump met Trump and Pence. Mike Pence and Clinton.", [
    ["e1", "PERSON", [["Donald Trump", "name"]]],
    ["e2", "PERSON", [["Trump", "name"]]],
    ["e3", "PERSON", [["Pence", "name"]]],
    ["e4", "PERSON", [["Mike Pence", "name"]]],
    ["e5", "PERSON", [["Clinton", "name"]]],
    ["e6", "ORG", [["Trump", "name"]]],
  ]);
  const s = splitNames(a, "x.txt");
  assert.deepEqual([s.persons, s.oneWord], [5, 3]);
  assert.deepEqual(s.splits.map((x) => `${x.word}>${x.longer.map((l) => l.name).join(",")}`), ["Trump>Donald Trump", "Pence>Mike Pence"]);

  const root = mkdtempSync(join(tmpdir(), "polnear-"));
  mkdirSync(join(root, "dev", "text"), { recursive: true });
  writeFileSync(join(root, "dev", "text", "nyt_2016-10-01_a.txt"), "Trump speaks\n\nDonald Trump spoke in Ohio on Friday. Trump said he would win.\n");
  writeFileSync(join(root, "metadata.tsv"), "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\nDev\tnyt_2016-10-01_a\tNone\tx\tnyt\t2016-10-01\n");
  const { code, out } = await run(["--polnear", join(root, "dev"), "--json", "--errors", "3"]);
  assert.equal(code, 0);
  const r = JSON.parse(out) as PolnearNamesReport;
  assert.deepEqual([r.articles, r.dated], [1, 1]);
  assert.ok(r.personEntities >= 1);
  assert.ok(r.sharedWithLonger <= r.oneWordPersons);
  const text = await run(["--polnear", join(root, "dev")]);
  assert.match(text.out, /^newsgraph eval coref --polnear .*\npolnear:.*: 1 articles \(1 dated from metadata.tsv\)\n/);
});

test("eval coref: help, and one-line usage errors with exit code 2", async () => {
  const help = await run(["--help"]);
  assert.equal(help.code, 0);
  assert.match(help.out, /^Usage: newsgraph eval coref/);
  assert.match(help.out, /name core/);
  const dir = fixture("meantime-coref");
  for (const argv of [[], ["--meantime"], ["--meantime", dir, "--polnear", dir], ["--meantime", dir, "--half", "both"], ["--polnear", dir, "--half", "odd"],
    ["--meantime", dir, "--errors", "x"], ["--bogus"], ["--meantime", "/nonexistent"]]) {
    const r = await run(argv);
    assert.equal(r.code, 2, argv.join(" "));
    assert.equal(r.err.trim().split("\n").length, 1, r.err);
  }
});
