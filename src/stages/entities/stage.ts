import type { Entity, EntityType, Mention } from "../../core/analysis.js";
import type { Doc } from "../../core/doc.js";
import { registerStage } from "../../core/pipeline.js";
import { TYPES } from "./labels.js";
import { defaultTagger } from "./load.js";
import { refineType } from "./refine.js";
import type { NerTagger } from "./tagger.js";

interface Found {
  mention: Mention;
  type: EntityType;
  key: string;
}

/** Grouping key: identical names, compared case-insensitively with whitespace and quotes folded. */
function nameKey(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").replace(/[’‘]/g, "'");
}

/**
 * Tags the story sentences of a document (title, paragraphs, crossheads, captions: they name the story's people and
 * places; related-article teasers do not) and lists its mentions in text order.
 */
export function findMentions(doc: Doc, tagger: NerTagger): Found[] {
  const sentences = doc.storySentences();
  const tokenDoc = sentences.map((s) => {
    const words = new Array<string>(s.tokenEnd - s.tokenStart);
    for (let t = s.tokenStart; t < s.tokenEnd; t++) words[t - s.tokenStart] = doc.tokenText(t);
    return words;
  });
  const headlines = sentences.map((s) => {
    const kind = doc.blocks[s.block]?.kind;
    return kind === "title" || kind === "heading";
  });
  const spans = tagger.tagDoc(tokenDoc, headlines);
  const found: Found[] = [];
  sentences.forEach((s, si) => {
    for (const span of spans[si]!) {
      const start = doc.tokens.start[s.tokenStart + span.start]!;
      const end = doc.tokens.end[s.tokenStart + span.end - 1]!;
      const text = doc.text.slice(start, end);
      const type = refineType(TYPES[span.type]!, tokenDoc[si]!.slice(span.start, span.end), tagger.model.gazetteer);
      found.push({ mention: { start, end, text }, type, key: nameKey(text) });
    }
  });
  return found;
}

/**
 * Groups mentions with identical names into entities (ids e1, e2, ... in order of first mention). A name tagged
 * with different types in one document takes its most frequent type (the first one on a tie).
 */
export function groupEntities(found: readonly Found[]): Entity[] {
  const groups = new Map<string, { mentions: Mention[]; votes: Map<EntityType, number>; first: EntityType }>();
  for (const f of found) {
    let g = groups.get(f.key);
    if (!g) groups.set(f.key, (g = { mentions: [], votes: new Map(), first: f.type }));
    g.mentions.push(f.mention);
    g.votes.set(f.type, (g.votes.get(f.type) ?? 0) + 1);
  }
  let n = 0;
  return [...groups.values()].map((g) => {
    let type = g.first;
    for (const [t, v] of g.votes) if (v > (g.votes.get(type) ?? 0)) type = t;
    return { id: `e${++n}`, name: g.mentions[0]!.text, type, titles: [], affiliations: [], mentions: g.mentions };
  });
}

export const entitiesStage = registerStage({
  name: "entities",
  requires: ["doc.tokens", "doc.sentences"],
  assigns: ["doc.entities"],
  run(doc: Doc): void {
    doc.entities = groupEntities(findMentions(doc, defaultTagger()));
  },
});
