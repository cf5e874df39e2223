/**
 * Scores system entity mentions against MEANTIME's named mentions, three ways:
 * - exact: the system span equals the gold mention's name core (OntoNotes/CoNLL extent) and the types agree;
 * - raw: the system span equals the gold mention as annotated (MEANTIME's noun-phrase extent), types agree;
 * - overlap: the spans share a character and the types agree.
 * Matching is one-to-one. Our types map PERSON→PER, ORG→ORG, GPE and LOC→LOC, PRODUCT→PRO; NORP, EVENT and MISC
 * have no MEANTIME counterpart and are left out. MEANTIME's FIN (indices, currencies), MIX and unlinked mentions
 * have no counterpart in our types: they are not scored, and a system mention that overlaps one (and matches
 * nothing scored) is left out of precision rather than counted wrong.
 */
import type { EntityType, Span } from "../../../core/analysis.js";
import { score, type TypeScore } from "./conlleval.js";
import type { MeantimeType } from "./meantime.js";

export interface ScoredSpan extends Span {
  type: string;
}

export interface GoldMention {
  span: Span;
  name: Span;
  type: MeantimeType | null;
}

export const SCORED_TYPES = ["PER", "ORG", "LOC", "PRO"] as const;
const FROM_OURS: Partial<Record<EntityType, string>> = { PERSON: "PER", ORG: "ORG", GPE: "LOC", LOC: "LOC", PRODUCT: "PRO" };

export function meantimeType(type: EntityType): string | null {
  return FROM_OURS[type] ?? null;
}

type Way = "exact" | "raw" | "overlap";
const WAYS: readonly Way[] = ["exact", "raw", "overlap"];

export interface MentionErrors {
  missed: { gold: GoldMention; found: ScoredSpan[] }[];
  spurious: ScoredSpan[];
}

export interface MeantimeResult {
  documents: number;
  /** Per way: overall (the four scored types) and per type. */
  exact: { overall: TypeScore; types: Record<string, TypeScore> };
  raw: { overall: TypeScore; types: Record<string, TypeScore> };
  overlap: { overall: TypeScore; types: Record<string, TypeScore> };
  /** Gold mentions that are not scored, by MEANTIME type ("none" for unlinked ones). */
  unscoredGold: Record<string, number>;
}

const same = (a: Span, b: Span): boolean => a.start === b.start && a.end === b.end;
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

export class MeantimeCounter {
  private documents = 0;
  private readonly counts = new Map<string, number>();
  private readonly unscored = new Map<string, number>();

  /** Adds one document: its gold mentions and the system's mentions (system types already mapped, or null). */
  add(gold: readonly GoldMention[], system: readonly ScoredSpan[]): MentionErrors {
    this.documents++;
    const scored = gold.filter((g) => g.type !== null && (SCORED_TYPES as readonly string[]).includes(g.type));
    for (const g of gold) if (!scored.includes(g)) this.bump(this.unscored, g.type ?? "none");
    const errors: MentionErrors = { missed: [], spurious: [] };
    const tests: Record<Way, (s: ScoredSpan, g: GoldMention) => boolean> = {
      exact: (s, g) => same(s, g.name),
      raw: (s, g) => same(s, g.span),
      overlap: (s, g) => overlaps(s, g.span),
    };
    for (const way of WAYS) {
      const used = new Set<GoldMention>();
      // Exact name matches first, so that a looser match never takes the gold mention another system span names.
      const ranked = [...system].sort((a, b) => Number(scored.some((g) => same(b, g.name))) - Number(scored.some((g) => same(a, g.name))));
      for (const s of ranked) {
        const match = scored.find((g) => !used.has(g) && g.type === s.type && tests[way](s, g));
        if (!match && gold.some((g) => !scored.includes(g) && overlaps(s, g.span))) continue;
        this.bump(this.counts, `${way}:predicted:${s.type}`);
        if (match) {
          used.add(match);
          this.bump(this.counts, `${way}:correct:${s.type}`);
        } else if (way === "exact") errors.spurious.push(s);
      }
      for (const g of scored) {
        this.bump(this.counts, `${way}:gold:${g.type}`);
        if (way === "exact" && !used.has(g)) errors.missed.push({ gold: g, found: system.filter((s) => overlaps(s, g.span)) });
      }
    }
    return errors;
  }

  result(): MeantimeResult {
    const ways = {} as Record<Way, { overall: TypeScore; types: Record<string, TypeScore> }>;
    for (const way of WAYS) {
      const types: Record<string, TypeScore> = {};
      let g = 0, p = 0, c = 0;
      for (const t of SCORED_TYPES) {
        const n = (k: string): number => this.counts.get(`${way}:${k}:${t}`) ?? 0;
        types[t] = score(n("gold"), n("predicted"), n("correct"));
        g += n("gold");
        p += n("predicted");
        c += n("correct");
      }
      ways[way] = { overall: score(g, p, c), types };
    }
    return { documents: this.documents, ...ways, unscoredGold: Object.fromEntries([...this.unscored].sort()) };
  }

  private bump(m: Map<string, number>, k: string): void {
    m.set(k, (m.get(k) ?? 0) + 1);
  }
}
