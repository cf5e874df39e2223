import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { FeatureExtractor, LOCAL_SLOTS, SLOTS } from "../src/stages/entities/features.js";
import { finish, hashStart, hashString } from "../src/stages/entities/hash.js";
import { HashTable } from "../src/stages/entities/hash-table.js";
import { deserializeModel, packStages, serializeModel, type NerModel } from "../src/stages/entities/model.js";
import { clusterPaths, clusterTable, readVectors } from "../src/stages/entities/train/embedding-clusters.js";
import { NUM_LABELS } from "../src/stages/entities/labels.js";

const DIM = 100;

/** A vector near one of three directions (axes 0, 1, 2), with a small word-specific wobble. */
function vector(group: number, k: number): number[] {
  const v = Array.from({ length: DIM }, (_, d) => ((k * 31 + d * 17) % 13) / 200);
  v[group] = 3;
  return [...v, 1, 0]; // the package appends an L2 norm and an index to each vector
}

const GROUPS: Record<string, number> = { monday: 0, tuesday: 0, friday: 0, london: 1, paris: 1, berlin: 1, the: 2, of: 2, and: 2 };

/** A file in the package's layout: {"words": [...], "vectors": {word: [100 numbers, norm, index]}, "unkVector": [...]}. */
function winkFile(words: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "ner-clusters-"));
  const file = join(dir, "vectors.json");
  const vectors = Object.fromEntries(words.map((w, k) => [w, vector(GROUPS[w]!, k)]));
  writeFileSync(file, JSON.stringify({ precision: 8, size: words.length, dimensions: DIM, words, vectors, unkVector: vector(2, 99) }));
  return file;
}

const WORDS = ["the", "of", "monday", "london", "and", "tuesday", "paris", "friday", "berlin"];

test("embedding clusters: the first `top` words and the extra ones are read, others not; rows are unit length", () => {
  const v = readVectors(winkFile(WORDS), 3, new Set(["berlin", "absent"]));
  assert.deepEqual(v.words, ["the", "of", "monday", "berlin"]);
  assert.equal(v.vectors.length, 4 * DIM);
  for (let i = 0; i < 4; i++) {
    const norm = Math.hypot(...v.vectors.subarray(i * DIM, (i + 1) * DIM));
    assert.ok(Math.abs(norm - 1) < 1e-5, `row ${i} norm ${norm}`);
  }
});

test("embedding clusters: similar vectors share path prefixes, others part early; the same input gives the same paths", () => {
  const v = readVectors(winkFile(WORDS), WORDS.length, new Set());
  const paths = clusterPaths(v, 6, 1);
  assert.deepEqual(clusterPaths(v, 6, 1), paths);
  const at = (w: string): number => paths[v.words.indexOf(w)]!;
  // Words of one group agree on the first split and share more of their path than words of different groups do.
  const shared = (a: number, b: number): number => {
    let d = 0;
    while (d < 16 && ((a >>> d) & 1) === ((b >>> d) & 1)) d++;
    return d;
  };
  for (const [a, b] of [["monday", "friday"], ["london", "berlin"], ["the", "and"]] as const) {
    for (const other of ["paris", "of", "tuesday"]) {
      if (GROUPS[other] === GROUPS[a]) continue;
      assert.ok(shared(at(a), at(b)) > shared(at(a), at(other)), `${a}/${b} against ${other}`);
    }
  }
  for (const p of paths) {
    const depth = p >>> 16;
    assert.ok(depth >= 1 && depth <= 6, `depth ${depth}`);
    assert.equal(p & 0xffff & ~((1 << depth) - 1), 0, "no path bits below the depth");
  }
});

function extractor(clusters: HashTable | null): FeatureExtractor {
  return new FeatureExtractor({ bits: 18, gazetteer: null, lexicon: null, clusters });
}

function buckets(fx: FeatureExtractor, words: string[], i: number): Set<number> {
  const out = fx.extractDoc([words])[0]!;
  return new Set([...out.subarray(i * SLOTS, i * SLOTS + LOCAL_SLOTS)].filter((f) => f >= 0));
}

test("embedding cluster features: words of one cluster share features that words of another lack", () => {
  const table = HashTable.forEntries(3);
  const key = (w: string): number => finish(hashString(hashStart(0x9e37), w));
  table.set(key("monday"), (16 << 16) | 0x0a5a);
  table.set(key("friday"), (16 << 16) | 0x0a5a);
  table.set(key("london"), (16 << 16) | 0x0a5b); // differs from the days in the first bit
  const fx = extractor(table);
  const without = buckets(extractor(null), ["on", "Monday", "."], 1);
  const monday = buckets(fx, ["on", "Monday", "."], 1);
  const friday = buckets(fx, ["on", "Friday", "."], 1);
  const london = buckets(fx, ["on", "London", "."], 1);
  const clusterOnly = (s: Set<number>): number[] => [...s].filter((f) => !without.has(f));
  // Four prefixes of the word's own path, all shared by the two days (their words differ, so other features do too).
  // Four prefixes of the word's own path, shared by the two days (their words differ, so other features do too),
  // none by London, whose path parts at the first bit.
  const days = clusterOnly(monday).filter((f) => friday.has(f) && !london.has(f));
  assert.equal(days.length, 4);
  // The neighbours' clusters (the unknown words "on" before, "." after) are the other two, the same for all three.
  assert.equal(clusterOnly(london).filter((f) => monday.has(f) && friday.has(f)).length, 2);
  assert.equal(clusterOnly(monday).length, 6);
});

function tinyModel(clusters: HashTable | null): NerModel {
  const size = (1 << 4) * NUM_LABELS;
  const stage = { weights: new Int16Array(size).fill(1), trans: new Float32Array((NUM_LABELS + 1) * NUM_LABELS), end: new Float32Array(NUM_LABELS) };
  const { rows, stages } = packStages(4, [stage]);
  return { bits: 4, rows, stage1: stages[0]!, stage2: null, gazetteer: null, lexicon: null, clusters, meta: {} };
}

test("model file: the cluster table is stored and read back; a model without one loads with none", () => {
  const v = readVectors(winkFile(WORDS), WORDS.length, new Set());
  const table = clusterTable(v, clusterPaths(v, 4, 1));
  const back = deserializeModel(serializeModel(tinyModel(table)));
  assert.deepEqual(back.clusters?.keys, table.keys);
  assert.deepEqual(back.clusters?.values, table.values);
  assert.equal(back.clusters?.get(finish(hashString(hashStart(0x9e37), "paris"))), table.get(finish(hashString(hashStart(0x9e37), "paris"))));
  assert.equal(deserializeModel(serializeModel(tinyModel(null))).clusters, null);
});
