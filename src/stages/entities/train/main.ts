/**
 * Trains the NER model: `npm run train:ner [-- --epochs1 N --epochs2 N --folds K --bits B --out FILE]` (the default
 * model, models/ner.bin.gz: `--no-embeddings`); `npm run train:ner-glove` builds the GloVe word clusters too
 * (models/ner-glove.bin.gz), and `--clusters-from FILE` takes the GloVe cluster table of a model file instead.
 * Deterministic (fixed seeds, fixed fold assignment). Reads CoNLL-2003 eng.train and the even half of MEANTIME
 * (repeated `--meantime-repeat` times: it is small and the closer domain), reports F1 on eng.testa after every
 * epoch, and writes the quantized, gzipped model (default models/ner.bin.gz).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ChunkCounter } from "../eval/conlleval.js";
import { readConll, type ConllDoc } from "../../../corpora/conll.js";
import { buildLexicon, unlabeledSentences } from "./lexicon-build.js";
import { buildEmbeddingClusters } from "./embedding-clusters.js";
import { meantimeTrainingDocs } from "./meantime-train.js";
import { END_MASK, TRANSITION_MASK } from "../decode.js";
import { FeatureExtractor, LOCAL_SLOTS, SLOTS, SMALL_WORDS } from "../features.js";
import { buildGazetteer, gazetteerSources } from "./gazetteer-build.js";
import { bilouFromSpans, conllTypeName, spansFromLabels, spansFromTags, typeIndex } from "../labels.js";
import type { HashTable } from "../hash-table.js";
import { deserializeModel, loadModel, packStages, quantize, scaleTransitions, serializeModel, type NerModel, type StageWeights } from "../model.js";
import { decodeAll, PerceptronTrainer, rng, type FloatStage } from "./perceptron.js";
import { NerTagger } from "../tagger.js";

interface Prepared {
  docs: string[][][];
  feats: Int32Array[];
  gold: Uint8Array[];
  goldTags: string[][];
  lengths: number[];
  /** Document index of each sentence. */
  docOf: number[];
  /** Fold key of each document: copies of one document share it, so a jackknife fold holds all of them. */
  docKey: number[];
}

/** "the talks in Moscow" -> "The Talks in Moscow": news headlines in Headline Case, which CoNLL lacks. */
function headlineCase(words: readonly string[]): string[] {
  return words.map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)));
}

/**
 * Adds a Headline Case copy of some mixed-case training sentences to their document (deterministic choice), so the
 * tagger learns that capitals in such a line say little.
 */
function augment(conll: ConllDoc[], share: number): ConllDoc[] {
  const random = rng(42);
  return conll.map((d) => {
    const extra = d.sentences
      .filter((s) => s.words.length >= 4 && s.words.some((w) => /[a-z]/.test(w)) && random() < share)
      .map((s) => ({ lines: [], words: headlineCase(s.words), tags: s.tags }));
    return { sentences: [...d.sentences, ...extra] };
  });
}

function prepare(extractor: FeatureExtractor, conll: ConllDoc[], keys: readonly number[] = conll.map((_, i) => i)): Prepared {
  const p: Prepared = { docs: [], feats: [], gold: [], goldTags: [], lengths: [], docOf: [], docKey: [...keys] };
  conll.forEach((d, di) => {
    const words = d.sentences.map((s) => s.words);
    p.docs.push(words);
    p.feats.push(...extractor.extractDoc(words));
    for (const s of d.sentences) {
      const spans = spansFromTags(s.tags).map((c) => ({ start: c.start, end: c.end, type: typeIndex(c.type) }));
      p.gold.push(bilouFromSpans(s.words.length, spans));
      p.goldTags.push(s.tags);
      p.lengths.push(s.words.length);
      p.docOf.push(di);
    }
  });
  return p;
}

function f1(p: Prepared, labels: Uint8Array[]): number {
  const counter = new ChunkCounter();
  labels.forEach((lab, s) => {
    const gold = spansFromTags(p.goldTags[s]!);
    const pred = spansFromLabels(lab, lab.length).map((x) => ({ start: x.start, end: x.end, type: conllTypeName(x.type) }));
    counter.add(gold, pred, [], []);
  });
  return counter.result().overall.f1;
}

function subset(p: Prepared, keep: (doc: number) => boolean): { feats: Int32Array[]; gold: Uint8Array[]; idx: number[] } {
  const idx = p.docOf.map((d, s) => (keep(d) ? s : -1)).filter((s) => s >= 0);
  return { feats: idx.map((s) => p.feats[s]!), gold: idx.map((s) => p.gold[s]!), idx };
}

function trainStage(bits: number, used: number, train: { feats: Int32Array[]; gold: Uint8Array[] }, epochs: number, seed: number, dev?: Prepared, label = ""): FloatStage {
  const t = new PerceptronTrainer(bits, used);
  for (let e = 0; e < epochs; e++) {
    const t0 = Date.now();
    const errors = t.epoch(train, seed * 1000 + e);
    let msg = `${label} epoch ${e + 1}: ${errors} sentences wrong, ${((Date.now() - t0) / 1000).toFixed(1)}s`;
    if (dev) msg += `, dev F1 ${f1(dev, decodeAll(t.averaged(), dev.feats, dev.lengths, used)).toFixed(2)}`;
    console.log(msg);
  }
  return t.averaged();
}

function toStage(s: FloatStage): StageWeights {
  const { q, scale } = quantize(s.weights);
  return { weights: q, trans: scaleTransitions(s.trans, scale, TRANSITION_MASK), end: scaleTransitions(s.end, scale, END_MASK) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: "string", default: process.env.NEWSGRAPH_DATA ?? resolve("../shared/data") },
      out: { type: "string", default: "models/ner.bin.gz" },
      bits: { type: "string", default: "20" },
      epochs1: { type: "string", default: "10" },
      epochs2: { type: "string", default: "8" },
      folds: { type: "string", default: "4" },
      "no-stage2": { type: "boolean", default: false },
      "no-lexicon": { type: "boolean", default: false },
      "headline-share": { type: "string", default: "0.1" },
      "no-gazetteer": { type: "boolean", default: false },
      "no-embeddings": { type: "boolean", default: false },
      "embedding-vocab": { type: "string", default: "50000" },
      "clusters-from": { type: "string" },
      meantime: { type: "string" },
      "meantime-repeat": { type: "string", default: "3" },
      quiet: { type: "boolean", default: false },
    },
  });
  const t0 = Date.now();
  const bits = Number(values.bits);
  const epochs1 = Number(values.epochs1), epochs2 = Number(values.epochs2), folds = Number(values.folds);
  const data = values.data!;
  const trainDocs = readConll(`${data}/ner/conll2003/eng.train`);
  const devDocs = readConll(`${data}/ner/conll2003/eng.testa`);
  const gazetteer = values["no-gazetteer"] ? null : buildGazetteer(gazetteerSources());
  const clustersFrom = values["clusters-from"];
  const buildClusters = !values["no-embeddings"] && !clustersFrom;
  const unlabeled = values["no-lexicon"] && !buildClusters ? [] : unlabeledSentences(data, trainDocs);
  const lexicon = values["no-lexicon"] ? null : buildLexicon(unlabeled);
  // The cluster vocabulary: the most frequent GloVe words and every word of the unlabeled and training text (the
  // CoNLL training tokens are part of `unlabeled`); not the dev or check texts.
  // --clusters-from takes the table of a model file written by an earlier run (the same table to the bit, so the
  // 110 MB GloVe package need not be installed again: `models/ner-glove.bin.gz` carries it).
  const clusters = values["no-embeddings"] ? null : clustersFrom ? clusterTableOf(clustersFrom) : buildEmbeddingClusters(unlabeled, Number(values["embedding-vocab"]));
  console.log(`resources ready in ${((Date.now() - t0) / 1000).toFixed(1)}s: gazetteer ${gazetteer?.size ?? 0} keys, lexicon ${lexicon?.size ?? 0} words, clusters ${clusters?.size ?? 0} words`);
  const headlineShare = Number(values["headline-share"]);
  // MEANTIME's even half (its odd half is the check set): repeated, each copy in its original's jackknife fold.
  const repeat = Number(values["meantime-repeat"]);
  const meantime = repeat > 0 ? meantimeTrainingDocs(values.meantime ?? `${data}/meantime/intra-doc_annotation`, "even", gazetteer) : [];
  const unique = [...trainDocs, ...meantime];
  const extractor = new FeatureExtractor({ bits, gazetteer, lexicon, clusters });
  const augmented = headlineShare > 0 ? augment(unique, headlineShare) : unique;
  const keys = unique.map((_, i) => i);
  const copies = augmented.slice(trainDocs.length);
  for (let r = 1; r < repeat; r++) keys.push(...copies.map((_, i) => trainDocs.length + i));
  const train = prepare(extractor, [...augmented, ...Array.from({ length: Math.max(0, repeat - 1) }, () => copies).flat()], keys);
  console.log(`training documents: ${trainDocs.length} CoNLL, ${meantime.length} MEANTIME (even half, ${meantime.reduce((n, d) => n + d.sentences.length, 0)} sentences) x ${repeat}`);
  const dev = prepare(extractor, devDocs);
  const devOrNone = values.quiet ? undefined : dev;

  const stage1 = trainStage(bits, LOCAL_SLOTS, train, epochs1, 1, devOrNone, "stage1");
  const devStage1 = decodeAll(stage1, dev.feats, dev.lengths, LOCAL_SLOTS);
  const devF1Stage1 = f1(dev, devStage1);
  console.log(`stage 1 dev F1 ${devF1Stage1.toFixed(2)} (${((Date.now() - t0) / 1000).toFixed(0)}s)`);

  let stage2: FloatStage | null = null;
  let devF1 = devF1Stage1;
  if (!values["no-stage2"]) {
    // Stage-1 predictions on the training set come from models that did not see the document (jackknifing),
    // so that stage 2 learns how far to trust them on unseen text.
    const trainStage1 = new Array<Uint8Array>(train.feats.length);
    for (let k = 0; k < folds; k++) {
      const model = trainStage(bits, LOCAL_SLOTS, subset(train, (d) => train.docKey[d]! % folds !== k), epochs1, 100 + k, undefined, `fold ${k}`);
      const held = subset(train, (d) => train.docKey[d]! % folds === k);
      const labels = decodeAll(model, held.feats, held.idx.map((s) => train.lengths[s]!), LOCAL_SLOTS);
      held.idx.forEach((s, i) => (trainStage1[s] = labels[i]!));
    }
    addAggregates(extractor, train, trainStage1);
    addAggregates(extractor, dev, devStage1);
    stage2 = trainStage(bits, SLOTS, train, epochs2, 2, devOrNone, "stage2");
    devF1 = f1(dev, decodeAll(stage2, dev.feats, dev.lengths, SLOTS));
    console.log(`stage 2 dev F1 ${devF1.toFixed(2)} (${((Date.now() - t0) / 1000).toFixed(0)}s)`);
  }

  const packed = packStages(bits, stage2 ? [toStage(stage1), toStage(stage2)] : [toStage(stage1)]);
  const model: NerModel = {
    bits,
    rows: packed.rows,
    stage1: packed.stages[0]!,
    stage2: packed.stages[1] ?? null,
    gazetteer,
    lexicon,
    clusters,
    meta: {
      trainedOn: repeat > 0 ? `CoNLL-2003 eng.train + MEANTIME even half x ${repeat}` : "CoNLL-2003 eng.train",
      tunedOn: "CoNLL-2003 eng.testa",
      epochs1,
      epochs2: stage2 ? epochs2 : 0,
      folds,
      headlineShare,
      ...(clusters ? { embeddingVocab: clustersFrom ? `clusters of ${clustersFrom}` : Number(values["embedding-vocab"]) } : {}),
      devF1Stage1: Number(devF1Stage1.toFixed(2)),
      devF1: Number(devF1.toFixed(2)),
    },
  };
  const buf = serializeModel(model);
  mkdirSync(dirname(values.out!), { recursive: true });
  writeFileSync(values.out!, buf);
  // Check the file as it will be used: quantized weights, through the run-time tagger.
  const tagger = new NerTagger(deserializeModel(buf));
  const labels = dev.docs.flatMap((d) => tagger.labelDoc(d));
  console.log(`wrote ${values.out} (${(buf.length / 1e6).toFixed(1)} MB); dev F1 of the saved model ${f1(dev, labels).toFixed(2)}; total ${((Date.now() - t0) / 1000).toFixed(0)}s`);
}

/** The GloVe cluster table stored in a model file. */
function clusterTableOf(file: string): HashTable {
  const clusters = loadModel(file).clusters;
  if (!clusters) throw new Error(`${file} holds no GloVe cluster table`);
  return clusters;
}

function addAggregates(extractor: FeatureExtractor, p: Prepared, stage1: Uint8Array[]): void {
  let s = 0;
  for (const doc of p.docs) {
    const n = doc.length;
    extractor.addAggregates(doc, p.feats.slice(s, s + n), stage1.slice(s, s + n));
    s += n;
  }
}

await main();
