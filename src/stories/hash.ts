import { fmix32 } from "../core/hash.js";

/** 32-bit FNV-1a over a string's UTF-16 code units: fast, deterministic, and good enough to spread shingles. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mixes two 32-bit values into one (murmur3's finalizer over their combination). */
export function mix(a: number, b: number): number {
  return fmix32((Math.imul(a ^ (b >>> 0), 0x85ebca6b) ^ (b << 13)) >>> 0);
}
