import { readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { HashTable } from "./hash-table.js";
import { NUM_LABELS } from "./labels.js";

/** One perceptron stage: quantized weights (bucket * NUM_LABELS + label) and transition scores in the same units. */
export interface StageWeights {
  weights: Int16Array;
  /** (NUM_LABELS + 1) x NUM_LABELS, last row = start; BILOU mask already added. */
  trans: Float32Array;
  end: Float32Array;
}

export interface NerModel {
  bits: number;
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

/** Sparse weights: non-zero positions as varint gaps, then their int16 values. */
function encodeSparse(w: Int16Array): { gaps: Uint8Array; values: Int16Array } {
  let nnz = 0;
  for (let i = 0; i < w.length; i++) if (w[i] !== 0) nnz++;
  const values = new Int16Array(nnz);
  const gaps = new Uint8Array(nnz * 5);
  let g = 0, k = 0, last = -1;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === 0) continue;
    let gap = i - last;
    last = i;
    values[k++] = w[i]!;
    while (gap >= 0x80) {
      gaps[g++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    gaps[g++] = gap;
  }
  return { gaps: gaps.slice(0, g), values };
}

function decodeSparse(size: number, gaps: Uint8Array, values: Int16Array): Int16Array {
  const w = new Int16Array(size);
  let pos = -1, g = 0;
  for (let k = 0; k < values.length; k++) {
    let gap = 0, shift = 0, b: number;
    do {
      b = gaps[g++]!;
      gap |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80);
    pos += gap;
    w[pos] = values[k]!;
  }
  return w;
}

function writeStage(wr: Writer, s: StageWeights): void {
  const { gaps, values } = encodeSparse(s.weights);
  wr.bytes(gaps);
  wr.bytes(values);
  wr.bytes(s.trans);
  wr.bytes(s.end);
}

function readStage(rd: Reader, size: number): StageWeights {
  const gaps = new Uint8Array(rd.bytes());
  const values = new Int16Array(rd.bytes());
  return { weights: decodeSparse(size, gaps, values), trans: new Float32Array(rd.bytes()), end: new Float32Array(rd.bytes()) };
}

function writeTable(wr: Writer, t: HashTable | null): void {
  wr.bytes(t ? t.keys : new Uint32Array(0));
  wr.bytes(t ? t.values : new Uint32Array(0));
}

function readTable(rd: Reader): HashTable | null {
  const keys = new Uint32Array(rd.bytes());
  const values = new Uint32Array(rd.bytes());
  return keys.length === 0 ? null : new HashTable(keys.length, keys, values);
}

export function serializeModel(m: NerModel): Buffer {
  const wr = new Writer();
  const header = Buffer.from(JSON.stringify({ magic: MAGIC, bits: m.bits, labels: NUM_LABELS, stage2: m.stage2 !== null, meta: m.meta }));
  wr.bytes(header);
  writeStage(wr, m.stage1);
  if (m.stage2) writeStage(wr, m.stage2);
  writeTable(wr, m.gazetteer);
  writeTable(wr, m.lexicon);
  writeTable(wr, m.clusters);
  return gzipSync(wr.done(), { level: 9 });
}

export function deserializeModel(gz: Buffer): NerModel {
  const rd = new Reader(gunzipSync(gz));
  const header = JSON.parse(Buffer.from(rd.bytes()).toString("utf8")) as { magic: string; bits: number; labels: number; stage2: boolean; meta: Record<string, unknown> };
  if (header.magic !== MAGIC || header.labels !== NUM_LABELS) throw new Error("not a newsgraph NER model (or an incompatible version)");
  const size = (1 << header.bits) * NUM_LABELS;
  const stage1 = readStage(rd, size);
  const stage2 = header.stage2 ? readStage(rd, size) : null;
  const gazetteer = readTable(rd);
  const lexicon = readTable(rd);
  const clusters = rd.atEnd() ? null : readTable(rd);
  return { bits: header.bits, stage1, stage2, gazetteer, lexicon, clusters, meta: header.meta };
}

export function loadModel(path: string): NerModel {
  return deserializeModel(readFileSync(path));
}
