/**
 * `newsgraph eval duplicates --corpus DIR [--json]`: the duplicate finder on re-posts built from a corpus (the BBC
 * one: ../shared/data/corpora/bbc): every article indexed in corpus order, then five re-posts of each (a sentence
 * deleted, a sentence changed, a new headline, re-wrapped, and all four at once; reposts.ts). Prints the recall per
 * edit, the exact copies found among the originals, and every other pair of originals matched (false pairs).
 */
import { parseArgs } from "node:util";
import { UsageError } from "../../core/errors.js";
import { readInput } from "../../readers/index.js";
import { EDITS, evalReposts, type Original } from "./reposts.js";

const HELP = `Usage: newsgraph eval duplicates --corpus DIR [--json]

Indexes every article of DIR (any format the readers read) with the duplicate finder, in corpus order,
then five re-posts of each: a sentence deleted, a sentence changed (every third word), a new headline,
re-wrapped (lines of about 60 characters), all four at once. A re-post is found when it is linked to its
original (or to an exact copy of it that came first). Prints the recall per edit, the exact copies among
the originals, and every other pair of originals linked with its exact shingle Jaccard similarity (a
near-copy within the corpus, or a false pair). A re-post of an article linked to an earlier one counts as
found when it is linked to that earlier one.
`;

export async function readOriginals(dir: string): Promise<Original[]> {
  const out: Original[] = [];
  for await (const item of readInput(dir)) if ("article" in item) out.push({ id: item.article.origin ?? item.article.id, title: item.article.title, paragraphs: item.article.paragraphs });
  return out;
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { corpus: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!values.corpus) throw new UsageError("eval duplicates needs --corpus DIR");
  const originals = await readOriginals(values.corpus);
  if (originals.length === 0) throw new UsageError(`--corpus: no articles in ${values.corpus}`);
  const report = evalReposts(originals);
  if (values.json) {
    process.stdout.write(JSON.stringify(report, null, 1) + "\n");
    return 0;
  }
  const near = report.nearCopies;
  const lowest = near.reduce((m, p) => Math.min(m, p.jaccard), 1);
  const lines = [
    `${report.originals} articles; exact copies of an earlier one found: ${report.exactCopies}`,
    `other pairs of originals linked: ${near.length}, lowest exact shingle Jaccard ${lowest.toFixed(3)} (near-copies in the corpus, or false pairs)`,
  ];
  for (const p of near) lines.push(`  ${p.id} -> ${p.of} (estimated ${p.similarity.toFixed(3)}, exact Jaccard ${p.jaccard.toFixed(3)})`);
  for (const e of EDITS) {
    const r = report.reposts[e];
    lines.push(`  ${e.padEnd(16)} recall ${((100 * r.found) / r.total).toFixed(2)}% (${r.found}/${r.total}), lowest similarity ${report.lowest[e].toFixed(3)}`);
  }
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}
