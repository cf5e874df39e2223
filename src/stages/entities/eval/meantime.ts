/**
 * MEANTIME (NewsReader, Wikinews, CC BY 4.0) as an out-of-domain NER benchmark: the gold named mentions of a file
 * read by src/corpora/meantime.ts, whose rebuilt prose the whole pipeline (layout, tokenizer, sentence splitter,
 * tagger, type refinement) is run on.
 *
 * Gold: ENTITY_MENTION elements with syntactic_type="NAM", typed by the ENTITY they REFER_TO (PER, ORG, LOC,
 * PRO, FIN, MIX). MEANTIME marks the whole noun phrase ("the United States", "Senator John McCain ( R-AZ",
 * "Jusman Syafii Djamal , minister of transport for Indonesia"), and often a second, inner mention of the same
 * entity for the bare name. So each gold mention carries two spans: `span` as annotated (overlap scoring) and
 * `name`, its name core as OntoNotes and CoNLL would mark it (exact scoring; see `nameCore`). An outer mention
 * that contains an inner one of the same entity is dropped: the inner one is the name.
 */
import type { Span } from "../../../core/analysis.js";
import { nameCore, type MeantimeDoc, type MeantimeEntityType } from "../../../corpora/meantime.js";

export type MeantimeType = MeantimeEntityType;

export interface GoldName {
  /** The mention as annotated, character offsets into `MeantimeDoc.text`. */
  span: Span;
  /** Its name core (the span without determiner, title, apposition, possessive), same offsets. */
  name: Span;
  /** The type of the entity it refers to; null when it refers to none (a few mentions are left unlinked). */
  type: MeantimeType | null;
}

/** The named (NAM) mentions of a MEANTIME file, in text order, with their name cores. */
export function meantimeNames(doc: MeantimeDoc): GoldName[] {
  const { tokens } = doc;
  const raw = doc.mentions.filter((m) => m.syntacticType === "NAM").map((m) => ({
    first: m.tokens[0]!, last: m.tokens[m.tokens.length - 1]!, entity: m.entity, type: m.entity?.type ?? null,
  }));
  const gold: GoldName[] = [];
  for (const g of raw) {
    const outer = raw.some((h) => h !== g && h.entity === g.entity && g.entity !== null &&
      h.first >= g.first && h.last <= g.last && h.last - h.first < g.last - g.first);
    if (outer) continue;
    const [a, b] = nameCore(tokens, g.first, g.last + 1, g.type === "PER");
    gold.push({
      span: { start: tokens[g.first]!.start, end: tokens[g.last]!.end },
      name: a < b ? { start: tokens[a]!.start, end: tokens[b - 1]!.end } : { start: tokens[g.first]!.start, end: tokens[g.last]!.end },
      type: g.type,
    });
  }
  return gold.sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
}
