/**
 * Open-addressing map from a 32-bit phrase hash to a 32-bit value, in two typed arrays: the gazetteers and
 * word lexicon live in the model file in this form and load without building a JS Map of strings.
 * Key 0 marks an empty slot, so a hash of 0 is stored as 1 (one more harmless collision).
 */
export class HashTable {
  readonly keys: Uint32Array;
  readonly values: Uint32Array;
  private readonly mask: number;
  size = 0;

  constructor(capacityPow2: number, keys?: Uint32Array, values?: Uint32Array) {
    this.keys = keys ?? new Uint32Array(capacityPow2);
    this.values = values ?? new Uint32Array(capacityPow2);
    this.mask = this.keys.length - 1;
  }

  static forEntries(n: number): HashTable {
    let cap = 16;
    while (cap < n * 2) cap *= 2;
    return new HashTable(cap);
  }

  private slot(key: number): number {
    const k = key === 0 ? 1 : key;
    let i = k & this.mask;
    while (this.keys[i] !== 0 && this.keys[i] !== k) i = (i + 1) & this.mask;
    return i;
  }

  get(key: number): number {
    const k = key === 0 ? 1 : key;
    let i = k & this.mask;
    for (;;) {
      const at = this.keys[i]!;
      if (at === k) return this.values[i]!;
      if (at === 0) return 0;
      i = (i + 1) & this.mask;
    }
  }

  /** ORs bits into the value (gazetteer categories accumulate). */
  or(key: number, bits: number): void {
    const i = this.claim(key);
    this.values[i] = (this.values[i]! | bits) >>> 0;
  }

  set(key: number, value: number): void {
    this.values[this.claim(key)] = value >>> 0;
  }

  /** The slot of key, taking a free one when the key is new. */
  private claim(key: number): number {
    const i = this.slot(key);
    if (this.keys[i] === 0) {
      if ((this.size + 1) * 2 > this.keys.length) throw new Error("HashTable over half full: size it with forEntries");
      this.keys[i] = key === 0 ? 1 : key;
      this.size++;
    }
    return i;
  }
}
