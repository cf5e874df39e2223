/**
 * The files of an evaluation corpus and its fixed dev/check split, shared by the stages' evaluations (NER,
 * time, amounts, coreference): the even half is where errors may be read (and, for NER, training data), the odd
 * half the check.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";

export type Half = "even" | "odd" | null;

function listFiles(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p, ext));
    else if (name.endsWith(ext)) out.push(p);
  }
  return out;
}

/** FNV-1a (32-bit) of the file name: a fixed split that does not depend on the folder's order or size. */
export function halfOf(file: string): "even" | "odd" {
  let h = 0x811c9dc5;
  const name = basename(file);
  for (let k = 0; k < name.length; k++) h = Math.imul(h ^ name.charCodeAt(k), 0x01000193) >>> 0;
  return h % 2 === 0 ? "even" : "odd";
}

/** The files below `dir` ending in `ext`, in name order; with `half`, only that half of them. */
export function listCorpus(dir: string, ext: string, half: Half): string[] {
  const files = listFiles(dir, ext);
  return half ? files.filter((f) => halfOf(f) === half) : files;
}
