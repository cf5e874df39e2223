/**
 * The working set of the coref stage: every mention of the document in text order with what resolution needs
 * (its words, type, the entity the entities stage put it in), and a union-find over them that the sieves fill.
 */
import type { Entity, EntityType, MentionKind } from "../../core/analysis.js";
import type { Doc } from "../../core/doc.js";

export interface WorkMention {
  start: number;
  end: number;
  text: string;
  kind: MentionKind;
  type: EntityType;
  /** Index of the entity of the entities stage it came from (-1 for nominals and pronouns found here). */
  entity: number;
  /** Space-separated words of the text. */
  words: string[];
  /** Token index of the first and after the last token. */
  tokenStart: number;
  tokenEnd: number;
}

/** Union-find over mention indices: each sieve links mentions, the stage reads the classes at the end. */
export class Clusters {
  private readonly parent: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r]!;
    while (this.parent[i] !== r) {
      const next = this.parent[i]!;
      this.parent[i] = r;
      i = next;
    }
    return r;
  }

  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The earlier mention stays the root, so a class is named by its first mention.
    if (ra < rb) this.parent[rb] = ra;
    else if (rb < ra) this.parent[ra] = rb;
  }
}

/** Index of the token that starts at or covers character `offset` (binary search over doc.tokens). */
export function tokenAt(doc: Doc, offset: number): number {
  const { start, count } = doc.tokens;
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (start[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** The name mentions of the entities stage, in text order, each with its words and token range. */
export function nameMentions(doc: Doc, entities: readonly Entity[]): WorkMention[] {
  const out: WorkMention[] = [];
  entities.forEach((e, entity) => {
    for (const m of e.mentions) {
      const tokenStart = tokenAt(doc, m.start);
      let tokenEnd = tokenStart;
      while (tokenEnd < doc.tokens.count && doc.tokens.start[tokenEnd]! < m.end) tokenEnd++;
      out.push({ start: m.start, end: m.end, text: m.text, kind: m.kind, type: e.type, entity, words: m.text.split(/\s+/), tokenStart, tokenEnd });
    }
  });
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
