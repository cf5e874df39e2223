/**
 * `newsgraph eval blocks --polnear DIR --labels FILE`: reads hand-labelled PolNeAR texts (DIR/{train,dev}/text/<name>.txt) as a user's
 * plain-text files are read, lays each out as analyze does, and scores the kind of every labelled line
 * (test/fixtures/blocks/polnear-labels.tsv: set, text, line, kind). A line labelled `cont` continues the paragraph above:
 * right when no block starts there (the reader joined it); `x` lines are not scored.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { UsageError } from "../../../core/errors.js";
import { readBytes } from "../../../readers/index.js";
import { layoutArticle } from "../layout.js";

export interface LabelledLine {
  set: string;
  text: string;
  line: number;
  kind: string;
}

export function parseLabels(tsv: string): LabelledLine[] {
  return tsv
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#") && !l.startsWith("set\t"))
    .map((l) => {
      const [set, text, line, kind] = l.split("\t");
      return { set: set!, text: text!, line: Number(line), kind: kind! };
    });
}

/** What the layout starts at each line of a file: the kind of the first block starting there. Lines inside a block are absent. */
export function predictedLines(content: string, file: string): Map<number, string> {
  const article = readBytes(Buffer.from(content, "utf8"), file).flatMap((i) => ("article" in i ? [i.article] : []))[0];
  const lines = new Map<number, string>();
  if (!article) return lines;
  const doc = layoutArticle(article);
  // Search in a copy with newlines as spaces (same offsets): a joined paragraph has a space where the file broke the line.
  const flat = content.replace(/[\r\n]/g, " ");
  let cursor = 0;
  let previousLine = -1;
  for (const block of doc.blocks) {
    const text = doc.text.slice(block.start, block.end);
    const at = find(flat, text, cursor);
    if (at < 0) continue;
    cursor = at + 1;
    const line = lineOf(content, at);
    if (line !== previousLine && !lines.has(line)) lines.set(line, block.kind);
    previousLine = line;
  }
  return lines;
}

function find(flat: string, text: string, from: number): number {
  for (const n of [40, 15]) {
    const at = flat.indexOf(text.slice(0, n), from);
    if (at >= 0) return at;
  }
  return -1;
}

function lineOf(content: string, offset: number): number {
  let line = 1;
  for (let i = content.indexOf("\n"); i >= 0 && i < offset; i = content.indexOf("\n", i + 1)) line++;
  return line;
}

export interface KindScore {
  gold: number;
  predicted: number;
  correct: number;
}

export interface BlockScore {
  lines: number;
  correct: number;
  byKind: Map<string, KindScore>;
  errors: string[];
}

export function scoreLabels(labels: readonly LabelledLine[], readText: (name: string) => string): BlockScore {
  const score: BlockScore = { lines: 0, correct: 0, byKind: new Map(), errors: [] };
  const kind = (k: string): KindScore => {
    let s = score.byKind.get(k);
    if (!s) score.byKind.set(k, (s = { gold: 0, predicted: 0, correct: 0 }));
    return s;
  };
  const byText = new Map<string, LabelledLine[]>();
  for (const l of labels) byText.set(l.text, [...(byText.get(l.text) ?? []), l]);
  for (const [name, rows] of byText) {
    const predicted = predictedLines(readText(name), `${name}.txt`);
    for (const row of rows) {
      if (row.kind === "x") continue;
      const got = predicted.get(row.line) ?? "cont";
      score.lines++;
      kind(row.kind).gold++;
      kind(got).predicted++;
      if (got === row.kind) {
        score.correct++;
        kind(got).correct++;
      } else score.errors.push(`${name}:${row.line} ${row.kind} read as ${got}`);
    }
  }
  return score;
}

export function formatBlockScore(score: BlockScore): string {
  const pct = (a: number, b: number): string => (b === 0 ? "  -  " : ((100 * a) / b).toFixed(1).padStart(5));
  const rows = [...score.byKind.entries()].sort((a, b) => b[1].gold - a[1].gold);
  return [
    `lines scored: ${score.lines}; right: ${score.correct} = ${pct(score.correct, score.lines).trim()}%`,
    "kind         gold  predicted  right  recall  precision",
    ...rows.map(([k, s]) => `${k.padEnd(12)} ${String(s.gold).padStart(4)}  ${String(s.predicted).padStart(9)}  ${String(s.correct).padStart(5)}  ${pct(s.correct, s.gold)}   ${pct(s.correct, s.predicted)}`),
  ].join("\n");
}

/** A text of PolNeAR by name: DIR is the data set (its train/ and dev/ compartments) or one compartment. */
function textPath(dir: string, name: string): string {
  const candidates = ["train", "dev", "."].map((c) => join(dir, c, "text", `${name}.txt`));
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new UsageError(`${name}.txt: not in ${dir}/train/text, ${dir}/dev/text or ${dir}/text (--polnear is PolNeAR's directory)`);
  return found;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { polnear: { type: "string" }, labels: { type: "string" }, set: { type: "string" }, errors: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(`Usage: newsgraph eval blocks --polnear DIR --labels FILE [--set NAME] [--errors]

Block-kind accuracy on hand-labelled PolNeAR texts: DIR is PolNeAR's directory (texts in train/text and dev/text),
FILE the labels (test/fixtures/blocks/polnear-labels.tsv); --set scores one set of them (random, enriched, held-out);
--errors lists every line read wrong.

Example:
  newsgraph eval blocks --polnear ../shared/data/quotes/polnear --labels test/fixtures/blocks/polnear-labels.tsv
`);
    return 0;
  }
  if (!values.polnear || !values.labels) throw new UsageError("eval blocks needs --polnear DIR and --labels FILE (see --help)");
  const labels = parseLabels(readFileSync(values.labels, "utf8")).filter((l) => values.set === undefined || l.set === values.set);
  const dir = values.polnear;
  const sets = [...new Set(labels.map((l) => l.set))];
  for (const set of [...sets, ...(sets.length > 1 ? ["all"] : [])]) {
    const rows = set === "all" ? labels : labels.filter((l) => l.set === set);
    const score = scoreLabels(rows, (name) => readFileSync(textPath(dir, name), "utf8"));
    process.stdout.write(`== ${set}: ${new Set(rows.map((r) => r.text)).size} texts\n${formatBlockScore(score)}\n`);
    if (values.errors) process.stdout.write(score.errors.map((e) => `  ${e}\n`).join(""));
  }
  return 0;
}
