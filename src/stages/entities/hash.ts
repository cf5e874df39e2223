/**
 * FNV-1a over UTF-16 code units, 32-bit. Features are hashed from (template, characters) without building
 * the feature string, so extraction allocates at most one lower-cased copy per token.
 */
import { fmix32 } from "../../core/hash.js";

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function hashStart(template: number): number {
  return Math.imul(FNV_OFFSET ^ template, FNV_PRIME);
}

export function hashChar(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

export function hashRange(h: number, s: string, start: number, end: number): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

export function hashString(h: number, s: string): number {
  return hashRange(h, s, 0, s.length);
}

/** Final avalanche (murmur3 fmix32) so that the low bits used as bucket index are well mixed. */
export const finish = fmix32;

/** Hash of a whole lower-cased phrase, tokens joined by one space: the key of the gazetteer and cluster tables. */
export function phraseHash(tokens: readonly string[], start: number, end: number): number {
  let h = hashStart(0x9e37);
  for (let t = start; t < end; t++) {
    if (t > start) h = hashChar(h, 32);
    h = hashString(h, tokens[t]!);
  }
  return finish(h);
}
