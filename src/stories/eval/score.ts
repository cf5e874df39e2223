/**
 * Clustering scores: B³ (Bagga & Baldwin 1998; per item, the share of its response cluster that is in its gold
 * cluster, and the reverse, averaged over items) and pairwise precision, recall and F1 over same-cluster pairs.
 */
export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

function f1(precision: number, recall: number): Prf {
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** Items grouped by their cluster label. */
function groups(labels: ReadonlyMap<string, string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [item, c] of labels) {
    let set = out.get(c);
    if (!set) out.set(c, (set = new Set()));
    set.add(item);
  }
  return out;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/** B³ over the gold items (every gold item must have a response label). */
export function bcubed(response: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): Prf {
  const r = groups(response);
  const g = groups(gold);
  let p = 0;
  let rc = 0;
  for (const [item, gc] of gold) {
    const rl = response.get(item);
    if (rl === undefined) throw new Error(`no response for ${item}`);
    const rs = r.get(rl)!;
    const gs = g.get(gc)!;
    const both = overlap(rs, gs);
    p += both / rs.size;
    rc += both / gs.size;
  }
  return f1(p / gold.size, rc / gold.size);
}

/** Pairwise: a pair is positive when both items share a cluster. */
export function pairwise(response: ReadonlyMap<string, string>, gold: ReadonlyMap<string, string>): Prf {
  const pairs = (m: ReadonlyMap<string, string>) => [...groups(m).values()].reduce((n, s) => n + (s.size * (s.size - 1)) / 2, 0);
  let both = 0;
  for (const rs of groups(response).values()) {
    const byGold = new Map<string, number>();
    for (const item of rs) {
      const gc = gold.get(item)!;
      byGold.set(gc, (byGold.get(gc) ?? 0) + 1);
    }
    for (const n of byGold.values()) both += (n * (n - 1)) / 2;
  }
  const rp = pairs(response);
  const gp = pairs(gold);
  return f1(rp === 0 ? 0 : both / rp, gp === 0 ? 0 : both / gp);
}
