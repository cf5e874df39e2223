import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadModel } from "./model.js";
import { NerTagger } from "./tagger.js";

export const MODEL_FILE = "models/ner.bin.gz";

/** The committed model, found by walking up from this module (works from src/ under tsx and from dist/). */
export function modelPath(): string {
  const override = process.env.NEWSGRAPH_NER_MODEL;
  if (override) return override;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, MODEL_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`NER model ${MODEL_FILE} not found above ${fileURLToPath(import.meta.url)}; run npm run train:ner`);
    dir = parent;
  }
}

let shared: NerTagger | null = null;

/** The tagger over the committed model, loaded once per process. */
export function defaultTagger(): NerTagger {
  shared ??= new NerTagger(loadModel(modelPath()));
  return shared;
}
