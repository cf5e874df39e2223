/**
 * Chunk-level precision, recall and F1 as conlleval defines them: a predicted chunk is correct when its start,
 * end and type all equal a gold chunk's. Token accuracy counts tokens whose predicted tag equals the gold tag.
 */
export interface Chunk {
  start: number;
  end: number;
  type: string;
}

export interface TypeScore {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface EvalResult {
  tokens: number;
  chunks: number;
  accuracy: number;
  overall: TypeScore;
  types: Record<string, TypeScore>;
}

export class ChunkCounter {
  private tokens = 0;
  private correctTokens = 0;
  private readonly gold = new Map<string, number>();
  private readonly predicted = new Map<string, number>();
  private readonly correct = new Map<string, number>();

  /** Adds one sentence (or any tag sequence whose chunks cannot cross its ends). */
  add(goldChunks: readonly Chunk[], predChunks: readonly Chunk[], goldTags: readonly string[], predTags: readonly string[]): void {
    this.tokens += goldTags.length;
    for (let i = 0; i < goldTags.length; i++) if (goldTags[i] === predTags[i]) this.correctTokens++;
    const goldKeys = new Set<string>();
    for (const c of goldChunks) {
      bump(this.gold, c.type);
      goldKeys.add(`${c.start}:${c.end}:${c.type}`);
    }
    for (const c of predChunks) {
      bump(this.predicted, c.type);
      if (goldKeys.has(`${c.start}:${c.end}:${c.type}`)) bump(this.correct, c.type);
    }
  }

  result(): EvalResult {
    const types: Record<string, TypeScore> = {};
    const all = [...new Set([...this.gold.keys(), ...this.predicted.keys()])].sort();
    let g = 0, p = 0, c = 0;
    for (const t of all) {
      const tg = this.gold.get(t) ?? 0, tp = this.predicted.get(t) ?? 0, tc = this.correct.get(t) ?? 0;
      types[t] = score(tg, tp, tc);
      g += tg;
      p += tp;
      c += tc;
    }
    return {
      tokens: this.tokens,
      chunks: g,
      accuracy: this.tokens === 0 ? 0 : (100 * this.correctTokens) / this.tokens,
      overall: score(g, p, c),
      types,
    };
  }
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

/** Percentages, as conlleval prints them. */
export function score(gold: number, predicted: number, correct: number): TypeScore {
  const precision = predicted === 0 ? 0 : (100 * correct) / predicted;
  const recall = gold === 0 ? 0 : (100 * correct) / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold, predicted, correct };
}

export function formatResult(r: EvalResult): string {
  const f = (x: number): string => x.toFixed(2).padStart(6);
  const lines = [
    `processed ${r.tokens} tokens with ${r.chunks} phrases; found: ${r.overall.predicted} phrases; correct: ${r.overall.correct}.`,
    `accuracy: ${f(r.accuracy)}%; precision: ${f(r.overall.precision)}%; recall: ${f(r.overall.recall)}%; FB1: ${f(r.overall.f1)}`,
  ];
  for (const [t, s] of Object.entries(r.types)) {
    lines.push(`${t.padStart(17)}: precision: ${f(s.precision)}%; recall: ${f(s.recall)}%; FB1: ${f(s.f1)}  ${s.predicted}`);
  }
  return lines.join("\n");
}
