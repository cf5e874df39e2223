/**
 * Attribution scores in PolNeAR's span conventions.
 *
 * - exact: a predicted role span is correct when a gold span of the same role has the same fragments (character
 *   offsets after trimming whitespace at each fragment's ends); matched one-to-one.
 * - overlap (token-level): every token of the text (a run of letters/digits or one other non-space character)
 *   labelled with the roles it falls in; P = shared role tokens / predicted role tokens, R = shared / gold.
 * - whole attributions: exact when cue, content and source (or its absence) are all exact; overlap when each role
 *   present in the gold overlaps the prediction's (and a missing gold source is missing in the prediction).
 * - speaker accuracy on direct quotes: gold attributions with a source whose content opens with a quotation mark;
 *   correct when the predicted attribution whose content overlaps it most has a source overlapping the gold source.
 */
import type { Span } from "../../../core/analysis.js";
import { ROLES, type BratAttribution, type Role } from "../../../corpora/polnear.js";

export interface Counts {
  tp: number;
  pred: number;
  gold: number;
}

export interface Prf {
  p: number;
  r: number;
  f: number;
}

export const prf = (c: Counts): Prf => {
  const p = c.pred === 0 ? 0 : c.tp / c.pred;
  const r = c.gold === 0 ? 0 : c.tp / c.gold;
  return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};

export interface QuoteScore {
  exact: Record<Role | "Attribution", Counts>;
  overlap: Record<Role | "Attribution", Counts>;
  direct: { gold: number; found: number; correct: number };
}

export function emptyScore(): QuoteScore {
  const z = (): Counts => ({ tp: 0, pred: 0, gold: 0 });
  return {
    exact: { Source: z(), Cue: z(), Content: z(), Attribution: z() },
    overlap: { Source: z(), Cue: z(), Content: z(), Attribution: z() },
    direct: { gold: 0, found: 0, correct: 0 },
  };
}

const KEY: Record<Role, keyof BratAttribution> = { Source: "source", Cue: "cue", Content: "content" };

function trim(text: string, frags: readonly Span[] | null): Span[] | null {
  if (!frags) return null;
  const out: Span[] = [];
  for (const f of frags) {
    let { start, end } = f;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  }
  return out.length > 0 ? out : null;
}

const spanKey = (f: Span[] | null): string => (f ? f.map((x) => `${x.start}-${x.end}`).join(",") : "-");

function overlaps(a: Span[] | null, b: Span[] | null): boolean {
  if (!a || !b) return false;
  for (const x of a) for (const y of b) if (x.start < y.end && y.start < x.end) return true;
  return false;
}

function overlapSize(a: Span[] | null, b: Span[] | null): number {
  if (!a || !b) return 0;
  let n = 0;
  for (const x of a) for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return n;
}

function multisetMatch(gold: string[], pred: string[]): number {
  const m = new Map<string, number>();
  for (const g of gold) m.set(g, (m.get(g) ?? 0) + 1);
  let tp = 0;
  for (const p of pred) {
    const k = m.get(p) ?? 0;
    if (k > 0) {
      tp++;
      m.set(p, k - 1);
    }
  }
  return tp;
}

const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
const OPENING = /^["“'‘`«„]/;

/** Adds one text's scores to `into`. */
/** One direct quote whose speaker was missed: the gold and predicted source and cue texts. */
export interface SpeakerError {
  content: string;
  goldSource: string;
  goldCue: string;
  predSource: string | null;
  predCue: string | null;
  /** The text from 200 characters before the gold content to 200 after its start. */
  context: string;
}

/** Adds one text's scores to `into` (and, with `errors`, the direct quotes whose speaker was missed). */
export function scoreText(text: string, goldIn: readonly BratAttribution[], predIn: readonly BratAttribution[], into: QuoteScore, errors?: SpeakerError[]): void {
  const norm = (a: BratAttribution): BratAttribution => ({ source: trim(text, a.source), cue: trim(text, a.cue), content: trim(text, a.content) });
  const gold = goldIn.map(norm), pred = predIn.map(norm);
  for (const role of ROLES) {
    const k = KEY[role];
    const g = gold.map((a) => a[k] as Span[] | null).filter((x): x is Span[] => x !== null).map(spanKey);
    const p = pred.map((a) => a[k] as Span[] | null).filter((x): x is Span[] => x !== null).map(spanKey);
    const c = into.exact[role];
    c.gold += g.length;
    c.pred += p.length;
    c.tp += multisetMatch(g, p);
  }
  const attKey = (a: BratAttribution): string => `${spanKey(a.source)}|${spanKey(a.cue)}|${spanKey(a.content)}`;
  into.exact.Attribution.gold += gold.length;
  into.exact.Attribution.pred += pred.length;
  into.exact.Attribution.tp += multisetMatch(gold.map(attKey), pred.map(attKey));

  // Token-level overlap per role.
  const tokens: Span[] = [];
  for (const m of text.matchAll(TOKEN)) tokens.push({ start: m.index!, end: m.index! + m[0].length });
  for (const role of ROLES) {
    const k = KEY[role];
    const mark = (atts: BratAttribution[]): Uint8Array => {
      const lab = new Uint8Array(tokens.length);
      for (const a of atts) {
        const frags = a[k] as Span[] | null;
        if (!frags) continue;
        for (const f of frags) {
          let lo = 0, hi = tokens.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (tokens[mid]!.end <= f.start) lo = mid + 1;
            else hi = mid;
          }
          for (let t = lo; t < tokens.length && tokens[t]!.start < f.end; t++) lab[t] = 1;
        }
      }
      return lab;
    };
    const g = mark(gold), p = mark(pred);
    const c = into.overlap[role];
    for (let t = 0; t < tokens.length; t++) {
      c.gold += g[t]!;
      c.pred += p[t]!;
      c.tp += g[t]! & p[t]!;
    }
  }
  // Whole attributions by overlap, matched greedily one-to-one in gold order.
  const used = new Uint8Array(pred.length);
  into.overlap.Attribution.gold += gold.length;
  into.overlap.Attribution.pred += pred.length;
  for (const g of gold) {
    for (let i = 0; i < pred.length; i++) {
      if (used[i]) continue;
      const p = pred[i]!;
      const ok = (g.cue ? overlaps(g.cue, p.cue) : !p.cue) && (g.content ? overlaps(g.content, p.content) : true) && (g.source ? overlaps(g.source, p.source) : !p.source);
      if (ok) {
        used[i] = 1;
        into.overlap.Attribution.tp++;
        break;
      }
    }
  }
  // Speakers of direct quotes.
  for (const g of gold) {
    if (!g.source || !g.content || !OPENING.test(text.slice(g.content[0]!.start, g.content[0]!.start + 1))) continue;
    into.direct.gold++;
    let best: BratAttribution | null = null, bestSize = 0;
    for (const p of pred) {
      const s = overlapSize(g.content, p.content);
      if (s > bestSize) {
        bestSize = s;
        best = p;
      }
    }
    const frag = (f: Span[] | null): string | null => (f ? f.map((x) => text.slice(x.start, x.end)).join(" … ") : null);
    const miss = (): void => {
      if (!errors) return;
      const c0 = g.content![0]!.start;
      errors.push({
        content: frag(g.content)!.slice(0, 120),
        goldSource: frag(g.source)!,
        goldCue: frag(g.cue) ?? "-",
        predSource: best ? frag(best.source) : null,
        predCue: best ? frag(best.cue) : null,
        context: text.slice(Math.max(0, c0 - 200), c0 + 200).replace(/\s+/g, " "),
      });
    };
    if (!best) {
      miss();
      continue;
    }
    into.direct.found++;
    if (overlaps(g.source, best.source)) into.direct.correct++;
    else miss();
  }
}

export function formatScore(s: QuoteScore): string {
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(5);
  const lines = ["role          exact P / R / F1        overlap P / R / F1    (gold / predicted spans)"];
  for (const role of [...ROLES, "Attribution"] as const) {
    const e = prf(s.exact[role]), o = prf(s.overlap[role]);
    lines.push(
      `${role.padEnd(12)}  ${pct(e.p)} ${pct(e.r)} ${pct(e.f)}     ${pct(o.p)} ${pct(o.r)} ${pct(o.f)}     (${s.exact[role].gold} / ${s.exact[role].pred})`,
    );
  }
  const d = s.direct;
  lines.push(
    `direct quotes: ${d.gold} with a source; found ${d.found}; speaker right ${d.correct} = ${pct(d.gold ? d.correct / d.gold : 0).trim()}% of all, ${pct(d.found ? d.correct / d.found : 0).trim()}% of found`,
  );
  return lines.join("\n");
}
