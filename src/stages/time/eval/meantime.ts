/**
 * MEANTIME for the time and amounts evaluations: the gold TIMEX3 markables of a file read by
 * src/corpora/meantime.ts (the creation time left out: it is the DCT, not scored), and the DCT itself.
 */
import type { TimexType } from "../../../core/analysis.js";
import type { MeantimeDoc } from "../../../corpora/meantime.js";
import { tagTimexes } from "../tagger.js";
import type { GoldTimex } from "../../../corpora/timeml.js";

/** The gold timexes anchored to tokens, creation time excepted, in text order. */
export function meantimeTimexes(doc: MeantimeDoc): GoldTimex[] {
  const gold: GoldTimex[] = [];
  for (const t of doc.timexes) {
    if (t.span && !t.creationTime) gold.push({ ...t.span, type: t.type as TimexType, value: t.value, mod: t.mod });
  }
  return gold.sort((a, b) => a.start - b.start);
}

/** The document creation date; a few files carry no ISO creation time, and their dateline ("February 3, 2009") gives it. */
export function meantimeDct(doc: MeantimeDoc): string | null {
  const span = doc.dateline;
  if (doc.dct || !span) return doc.dct;
  return tagTimexes(doc.text.slice(span.start, span.end), null).find((t) => /^\d{4}-\d{2}-\d{2}$/.test(t.value))?.value ?? null;
}
