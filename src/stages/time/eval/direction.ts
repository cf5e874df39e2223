/**
 * The time-direction check: hand-labelled weekday and month references in PolNeAR texts (test/fixtures/time-direction/
 * labels.tsv holds only file names, offsets, the reference's own words, the publication date, the gold value, a note and
 * the labelling batch, since PolNeAR states no license), scored against the tagger run over each whole text with its publication date as the DCT.
 * A reference counts as right when the timex that overlaps its span has the gold value (for a TIME, its date part:
 * "Friday night" 2016-10-14TNI is right for 2016-10-14).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Timex } from "../../../core/analysis.js";
import { tagTimexes } from "../tagger.js";

export interface DirectionLabel {
  split: string;
  file: string;
  start: number;
  end: number;
  words: string;
  dct: string;
  gold: string;
  note: string;
  /** Which labelling round the reference came from: a later round is a fresh check of rules chosen before it. */
  batch: string;
}

export interface DirectionMiss {
  label: DirectionLabel;
  /** The system's value for the span, or null when no timex overlaps it. */
  system: string | null;
}

export interface DirectionCount {
  total: number;
  right: number;
}

export interface DirectionSplit extends DirectionCount {
  split: string;
  misses: DirectionMiss[];
  /** The same counts per batch, in order of first appearance. */
  batches: Map<string, DirectionCount>;
}

const HEADER = "split\tfile\tstart\tend\twords\tdct\tgold\tnote\tbatch";

/** Parses labels.tsv; a malformed row is an error with its line number, not a silent skip. */
export function parseDirectionLabels(tsv: string): DirectionLabel[] {
  const lines = tsv.split(/\r?\n/);
  if (lines[0] !== HEADER) throw new Error(`labels: the first line must be the header "${HEADER}"`);
  const out: DirectionLabel[] = [];
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (line === "") continue;
    const f = line.split("\t");
    const start = Number(f[2]);
    const end = Number(f[3]);
    if (f.length !== 9 || !Number.isInteger(start) || !Number.isInteger(end) || start >= end || !/^\d{4}-\d{2}-\d{2}$/.test(f[5]!) || f[8] === "") {
      throw new Error(`labels line ${k + 1}: expected 9 tab-separated fields with offsets start < end, a DCT yyyy-mm-dd and a batch`);
    }
    out.push({ split: f[0]!, file: f[1]!, start, end, words: f[4]!, dct: f[5]!, gold: f[6]!, note: f[7]!, batch: f[8]! });
  }
  return out;
}

/** The date part of a TIME value ("2016-10-14TNI" → "2016-10-14"); other values as they are. */
export function dateOf(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(value) ? value.slice(0, 10) : value;
}

/**
 * Scores every label whose text is under `polnear/<split>/text/<file>.txt`, per split in order of first appearance.
 * A label whose words are not at its offsets means the text differs from the labelled one: an error, not a miss.
 */
export function scoreDirection(labels: readonly DirectionLabel[], polnear: string): DirectionSplit[] {
  const splits = new Map<string, DirectionSplit>();
  const tagged = new Map<string, { text: string; timexes: Timex[] }>();
  for (const label of labels) {
    const path = join(polnear, label.split, "text", `${label.file}.txt`);
    let doc = tagged.get(path);
    if (!doc) {
      if (!existsSync(path)) throw new Error(`no text for ${label.file}: ${path}`);
      const text = readFileSync(path, "utf8");
      doc = { text, timexes: tagTimexes(text, label.dct) };
      tagged.set(path, doc);
    }
    const found = doc.text.slice(label.start, label.end).replace(/\s+/g, " ");
    if (found !== label.words) throw new Error(`${label.file} ${label.start}-${label.end}: the text has "${found}" where the label has "${label.words}"`);
    const hit = doc.timexes.find((t) => t.start < label.end && t.end > label.start);
    const system = hit ? dateOf(hit.value) : null;
    let s = splits.get(label.split);
    if (!s) splits.set(label.split, (s = { split: label.split, total: 0, right: 0, misses: [], batches: new Map() }));
    let b = s.batches.get(label.batch);
    if (!b) s.batches.set(label.batch, (b = { total: 0, right: 0 }));
    s.total++;
    b.total++;
    if (system === label.gold) {
      s.right++;
      b.right++;
    } else s.misses.push({ label, system });
  }
  return [...splits.values()];
}

function share(c: DirectionCount): string {
  return `${c.right} / ${c.total} right  (${((100 * c.right) / Math.max(1, c.total)).toFixed(1)}%)`;
}

/**
 * The report lines: accuracy per split (and per batch when a split has more than one), each miss with the reference's
 * words, batch, gold, system value and note; then, for more than one split, all of them together.
 */
export function directionReport(splits: readonly DirectionSplit[]): string[] {
  const out: string[] = [];
  for (const s of splits) {
    out.push(`direction:${s.split}  ${share(s)}`);
    if (s.batches.size > 1) for (const [batch, c] of s.batches) out.push(`  batch ${batch}  ${share(c)}`);
    for (const m of s.misses) {
      const l = m.label;
      out.push(`  MISS ${l.file} ${l.start}: "${l.words}" batch ${l.batch} DCT ${l.dct}  gold ${l.gold}  system ${m.system ?? "-"}${l.note ? `  (${l.note})` : ""}`);
    }
  }
  if (splits.length > 1) {
    const all = { total: 0, right: 0 };
    for (const s of splits) {
      all.total += s.total;
      all.right += s.right;
    }
    out.push(`direction:all  ${share(all)}`);
  }
  return out;
}
