import { scoreEmissionsInt16, viterbi } from "./decode.js";
import { FeatureExtractor, LOCAL_SLOTS, SLOTS, type TokenDoc } from "./features.js";
import { NUM_LABELS, spansFromLabels, type TypedSpan } from "./labels.js";
import type { NerModel } from "./model.js";

/** Longer sentences are decoded in windows of this many tokens, keeping memory bounded for 5 MB paragraphs. */
const MAX_SENTENCE = 512;
/** Tokens per document segment: the unit of document-level features, bounding memory for huge inputs. */
const MAX_SEGMENT = 20000;

/**
 * The trained two-stage tagger: stage 1 tags each sentence from local and document features; stage 2 adds what
 * stage 1 said about the same words elsewhere in the document and tags again.
 */
export class NerTagger {
  private readonly extractor: FeatureExtractor;
  private emit = new Float32Array(MAX_SENTENCE * NUM_LABELS);
  private score = new Float32Array(MAX_SENTENCE * NUM_LABELS);
  private back = new Uint8Array(MAX_SENTENCE * NUM_LABELS);

  constructor(readonly model: NerModel) {
    this.extractor = new FeatureExtractor({ bits: model.bits, gazetteer: model.gazetteer, lexicon: model.lexicon, clusters: model.clusters, rows: model.rows });
  }

  /** Labels (BILOU ids) for each sentence of the document. */
  labelDoc(doc: TokenDoc): Uint8Array[] {
    const chunks = splitLong(doc);
    const labels: Uint8Array[] = [];
    // Document features see a segment at a time, so memory stays bounded however long the input.
    let from = 0;
    while (from < chunks.length) {
      let to = from;
      let tokens = 0;
      while (to < chunks.length && (to === from || tokens + chunks[to]!.length <= MAX_SEGMENT)) tokens += chunks[to++]!.length;
      for (const l of this.labelSegment(chunks.slice(from, to))) labels.push(l);
      from = to;
    }
    return joinLong(doc, labels);
  }

  private labelSegment(chunks: (readonly string[])[]): Uint8Array[] {
    const feats = this.extractor.extractDoc(chunks);
    const m = this.model;
    const first = chunks.map((s, i) => this.decode(feats[i]!, s.length, m.stage1.weights, m.stage1.trans, m.stage1.end, LOCAL_SLOTS));
    if (!m.stage2) return first;
    this.extractor.addAggregates(chunks, feats, first);
    const s2 = m.stage2;
    return chunks.map((s, i) => this.decode(feats[i]!, s.length, s2.weights, s2.trans, s2.end, SLOTS));
  }

  /**
   * Entity spans (token offsets within each sentence) for each sentence of the document. Sentences flagged in
   * `headlines` (titles, headings) written in Headline Case are cut at words that running text keeps in lower case,
   * which the CoNLL-trained model tends to swallow ("Putin Invites Xi Jinping"); elsewhere such words belong to
   * names too often ("Major League", "The Oval") for the cut to pay.
   */
  tagDoc(doc: TokenDoc, headlines?: readonly boolean[], options: { capitals?: boolean } = {}): TypedSpan[][] {
    return this.labelDoc(doc).map((labels, si) => {
      const spans = spansFromLabels(labels, labels.length);
      if (spans.length === 0) return spans;
      let breaks = headlines?.[si] ? this.extractor.headlineBreaks(doc[si]!) : null;
      // With `capitals`, a run of capitals opening a sentence is cut the same way (see capitalsBreaks).
      if (!breaks && options.capitals) breaks = this.extractor.capitalsBreaks(doc[si]!);
      return breaks ? splitAt(spans, breaks) : spans;
    });
  }

  /** The lexicon's case bucket of a word (see FeatureExtractor.caseBucket). */
  caseBucket(word: string): number {
    return this.extractor.caseBucket(word);
  }

  /** The lexicon's company (1) / person (2) / both (3) cue of a word. */
  nameCue(word: string): number {
    return this.extractor.nameCue(word);
  }

  private decode(feats: Int32Array, n: number, weights: Int16Array, trans: Float32Array, end: Float32Array, used: number): Uint8Array {
    const out = new Uint8Array(n);
    scoreEmissionsInt16(weights, feats, SLOTS, used, n, this.emit);
    viterbi(this.emit, n, trans, end, this.back, this.score, out);
    return out;
  }
}

/** Cuts spans at break tokens, dropping the breaks themselves. */
function splitAt(spans: readonly TypedSpan[], breaks: Uint8Array): TypedSpan[] {
  const out: TypedSpan[] = [];
  for (const s of spans) {
    let from = s.start;
    for (let i = s.start; i <= s.end; i++) {
      if (i < s.end && breaks[i] === 0) continue;
      if (i > from) out.push({ start: from, end: i, type: s.type });
      from = i + 1;
    }
  }
  return out;
}

function splitLong(doc: TokenDoc): (readonly string[])[] {
  if (doc.every((s) => s.length <= MAX_SENTENCE)) return doc as (readonly string[])[];
  const out: (readonly string[])[] = [];
  for (const s of doc) for (let i = 0; i < s.length || i === 0; i += MAX_SENTENCE) out.push(s.slice(i, i + MAX_SENTENCE));
  return out;
}

function joinLong(doc: TokenDoc, labels: Uint8Array[]): Uint8Array[] {
  if (labels.length === doc.length) return labels;
  const out: Uint8Array[] = [];
  let k = 0;
  for (const s of doc) {
    const joined = new Uint8Array(s.length);
    for (let i = 0; i < s.length || i === 0; i += MAX_SENTENCE) joined.set(labels[k++]!, i);
    out.push(joined);
  }
  return out;
}
