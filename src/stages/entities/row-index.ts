import { NUM_LABELS } from "./labels.js";

/**
 * Hashed feature bucket -> row of packed weights. Of the 2^20 buckets only about 86,000 have a non-zero weight in
 * either stage; the tagger keeps those rows only (7 MB instead of 2 x 44 MB), so the weight reads of tagging stay in
 * the caches. The index is a bitmap of the kept buckets with the count of kept buckets before each 32-bit word
 * (a rank directory), the two interleaved so that a look-up reads one cache line: 256 KB for 2^20 buckets, looked up
 * with one popcount.
 */
export class RowIndex {
  /** Number of kept rows. */
  readonly rows: number;
  /** Word w of the bitmap at 2w, the number of kept buckets before it at 2w + 1. */
  private readonly directory: Uint32Array;

  /** `bitmap` has one bit per bucket (bucket b at word b >>> 5, bit b & 31), set for the kept buckets. */
  constructor(bitmap: Uint32Array) {
    this.directory = new Uint32Array(bitmap.length * 2);
    let rows = 0;
    for (let w = 0; w < bitmap.length; w++) {
      this.directory[2 * w] = bitmap[w]!;
      this.directory[2 * w + 1] = rows;
      rows += popcount(bitmap[w]!);
    }
    this.rows = rows;
  }

  /** An empty bitmap for 2^bits buckets, to mark with `mark`. */
  static bitmapFor(bits: number): Uint32Array {
    return new Uint32Array(((1 << bits) + 31) >>> 5);
  }

  static mark(bitmap: Uint32Array, bucket: number): void {
    bitmap[bucket >>> 5]! |= 1 << (bucket & 31);
  }

  /** The offset of the bucket's row in packed weights (row * NUM_LABELS), or -1 when its weights are all zero. */
  offset(bucket: number): number {
    const at = (bucket >>> 5) << 1;
    const word = this.directory[at]!;
    const bit = 1 << (bucket & 31);
    if ((word & bit) === 0) return -1;
    return (this.directory[at + 1]! + popcount(word & (bit - 1))) * NUM_LABELS;
  }

  /** The bucket of each row, in row order (rows follow the buckets' order). */
  buckets(): Int32Array {
    const out = new Int32Array(this.rows);
    let r = 0;
    for (let w = 0; 2 * w < this.directory.length; w++) {
      for (let word = this.directory[2 * w]!; word !== 0; word &= word - 1) out[r++] = w * 32 + (31 - Math.clz32(word & -word));
    }
    return out;
  }
}

/** Bits set in a 32-bit word (SWAR count: JavaScript has no popcount instruction). */
function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
