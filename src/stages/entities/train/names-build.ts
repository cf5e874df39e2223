import { GAZ, GAZ_MAX_TOKENS, normalizeWord } from "../features.js";
import { phraseHash } from "../hash.js";
import { HashTable } from "../hash-table.js";
import { spansFromTags, typeIndex } from "../labels.js";
import type { ConllDoc } from "../../../corpora/conll.js";

/**
 * A gazetteer of the training data's own names ("Air France" ORG, "Kent" ORG and LOC), stored in the model: phrase
 * hash (lower-cased tokens, as the gazetteer keys) -> one bit per type (1 << type index), GAZ.PREFIX on the
 * prefixes of longer names. A feature over it fires in training only for names that another training document
 * has too (`excluded`), so the tagger learns how far "seen elsewhere with this type" goes, not to copy the gold
 * label of the sentence at hand.
 */
export interface TrainingNames {
  table: HashTable;
  /** Per document key, the bits of the names only that document has. */
  excluded: Map<number, Map<number, number>>;
}

export function buildTrainingNames(docs: readonly ConllDoc[], keys: readonly number[]): TrainingNames {
  // (phrase hash, type) -> the documents that have it; and the prefixes of each phrase.
  const owners = new Map<number, Map<number, Set<number>>>();
  const prefixes = new Set<number>();
  docs.forEach((d, di) => {
    for (const s of d.sentences) {
      const lower = s.words.map((w) => normalizeWord(w).toLowerCase());
      for (const span of spansFromTags(s.tags)) {
        if (span.end - span.start > GAZ_MAX_TOKENS) continue;
        const key = phraseHash(lower, span.start, span.end);
        let byType = owners.get(key);
        if (!byType) owners.set(key, (byType = new Map()));
        const bit = 1 << typeIndex(span.type);
        let set = byType.get(bit);
        if (!set) byType.set(bit, (set = new Set()));
        set.add(keys[di]!);
        for (let k = span.start + 1; k < span.end; k++) prefixes.add(phraseHash(lower, span.start, k));
      }
    }
  });
  const table = HashTable.forEntries(owners.size + prefixes.size);
  const excluded = new Map<number, Map<number, number>>();
  for (const [key, byType] of owners) {
    for (const [bit, docKeys] of byType) {
      table.or(key, bit);
      if (docKeys.size !== 1) continue;
      const [only] = docKeys;
      let ex = excluded.get(only!);
      if (!ex) excluded.set(only!, (ex = new Map()));
      ex.set(key, (ex.get(key) ?? 0) | bit);
    }
  }
  for (const p of prefixes) table.or(p, GAZ.PREFIX);
  return { table, excluded };
}
