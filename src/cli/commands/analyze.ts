import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { analyze } from "../../analyze.js";
import type { Analysis } from "../../core/analysis.js";
import { formatOrigin, readInput, type ReadItem } from "../../readers/index.js";
import { AnalyzePool, inOrder } from "../../store/analyze-pool.js";
import { formatSummary } from "../text-summary.js";
import { Progress, write } from "../io.js";
import { EXIT_INPUT, EXIT_OK, UsageError } from "../usage.js";
import { publishedOptionProblem } from "../../readers/published.js";

export const help = `Usage: newsgraph analyze <file|dir|url|-> ... [options]

Reads news articles and prints one Analysis (schema newsgraph.analysis/1) per article.

Inputs: the dump format (" date YYYY-MM-DD Section" line, headline, byline, one paragraph
per line; many records per file), plain text (first line = title), JSON Lines (one article
object per line), HTML pages (.html, .htm, .html.gz: the article body and the page's
metadata), RSS and Atom feeds (.rss, .atom, .xml: one article per item), an http(s):// URL
of a page or a feed (fetched), a directory (walked recursively), or - for standard input
(the format is told from the content). Text that is not UTF-8 is decoded by its byte-order
mark, its declared charset, or as Windows-1252, with a warning; binary files are refused.

Options:
  --format json|jsonl|text  json: one Analysis, or a JSON array for several (default);
                            jsonl: one Analysis per line; text: a readable summary
  --published YYYY-MM-DD    publication date for articles that have none
  --workers N               analysis threads for many articles (default: one per core; 0: this
                            thread); output stays in input order, and inputs of a handful of
                            articles are analyzed on this thread
  --strict                  exit 1 on any bad input (default: only when nothing could be read)
  --progress                show progress on stderr (default: when stderr is a terminal)
  -h, --help                this help

An article of more than 2 million characters of text is not analyzed: it fails alone ("too large to
analyze"), as in ingest. A date that is no date ("2022-02-30", "yesterday") is left empty with a warning
naming file and line; --published with one is a usage error.

Exit codes: 0 analyzed; 1 nothing could be read, or --strict and some input was bad; 2 usage error.

Examples:
  newsgraph analyze examples/seed/000_dbf82c7d13769c2b.txt --format text
  newsgraph analyze examples/meantime/meantime-en.jsonl --format jsonl > analyses.jsonl
  newsgraph analyze page.html https://example.com/feed.rss --format text
  cat article.txt | newsgraph analyze - --published 2024-05-01
`;

const FORMATS = ["json", "jsonl", "text"] as const;

/** Up to this many articles are analyzed on the main thread whatever --workers says. */
const HANDFUL = 8;

/** Every item of every input, in order, with --published applied. */
async function* allItems(inputs: readonly string[], published: string | undefined): AsyncGenerator<ReadItem> {
  for (const input of inputs) {
    for await (const item of readInput(input)) {
      if ("article" in item && item.article.published === null && published !== undefined) item.article.published = published;
      yield item;
    }
  }
}
type Format = (typeof FORMATS)[number];

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "json" },
      published: { type: "string" },
      strict: { type: "boolean", default: false },
      progress: { type: "boolean" },
      workers: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(help);
    return EXIT_OK;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${values.format}"`);
  const publishedProblem = values.published === undefined ? null : publishedOptionProblem(values.published);
  if (publishedProblem !== null) throw new UsageError(publishedProblem);
  if (positionals.length === 0) throw new UsageError("analyze needs an input: a file, a directory, or - for stdin (see --help)");

  let workers = availableParallelism();
  if (values.workers !== undefined) {
    if (!/^\d+$/.test(values.workers)) throw new UsageError(`--workers takes a whole number, 0 or more, not "${values.workers}"`);
    workers = Number(values.workers);
  }

  const out = process.stdout;
  const progress = new Progress(values.progress ?? process.stderr.isTTY === true);
  let analyzed = 0;
  let errors = 0;
  let pendingFirst: string | null = null; // json: one object alone, or an array once a second one comes
  const emit = async (analysis: Analysis) => {
    analyzed++;
    if (format === "jsonl") await write(out, JSON.stringify(analysis) + "\n");
    else if (format === "text") await write(out, (analyzed > 1 ? "\n" : "") + formatSummary(analysis));
    else {
      const json = JSON.stringify(analysis, null, 2);
      if (analyzed === 1) pendingFirst = json;
      else {
        if (pendingFirst !== null) await write(out, "[\n" + pendingFirst);
        pendingFirst = null;
        await write(out, ",\n" + json);
      }
    }
    progress.tick(analyzed, errors);
  };
  let skipped = 0;
  const reportInput = (item: ReadItem) => {
    if ("skipped" in item) skipped++;
    else if ("warning" in item) process.stderr.write(`newsgraph: warning: ${formatOrigin(item.warning.origin)}: ${item.warning.message}\n`);
    else if ("error" in item) {
      errors++;
      process.stderr.write(`newsgraph: ${formatOrigin(item.error.origin)}: ${item.error.message}\n`);
    }
  };
  const items = allItems(positionals, values.published);

  // A handful of articles: this thread (starting workers, each loading the models, would cost more than it saves).
  const head: ReadItem[] = [];
  let articles = 0;
  for (;;) {
    if (workers === 0 || articles > HANDFUL) break;
    const next = await items.next();
    if (next.done) break;
    head.push(next.value);
    if ("article" in next.value) articles++;
  }
  const all = (async function* () {
    yield* head;
    yield* items;
  })();
  if (workers === 0 || articles <= HANDFUL) {
    for await (const item of all) {
      if ("article" in item) await emit(analyze(item.article));
      else reportInput(item);
    }
  } else {
    const pool = new AnalyzePool(workers);
    try {
      // Enough in flight to keep every worker busy while one slow article holds the output back.
      for await (const r of inOrder(all, (item) => ("article" in item ? pool.analyze(item.article) : null), workers * 8)) {
        if ("error" in r) throw r.error;
        if (r.value) await emit(r.value);
        else reportInput(r.input);
      }
    } finally {
      await pool.close();
    }
  }
  progress.done();
  if (format === "json") {
    if (pendingFirst !== null) await write(out, pendingFirst + "\n");
    else if (analyzed > 1) await write(out, "\n]\n");
  }
  if (skipped > 0) process.stderr.write(`newsgraph: ${skipped} file(s) skipped for their extension\n`);
  if (errors > 0) process.stderr.write(`newsgraph: ${analyzed} article(s) analyzed, ${errors} input error(s)\n`);
  if (analyzed === 0) {
    if (errors === 0) process.stderr.write("newsgraph: no article found in the input\n");
    return EXIT_INPUT;
  }
  return values.strict && errors > 0 ? EXIT_INPUT : EXIT_OK;
}
