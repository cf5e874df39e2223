/**
 * `newsgraph eval extract --zyte DIR --out FILE`: the HTML extractor over the Zyte article-extraction benchmark
 * (DIR/html/<id>.html.gz, DIR/ground-truth.json). Writes the benchmark's prediction file ({id: {articleBody}}) and
 * prints its shingle precision, recall and F1 (./shingles.ts), with the time per page.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { UsageError } from "../../../core/errors.js";
import { readZyte } from "../../../corpora/zyte.js";
import { decodeText } from "../../decode.js";
import { extractHtml } from "../extract.js";
import { bodyText } from "../read.js";
import { pageCounts, score, type PageCounts } from "./shingles.js";

const HELP = `Usage: newsgraph eval extract --zyte DIR [--out FILE] [--worst N] [--readability-only] [--json]

Extracts the article body of every page of the Zyte article-extraction benchmark (DIR/html/*.html.gz,
DIR/ground-truth.json) and scores it as the benchmark does: 4-gram shingles of word tokens, precision
and recall averaged per page, F1 of the two.

Options:
  --zyte DIR    the benchmark folder (e.g. ../shared/data/extraction/zyte-dev)
  --out FILE    write the predictions there, {id: {"articleBody": ...}}, the benchmark's output format
  --worst N     list the N pages of lowest F1 with their precision and recall
  --readability-only
                the baseline: Readability's textContent over linkedom, as the benchmark runs
                Readability.js, instead of newsgraph's extractor
  --json        print the scores as JSON
  -h, --help    this help

Example:
  newsgraph eval extract --zyte ../shared/data/extraction/zyte-dev --out zyte-dev.json`;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      zyte: { type: "string" },
      out: { type: "string" },
      worst: { type: "string" },
      "readability-only": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(HELP + "\n");
    return 0;
  }
  if (!values.zyte) throw new UsageError("eval extract needs --zyte DIR (see --help)");
  const worst = values.worst === undefined ? 0 : Number(values.worst);
  if (!Number.isInteger(worst) || worst < 0) throw new UsageError(`--worst takes a whole number, not "${values.worst}"`);

  const pages = readZyte(values.zyte);
  const predictions: Record<string, { articleBody: string }> = {};
  const counts: Array<PageCounts & { id: string }> = [];
  let maxMs = 0;
  const started = process.cpuUsage();
  for (const page of pages) {
    const t0 = performance.now();
    const html = decodeText(page.html, { html: true }).text;
    const body = values["readability-only"] ? readabilityText(html) : bodyText(extractHtml(html).blocks);
    maxMs = Math.max(maxMs, performance.now() - t0);
    predictions[page.id] = { articleBody: body };
    counts.push({ id: page.id, ...pageCounts(page.articleBody, body) });
  }
  const cpu = process.cpuUsage(started);
  const cpuMsPerPage = (cpu.user + cpu.system) / 1000 / Math.max(1, pages.length);
  if (values.out) writeFileSync(values.out, JSON.stringify(predictions, null, 1) + "\n");
  const s = score(counts);
  if (values.json) {
    process.stdout.write(JSON.stringify({ pages: pages.length, ...s, cpuMsPerPage, maxMsPerPage: maxMs }, null, 2) + "\n");
    return 0;
  }
  const f = (x: number) => x.toFixed(3);
  const lines = [
    `pages ${pages.length}  precision ${f(s.precision)}  recall ${f(s.recall)}  F1 ${f(s.f1)}`,
    `CPU time ${cpuMsPerPage.toFixed(1)} ms/page, slowest page ${maxMs.toFixed(0)} ms (wall)`,
  ];
  const ranked = counts.map((c) => ({ c, one: score([c]) })).sort((a, b) => a.one.f1 - b.one.f1 || (a.c.id < b.c.id ? -1 : 1));
  for (const { c, one } of ranked.slice(0, worst)) lines.push(`  ${c.id.slice(0, 16)}  P ${f(one.precision)}  R ${f(one.recall)}  F1 ${f(one.f1)}`);
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}

/** Readability.js alone, as the benchmark's own runner calls it (its textContent), over linkedom instead of jsdom. */
function readabilityText(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document as unknown as Document).parse()?.textContent ?? "";
}
