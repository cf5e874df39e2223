import assert from "node:assert/strict";
import { test } from "node:test";
import { FeatureExtractor, LOCAL_SLOTS, SLOTS, type TokenDoc } from "../src/stages/entities/features.js";
import { HashTable } from "../src/stages/entities/hash-table.js";
import { labelOf, NUM_LABELS, U, B, L } from "../src/stages/entities/labels.js";
import { deserializeModel, packStages, serializeModel } from "../src/stages/entities/model.js";
import { buildTrainingNames } from "../src/stages/entities/train/names-build.js";
import type { ConllDoc } from "../src/corpora/conll.js";

const ORG = 1, LOC = 2;

function extractor(on: boolean): FeatureExtractor {
  return new FeatureExtractor({ bits: 18, gazetteer: null, lexicon: null, clusters: null, contextAggregation: on, stacking: on });
}

function local(feats: Int32Array, i: number): Set<number> {
  return new Set([...feats.subarray(i * SLOTS, i * SLOTS + LOCAL_SLOTS)].filter((f) => f >= 0));
}

function stage2(feats: Int32Array, i: number): number[] {
  return [...feats.subarray(i * SLOTS + LOCAL_SLOTS, (i + 1) * SLOTS)].filter((f) => f >= 0);
}

test("context aggregation: a word gets the neighbours of its other occurrences in the document", () => {
  const doc: TokenDoc = [["Petofi", "said", "."], ["the", "board", "of", "Petofi", "met"]];
  const on = extractor(true).extractDoc(doc);
  const off = extractor(false).extractDoc(doc);
  // The first "Petofi" gains "of" (before) and "met" (after) from the second; the second gains "<s>" and "said".
  assert.equal([...local(on[0]!, 0)].filter((f) => !local(off[0]!, 0).has(f)).length, 2);
  assert.equal([...local(on[1]!, 3)].filter((f) => !local(off[1]!, 3).has(f)).length, 2);
  // A lower-case word and a word seen once get none.
  assert.deepEqual(local(on[0]!, 1), local(off[0]!, 1));
  const once = extractor(true).extractDoc([["Petofi", "said", "."]]);
  assert.deepEqual(local(once[0]!, 0), local(extractor(false).extractDoc([["Petofi", "said", "."]])[0]!, 0));
});

test("context aggregation: the same neighbours everywhere add nothing", () => {
  const doc: TokenDoc = [["of", "Petofi", "."], ["of", "Petofi", "."]];
  const on = extractor(true).extractDoc(doc);
  assert.deepEqual(local(on[0]!, 1), local(extractor(false).extractDoc(doc)[0]!, 1));
});

test("stacked stage-2 features: own stage-1 label for every token, the name's type elsewhere only when it recurs", () => {
  const doc: TokenDoc = [["Air", "France", "said", "."], ["Air", "France", "workers"], ["Paris", "is", "big"]];
  const stage1 = [
    Uint8Array.of(labelOf(B, ORG), labelOf(L, ORG), 0, 0),
    Uint8Array.of(labelOf(B, LOC), labelOf(L, LOC), 0),
    Uint8Array.of(labelOf(U, LOC), 0, 0),
  ];
  const fx = extractor(true);
  const feats = fx.extractDoc(doc);
  fx.addAggregates(doc, feats, stage1);
  const plain = extractor(false);
  const base = plain.extractDoc(doc);
  plain.addAggregates(doc, base, stage1);
  // "said": only its own label (O) is new.
  assert.equal(stage2(feats[0]!, 2).length - stage2(base[0]!, 2).length, 1);
  // "Air" of the first sentence: own label and the name's type in the second sentence (LOC).
  assert.equal(stage2(feats[0]!, 0).length - stage2(base[0]!, 0).length, 2);
  // The two occurrences disagree, so each sees the other's type: different features.
  assert.notDeepEqual(stage2(feats[0]!, 0), stage2(feats[1]!, 0));
  // "Paris" occurs once: own label only.
  assert.equal(stage2(feats[2]!, 0).length - stage2(base[2]!, 0).length, 1);
});

test("model meta: contextAggregation survives the model file", () => {
  const { rows, stages } = packStages(4, [{ weights: new Int16Array(16 * NUM_LABELS), trans: new Float32Array((NUM_LABELS + 1) * NUM_LABELS), end: new Float32Array(NUM_LABELS) }]);
  const m = { bits: 4, rows, stage1: stages[0]!, stage2: null, gazetteer: null, lexicon: null, clusters: null as HashTable | null, meta: { contextAggregation: true } };
  assert.equal(deserializeModel(serializeModel(m)).meta.contextAggregation, true);
});

function conllDoc(...sentences: [string, string][][]): ConllDoc {
  return { sentences: sentences.map((s) => ({ lines: [], words: s.map((t) => t[0]), tags: s.map((t) => t[1]) })) };
}

test("training names: a name of two documents is in the table for both; one only its document has is excluded there", () => {
  const docs = [
    conllDoc([["Air", "I-ORG"], ["France", "I-ORG"], ["said", "O"]], [["Kent", "I-ORG"], ["won", "O"]]),
    conllDoc([["Air", "I-ORG"], ["France", "I-ORG"], ["workers", "O"]]),
  ];
  const names = buildTrainingNames(docs, [0, 1]);
  const fx = (excluded?: ReadonlyMap<number, number>) =>
    new FeatureExtractor({ bits: 18, gazetteer: null, lexicon: null, clusters: null, names: names.table }).extractDoc([["Kent", "beat", "Air", "France"]], excluded)[0]!;
  const plain = new FeatureExtractor({ bits: 18, gazetteer: null, lexicon: null, clusters: null }).extractDoc([["Kent", "beat", "Air", "France"]])[0]!;
  const added = (f: Int32Array, i: number) => [...local(f, i)].filter((b) => !local(plain, i).has(b)).length;
  // At run time (nothing excluded) every training name fires: "Kent" (U-ORG), "Air France" (B-ORG, L-ORG).
  assert.deepEqual([0, 1, 2, 3].map((i) => added(fx(), i)), [1, 0, 1, 1]);
  // In document 0, "Kent" is its own name only: excluded; "Air France" is also in document 1: kept.
  assert.deepEqual([0, 1, 2, 3].map((i) => added(fx(names.excluded.get(0)), i)), [0, 0, 1, 1]);
  assert.equal(names.excluded.get(1), undefined);
});

test("model file: the training-name table is stored and read back; a model without one loads with none", () => {
  const names = buildTrainingNames([conllDoc([["Kent", "I-ORG"]])], [0]).table;
  const { rows, stages } = packStages(4, [{ weights: new Int16Array(16 * NUM_LABELS), trans: new Float32Array((NUM_LABELS + 1) * NUM_LABELS), end: new Float32Array(NUM_LABELS) }]);
  const m = { bits: 4, rows, stage1: stages[0]!, stage2: null, gazetteer: null, lexicon: null, clusters: null, meta: {} };
  assert.deepEqual(deserializeModel(serializeModel({ ...m, names })).names?.keys, names.keys);
  assert.equal(deserializeModel(serializeModel(m)).names, null);
});

test("stacking is its own switch: context aggregation alone adds no stage-2 features", () => {
  const doc: TokenDoc = [["Air", "France", "said"], ["Air", "France", "flew"]];
  const stage1 = [Uint8Array.of(labelOf(B, ORG), labelOf(L, ORG), 0), Uint8Array.of(labelOf(B, LOC), labelOf(L, LOC), 0)];
  const run = (stacking: boolean): number[] => {
    const fx = new FeatureExtractor({ bits: 18, gazetteer: null, lexicon: null, clusters: null, contextAggregation: true, stacking });
    const feats = fx.extractDoc(doc);
    fx.addAggregates(doc, feats, stage1);
    return stage2(feats[0]!, 0);
  };
  assert.equal(run(true).length - run(false).length, 2);
});
