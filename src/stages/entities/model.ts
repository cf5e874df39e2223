import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { gunzipWhole } from "../../core/gunzip.js";
import { HashTable } from "./hash-table.js";
import { NUM_LABELS } from "./labels.js";
import { RowIndex } from "./row-index.js";

/**
 * One perceptron stage: quantized weights and transition scores in the same units. In a `NerModel` the weights
 * are packed, `rows.offset(bucket) + label`; as training produces them (`packStages`' input) they are dense,
 * `bucket * NUM_LABELS + label`.
 */
export interface StageWeights {
  weights: Int16Array;
  /** (NUM_LABELS + 1) x NUM_LABELS, last row = start; BILOU mask already added. */
  trans: Float32Array;
  end: Float32Array;
}

export interface NerModel {
  bits: number;
  /** The buckets with a non-zero weight in either stage, and their rows in the packed weights. */
  rows: RowIndex;
  stage1: StageWeights;
  /** Second stage with document-aggregation features; null for a one-stage model. */
  stage2: StageWeights | null;
  gazetteer: HashTable | null;
  lexicon: HashTable | null;
  /** GloVe word clusters; null in models trained without them (files written before them end after the lexicon). */
  clusters: HashTable | null;
  /** Free-form provenance recorded by the training script (data, epochs, dev F1). */
  meta: Record<string, unknown>;
}

const MAGIC = "NGNER1";

/** Quantizes float weights to int16 (scale chosen from the largest magnitude) and returns the scale. */
export function quantize(w: Float32Array): { q: Int16Array; scale: number } {
  let max = 0;
  for (let i = 0; i < w.length; i++) {
    const a = Math.abs(w[i]!);
    if (a > max) max = a;
  }
  const scale = max === 0 ? 1 : max / 32767;
  const q = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i]! / scale);
  return { q, scale };
}

/** Transitions in quantized units; masked entries stay -Infinity. */
export function scaleTransitions(t: Float32Array, scale: number, mask: Float32Array): Float32Array {
  const out = new Float32Array(t.length);
  for (let i = 0; i < t.length; i++) out[i] = t[i]! / scale + mask[i]!;
  return out;
}

class Writer {
  private chunks: Buffer[] = [];
  u32(v: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v >>> 0);
    this.chunks.push(b);
  }
  bytes(a: ArrayBufferView): void {
    this.u32(a.byteLength);
    this.chunks.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  }
  done(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

class Reader {
  private pos = 0;
  constructor(private readonly buf: Buffer) {}
  u32(): number {
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  /** Copies into a fresh, aligned ArrayBuffer (the gunzip buffer's offsets are not aligned). */
  bytes(): ArrayBuffer {
    const n = this.u32();
    const out = new ArrayBuffer(n);
    new Uint8Array(out).set(this.buf.subarray(this.pos, this.pos + n));
    this.pos += n;
    return out;
  }
  atEnd(): boolean {
    return this.pos >= this.buf.length;
  }
}

/**
 * Sparse weights as stored in the file: the non-zero dense positions (bucket * NUM_LABELS + label) as varint gaps,
 * then their int16 values. Written from packed rows, in bucket order, so the bytes are those of the dense table.
 */
function encodeSparse(packed: Int16Array, buckets: Int32Array): { gaps: Uint8Array; values: Int16Array } {
  let nnz = 0;
  for (let i = 0; i < packed.length; i++) if (packed[i] !== 0) nnz++;
  const values = new Int16Array(nnz);
  const gaps = new Uint8Array(nnz * 5);
  let g = 0, k = 0, last = -1;
  for (let r = 0; r < buckets.length; r++) {
    for (let l = 0; l < NUM_LABELS; l++) {
      const v = packed[r * NUM_LABELS + l]!;
      if (v === 0) continue;
      const pos = buckets[r]! * NUM_LABELS + l;
      let gap = pos - last;
      last = pos;
      values[k++] = v;
      while (gap >= 0x80) {
        gaps[g++] = (gap & 0x7f) | 0x80;
        gap >>>= 7;
      }
      gaps[g++] = gap;
    }
  }
  return { gaps: gaps.slice(0, g), values };
}

function decodePositions(gaps: Uint8Array, count: number): Int32Array {
  const positions = new Int32Array(count);
  let pos = -1, g = 0;
  for (let k = 0; k < count; k++) {
    let gap = 0, shift = 0, b: number;
    do {
      b = gaps[g++]!;
      gap |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    pos += gap;
    positions[k] = pos;
  }
  return positions;
}

/** A stage as read from the file, before packing: non-zero dense positions and their values. */
interface SparseStage {
  positions: Int32Array;
  values: Int16Array;
  trans: Float32Array;
  end: Float32Array;
}

/** Packs sparse stages into rows shared by all of them (a bucket used by either stage has a row in both). */
function packSparse(bits: number, stages: readonly SparseStage[]): { rows: RowIndex; stages: StageWeights[] } {
  const bitmap = RowIndex.bitmapFor(bits);
  for (const s of stages) for (let k = 0; k < s.positions.length; k++) RowIndex.mark(bitmap, (s.positions[k]! / NUM_LABELS) | 0);
  const rows = new RowIndex(bitmap);
  const packed = stages.map((s) => {
    const weights = new Int16Array(rows.rows * NUM_LABELS);
    for (let k = 0; k < s.positions.length; k++) {
      const pos = s.positions[k]!;
      const bucket = (pos / NUM_LABELS) | 0;
      weights[rows.offset(bucket) + pos - bucket * NUM_LABELS] = s.values[k]!;
    }
    return { weights, trans: s.trans, end: s.end };
  });
  return { rows, stages: packed };
}

/** Packs dense stages (as training produces them) into the rows of a `NerModel`. */
export function packStages(bits: number, dense: readonly StageWeights[]): { rows: RowIndex; stages: StageWeights[] } {
  return packSparse(
    bits,
    dense.map((s) => {
      const positions: number[] = [];
      for (let i = 0; i < s.weights.length; i++) if (s.weights[i] !== 0) positions.push(i);
      const at = Int32Array.from(positions);
      return { positions: at, values: Int16Array.from(at, (i) => s.weights[i]!), trans: s.trans, end: s.end };
    }),
  );
}

function writeStage(wr: Writer, s: StageWeights, buckets: Int32Array): void {
  const { gaps, values } = encodeSparse(s.weights, buckets);
  wr.bytes(gaps);
  wr.bytes(values);
  wr.bytes(s.trans);
  wr.bytes(s.end);
}

function readStage(rd: Reader): SparseStage {
  const gaps = new Uint8Array(rd.bytes());
  const values = new Int16Array(rd.bytes());
  return { positions: decodePositions(gaps, values.length), values, trans: new Float32Array(rd.bytes()), end: new Float32Array(rd.bytes()) };
}

function writeTable(wr: Writer, t: HashTable | null): void {
  wr.bytes(t ? t.keys : new Uint32Array(0));
  wr.bytes(t ? t.values : new Uint32Array(0));
}

function readTable(rd: Reader): HashTable | null {
  const keys = new Uint32Array(rd.bytes());
  const values = new Uint32Array(rd.bytes());
  if (keys.length === 0) return null;
  const table = new HashTable(keys.length, keys, values);
  for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) table.size++;
  return table;
}

export function serializeModel(m: NerModel): Buffer {
  const wr = new Writer();
  const header = Buffer.from(JSON.stringify({ magic: MAGIC, bits: m.bits, labels: NUM_LABELS, stage2: m.stage2 !== null, meta: m.meta }));
  wr.bytes(header);
  const buckets = m.rows.buckets();
  writeStage(wr, m.stage1, buckets);
  if (m.stage2) writeStage(wr, m.stage2, buckets);
  writeTable(wr, m.gazetteer);
  writeTable(wr, m.lexicon);
  // Written only when present, so that a model without clusters (models/ner.bin.gz) read and written again, or
  // trained again, keeps its bytes.
  if (m.clusters) writeTable(wr, m.clusters);
  return gzipSync(wr.done(), { level: 9 });
}

export function deserializeModel(gz: Buffer): NerModel {
  const rd = new Reader(gunzipWhole(gz));
  const header = JSON.parse(Buffer.from(rd.bytes()).toString("utf8")) as { magic: string; bits: number; labels: number; stage2: boolean; meta: Record<string, unknown> };
  if (header.magic !== MAGIC || header.labels !== NUM_LABELS) throw new Error("not a newsgraph NER model (or an incompatible version)");
  const sparse = [readStage(rd)];
  if (header.stage2) sparse.push(readStage(rd));
  const { rows, stages } = packSparse(header.bits, sparse);
  const gazetteer = readTable(rd);
  const lexicon = readTable(rd);
  const clusters = rd.atEnd() ? null : readTable(rd);
  return { bits: header.bits, rows, stage1: stages[0]!, stage2: stages[1] ?? null, gazetteer, lexicon, clusters, meta: header.meta };
}

export function loadModel(path: string): NerModel {
  return deserializeModel(readFileSync(path));
}
