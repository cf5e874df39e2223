import { EXIT_OK, UsageError } from "../usage.js";

/**
 * `newsgraph eval <task>`: each pipeline stage owns its evaluation, in src/stages/<stage>/eval/cli.ts.
 * Loaded on demand so `analyze` does not pay for evaluation code.
 */
interface EvalTask {
  summary: string;
  load: () => Promise<{ main(argv: string[]): Promise<number> }>;
}

const TASKS: Record<string, EvalTask> = {
  ner: {
    summary: "named-entity recognition: conlleval P/R/F1 on CoNLL-2003, or mention P/R/F1 on MEANTIME",
    load: () => import("../../stages/entities/eval/cli.js"),
  },
  timex: {
    summary: "TIMEX3 tagging and normalization, TempEval-3 Task A (TimeML or MEANTIME)",
    load: () => import("../../stages/time/eval/cli.js"),
  },
  amounts: {
    summary: "money, percentages and counts: span P/R/F1 against MEANTIME's VALUE markables",
    load: () => import("../../stages/amounts/eval/cli.js"),
  },
  coref: {
    summary: "coreference: MUC, B3, CEAF-e and CoNLL F1 against MEANTIME's chains; split names on PolNeAR",
    load: () => import("../../stages/coref/eval/cli.js"),
  },
  extract: {
    summary: "HTML article extraction: the Zyte benchmark's shingle precision/recall/F1 (src/readers/html/eval)",
    load: () => import("../../readers/html/eval/cli.js"),
  },
  quotes: {
    summary: "who said what: Source / Cue / Content and attribution P/R/F1, direct-quote speakers, on PolNeAR",
    load: () => import("../../stages/quotes/eval/cli.js"),
  },
  blocks: {
    summary: "block kinds (labels, separators, footers, credits, notes, datelines...) on hand-labelled PolNeAR texts",
    load: () => import("../../stages/text/eval/cli.js"),
  },
  stories: {
    summary: "story clustering: B3 and pairwise P/R/F1 against ECB+ sub-topics and topics",
    load: () => import("../../stories/eval/cli.js"),
  },
  duplicates: {
    summary: "near-duplicates: recall on re-posts with light edits built from a corpus, exact copies, false pairs",
    load: () => import("../../stories/eval/duplicates-cli.js"),
  },
};

export function help(): string {
  const lines = Object.entries(TASKS).map(([name, t]) => `  ${name.padEnd(8)} ${t.summary}`);
  return `Usage: newsgraph eval <task> [options]

Scores a pipeline stage on a public benchmark; \`newsgraph eval <task> --help\` for each task's options.

Tasks:
${lines.join("\n")}

Examples:
  newsgraph eval ner --conll ../shared/data/ner/conll2003/eng.testa
  newsgraph eval timex --timeml ../shared/data/timex/tempeval3/TBAQ-cleaned/TimeBank --meantime ../shared/data/meantime/intra-doc_annotation
  newsgraph eval amounts --meantime ../shared/data/meantime/intra-doc_annotation --half odd
  newsgraph eval coref --meantime ../shared/data/meantime/intra-doc_annotation --half odd
  newsgraph eval quotes --polnear ../shared/data/quotes/polnear/dev
  newsgraph eval extract --zyte ../shared/data/extraction/zyte-dev --out zyte-dev.json
  newsgraph eval stories --ecb ../shared/data/stories/ecbplus-dev --out stories.json
  newsgraph eval duplicates --corpus ../shared/data/corpora/bbc
`;
}

export async function run(argv: string[]): Promise<number> {
  const [task, ...rest] = argv;
  if (task === undefined || task === "-h" || task === "--help") {
    process.stdout.write(help());
    return EXIT_OK;
  }
  const entry = TASKS[task];
  if (!entry) throw new UsageError(`unknown eval task "${task}" (known: ${Object.keys(TASKS).join(", ") || "none"})`);
  return (await entry.load()).main(rest);
}
