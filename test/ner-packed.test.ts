import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { gunzipSync } from "node:zlib";
import { scoreEmissions, viterbi } from "../src/stages/entities/decode.js";
import { FeatureExtractor, LOCAL_SLOTS, SLOTS, type TokenDoc } from "../src/stages/entities/features.js";
import { NUM_LABELS } from "../src/stages/entities/labels.js";
import { modelPath } from "../src/stages/entities/load.js";
import { deserializeModel, loadModel, packStages, serializeModel, type NerModel, type StageWeights } from "../src/stages/entities/model.js";
import { RowIndex } from "../src/stages/entities/row-index.js";
import { NerTagger } from "../src/stages/entities/tagger.js";
import { layoutArticle } from "../src/stages/text/layout.js";
import { segment } from "../src/stages/text/stage.js";
import { readBytes } from "../src/readers/index.js";
import { fixture } from "./support/paths.js";

/** The weights of a packed stage in the dense layout (bucket * NUM_LABELS + label) the tagger used before packing. */
function dense(model: NerModel, stage: StageWeights): Int16Array {
  const out = new Int16Array((1 << model.bits) * NUM_LABELS);
  model.rows.buckets().forEach((bucket, r) => out.set(stage.weights.subarray(r * NUM_LABELS, (r + 1) * NUM_LABELS), bucket * NUM_LABELS));
  return out;
}

/** The two-stage tagging of NerTagger.labelDoc over dense weights and dense feature offsets: the reference. */
function denseLabels(model: NerModel, doc: TokenDoc): Uint8Array[] {
  const extractor = new FeatureExtractor({ bits: model.bits, gazetteer: model.gazetteer, lexicon: model.lexicon, clusters: model.clusters });
  const decode = (feats: Int32Array, n: number, stage: StageWeights, weights: Int16Array, used: number): Uint8Array => {
    const emit = new Float32Array(n * NUM_LABELS);
    const out = new Uint8Array(n);
    scoreEmissions(weights, feats, SLOTS, used, n, emit);
    viterbi(emit, n, stage.trans, stage.end, new Uint8Array(n * NUM_LABELS), new Float32Array(n * NUM_LABELS), out);
    return out;
  };
  const feats = extractor.extractDoc(doc);
  const w1 = dense(model, model.stage1);
  const first = doc.map((s, i) => decode(feats[i]!, s.length, model.stage1, w1, LOCAL_SLOTS));
  const s2 = model.stage2!;
  extractor.addAggregates(doc, feats, first);
  const w2 = dense(model, s2);
  return doc.map((s, i) => decode(feats[i]!, s.length, s2, w2, SLOTS));
}

function fixtureDoc(path: string): TokenDoc {
  const [item] = readBytes(readFileSync(path), path);
  assert.ok(item && "article" in item);
  const doc = layoutArticle(item.article);
  segment(doc);
  return doc.sentences.map((s) => doc.sentenceWords(s));
}

test("packed weight rows tag exactly as the dense table did (committed model, two fixture articles)", () => {
  const model = loadModel(modelPath());
  const tagger = new NerTagger(model);
  let named = 0;
  for (const path of [fixture("seed", "000_dbf82c7d13769c2b.txt"), fixture("polnear", "text", "bridge-story.txt")]) {
    const doc = fixtureDoc(path);
    const packed = tagger.labelDoc(doc);
    assert.deepEqual(packed, denseLabels(model, doc), path);
    named += packed.reduce((n, s) => n + s.filter((l) => l !== 0).length, 0);
  }
  assert.ok(named > 50, "the fixtures have names to tag");
});

test("a model read and written again gives the bytes of its file (format unchanged by packing)", () => {
  for (const path of [modelPath(), join(dirname(modelPath()), "ner-glove.bin.gz")]) {
    const file = gunzipSync(readFileSync(path));
    const again = gunzipSync(serializeModel(loadModel(path)));
    // A model without clusters ends after the lexicon, written again too (no empty table), so retraining it can give its bytes.
    assert.ok(again.equals(file), path);
  }
});

test("dense weights as training writes them come back from the file as the same weights, rows shared by both stages", () => {
  const bits = 10;
  const size = (1 << bits) * NUM_LABELS;
  const stage = (seed: number): StageWeights => {
    const weights = new Int16Array(size);
    // Sparse, deterministic, both signs, up to the int16 range; the two stages use partly different buckets.
    for (let i = 0, x = seed; i < size; i++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      if (x % 13 === 0) weights[i] = (x >>> 16) - 32768;
    }
    return { weights, trans: new Float32Array((NUM_LABELS + 1) * NUM_LABELS).fill(seed), end: new Float32Array(NUM_LABELS).fill(-seed) };
  };
  const dense1 = stage(1);
  const dense2 = stage(2);
  const { rows, stages } = packStages(bits, [dense1, dense2]);
  const model: NerModel = { bits, rows, stage1: stages[0]!, stage2: stages[1]!, gazetteer: null, lexicon: null, clusters: null, meta: {} };
  const back = deserializeModel(serializeModel(model));
  assert.equal(back.rows.rows, rows.rows);
  assert.deepEqual(dense(back, back.stage1), dense1.weights);
  assert.deepEqual(dense(back, back.stage2!), dense2.weights);
  assert.deepEqual(back.stage2!.trans, dense2.trans);
  assert.ok(rows.rows < 1 << bits, "some buckets are all zero in both stages and get no row");
});

test("row index: offsets follow the set buckets in order, -1 elsewhere, across word edges", () => {
  const bitmap = RowIndex.bitmapFor(8);
  const set = [0, 1, 30, 31, 32, 63, 64, 100, 200, 255];
  for (const b of set) RowIndex.mark(bitmap, b);
  const index = new RowIndex(bitmap);
  assert.equal(index.rows, set.length);
  assert.deepEqual([...index.buckets()], set);
  for (let b = 0; b < 256; b++) assert.equal(index.offset(b), set.includes(b) ? set.indexOf(b) * NUM_LABELS : -1, `bucket ${b}`);
});
