/**
 * TempEval-3 Task A scoring (UzZaman et al. 2013): strict span match (identical extent) and relaxed match
 * (any overlap), each with precision, recall and F1; attribute F1 for type and value, counted over
 * relaxed-matched pairs: attrP = correct / |system|, attrR = correct / |gold| (= accuracy × relaxed F1).
 */
export interface Scored {
  start: number;
  end: number;
  type: string;
  value: string;
}

export interface Counts {
  gold: number;
  system: number;
  strict: number;
  relaxedGold: number;
  relaxedSystem: number;
  type: number;
  value: number;
}

export function emptyCounts(): Counts {
  return { gold: 0, system: 0, strict: 0, relaxedGold: 0, relaxedSystem: 0, type: 0, value: 0 };
}

/** The counts of several corpora together (a micro-average over all their timexes). */
export function sumCounts(all: readonly Counts[]): Counts {
  const sum = emptyCounts();
  for (const c of all) for (const k of Object.keys(sum) as (keyof Counts)[]) sum[k] += c[k];
  return sum;
}

/** Adds one document's matches to `c`; returns the pairs for error listings. */
export function scoreDoc(gold: readonly Scored[], system: readonly Scored[], c: Counts): { missed: Scored[]; spurious: Scored[]; wrong: [Scored, Scored][] } {
  c.gold += gold.length;
  c.system += system.length;
  const used = new Uint8Array(system.length);
  const missed: Scored[] = [];
  const wrong: [Scored, Scored][] = [];
  for (const g of gold) {
    let best = -1;
    for (let k = 0; k < system.length; k++) {
      const s = system[k]!;
      if (used[k] || s.end <= g.start || s.start >= g.end) continue;
      if (best < 0 || (s.start === g.start && s.end === g.end)) best = k;
    }
    if (best < 0) {
      missed.push(g);
      continue;
    }
    used[best] = 1;
    const s = system[best]!;
    c.relaxedGold++;
    c.relaxedSystem++;
    if (s.start === g.start && s.end === g.end) c.strict++;
    if (s.type === g.type) c.type++;
    if (s.value === g.value) c.value++;
    else wrong.push([g, s]);
  }
  const spurious = system.filter((_, k) => !used[k]);
  return { missed, spurious, wrong };
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

function prf(correctSys: number, sys: number, correctGold: number, gold: number): Prf {
  const p = sys ? correctSys / sys : 0;
  const r = gold ? correctGold / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export interface Report {
  files: number;
  gold: number;
  system: number;
  strict: Prf;
  relaxed: Prf;
  typeF1: number;
  valueF1: number;
  valueAccuracy: number;
}

export function report(c: Counts, files: number): Report {
  return {
    files,
    gold: c.gold,
    system: c.system,
    strict: prf(c.strict, c.system, c.strict, c.gold),
    relaxed: prf(c.relaxedSystem, c.system, c.relaxedGold, c.gold),
    typeF1: prf(c.type, c.system, c.type, c.gold).f1,
    valueF1: prf(c.value, c.system, c.value, c.gold).f1,
    valueAccuracy: c.relaxedGold ? c.value / c.relaxedGold : 0,
  };
}
