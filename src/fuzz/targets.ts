/**
 * What the fuzzer feeds, in one place. A target is one public edge of newsgraph: it takes a generated file (bytes and
 * a name), runs it through that edge, and returns the contract violations it sees (an exception is thrown through).
 * Targets call only the public entry points, readBytes() and analyze(), so every stage added to the default pipeline
 * (coref, quotes, ...) is fuzzed without a change here; the store's row derivation runs on every analysis; a new edge
 * (an HTML reader) is one more entry in TARGETS.
 */
import { analyze } from "../analyze.js";
import { readBytes } from "../readers/index.js";
import type { Analysis } from "../core/analysis.js";
import { mergeKey } from "../store/cross-entities.js";
import { publishedDate, timexRange } from "../store/dates.js";
import { validateAnalysis, validateReadItems } from "./contract.js";
import { getGenerator, type Corpus, type FuzzInput } from "./generators.js";
import { hashString, mixSeed, Rng } from "./rng.js";

export interface TargetResult {
  violations: string[];
  /** Articles analyzed (0 for the reader-only target): the report's "analyze inputs" at the article level. */
  articles: number;
}

export interface Target {
  name: string;
  /** The CLI count this target's inputs are drawn from: `--count` (cheap reader inputs) or `--analyze`. */
  budget: "count" | "analyze";
  /** Generators and their weights. */
  generators: readonly (readonly [number, string])[];
  /** Size bound handed to the generators (and enforced on what they return). */
  maxBytes: number;
  /**
   * Watchdog allowance per KB of input on top of the timeout: a large input that is merely slow (linear, on a loaded
   * machine) is not a hang. A hang is still caught; a superlinear input shows in the slowest-per-KB figure.
   */
  allowanceMsPerKb: number;
  /** Hidden targets exist for the harness's own tests (watchdog, memory limit) and never run by default. */
  hidden?: boolean;
  /** Runs once per worker before the first input, outside the timings: model loading and JIT warm-up are no input's cost. */
  warmUp?(corpus: Corpus): void;
  run(input: FuzzInput, index: number): TargetResult;
}

/** Lines readBytes() can number: a line per newline, plus the last. */
function lineCount(bytes: Uint8Array): number {
  let n = 1;
  for (const b of bytes) if (b === 10) n++;
  return n;
}

function read(input: FuzzInput): { items: ReturnType<typeof readBytes>; violations: string[] } {
  const items = readBytes(input.bytes, input.fileName);
  return { items, violations: validateReadItems(items, input.fileName, lineCount(input.bytes)) };
}

/**
 * The store's edge without a database: what ingest derives from an Analysis before it writes a row (a timex's date
 * range, the publication day, the cross-article merge key) must not throw, and its dates must be ones PostgreSQL
 * takes (years 0001-9999, start before end). Ingest once failed an article on a timex "0000".
 */
function storeRowProblems(a: Analysis): string[] {
  const problems: string[] = [];
  const isDate = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d) && d >= "0001-01-01" && d <= "9999-12-31";
  const published = publishedDate(a.article.published);
  if (published !== null && !isDate(published)) problems.push(`store: published date ${JSON.stringify(published)}`);
  a.timexes.forEach((t, i) => {
    const range = timexRange(t.type, t.value);
    const endOk = range && (isDate(range.end) ? range.start < range.end : range.end === "10000-01-01");
    if (range && (!isDate(range.start) || !endOk)) {
      problems.push(`store: /timexes/${i} ${t.value} gives the range ${JSON.stringify(range)}`);
    }
  });
  for (const e of a.entities) mergeKey(e);
  return problems;
}

export const TARGETS: readonly Target[] = [
  {
    name: "read",
    budget: "count",
    generators: [[25, "bytes"], [20, "unicode"], [10, "news"], [25, "mutate"], [20, "jsonl"]],
    maxBytes: 1 << 21,
    allowanceMsPerKb: 5, // readBytes runs at ~0.1 ms/KB
    run(input) {
      return { violations: read(input).violations, articles: 0 };
    },
  },
  {
    name: "analyze",
    budget: "analyze",
    generators: [[5, "bytes"], [20, "unicode"], [25, "news"], [35, "mutate"], [15, "jsonl"]],
    // analyze() runs at 15,000-100,000 tokens/s depending on the machine's load and the text (punctuation-dense
    // text has a token per character): 128 KB takes up to about 8 s.
    maxBytes: 1 << 17,
    allowanceMsPerKb: 80,
    warmUp(corpus) {
      for (const line of corpus.jsonLines.slice(0, 20)) for (const item of readBytes(new TextEncoder().encode(line), "warm-up.jsonl")) if ("article" in item) analyze(item.article);
    },
    run(input) {
      const { items, violations } = read(input);
      let articles = 0;
      for (const item of items) {
        if (!("article" in item)) continue;
        const analysis = analyze(item.article);
        const problems = [...validateAnalysis(analysis), ...storeRowProblems(analysis)];
        violations.push(...problems.map((p) => `article ${articles} (${item.article.origin ?? "?"}): ${p}`));
        articles++;
      }
      return { violations, articles };
    },
  },

  // ----- hidden targets: the harness's own tests prove with them that each failure kind is caught and saved.
  {
    name: "hang",
    budget: "count",
    hidden: true,
    generators: [[1, "bytes"]],
    maxBytes: 64,
    allowanceMsPerKb: 0,
    run(_input, index) {
      // Every third input never returns, like the tokenizer on a lone surrogate did: only the watchdog ends it.
      if (index % 3 === 1) for (;;);
      return { violations: [], articles: 0 };
    },
  },
  {
    name: "balloon",
    budget: "count",
    hidden: true,
    generators: [[1, "bytes"]],
    maxBytes: 64,
    allowanceMsPerKb: 0,
    run(_input, index) {
      if (index % 3 === 1) {
        const hoard: number[][] = [];
        for (;;) hoard.push(new Array<number>(1 << 16).fill(index));
      }
      return { violations: [], articles: 0 };
    },
  },
  {
    name: "fail",
    budget: "count",
    hidden: true,
    generators: [[1, "bytes"]],
    maxBytes: 64,
    allowanceMsPerKb: 0,
    run(_input, index) {
      if (index % 4 === 1) throw new Error(`deliberate failure on input ${index}`);
      return { violations: index % 4 === 2 ? [`/amounts/0/value is Infinity (deliberate, input ${index})`] : [], articles: 0 };
    },
  },
];

export function getTarget(name: string): Target {
  const t = TARGETS.find((x) => x.name === name);
  if (!t) throw new Error(`unknown fuzz target "${name}" (known: ${TARGETS.map((x) => x.name).join(", ")})`);
  return t;
}

/** The seed of one input: a function of the run seed, the target and the index only, so any input can be regenerated. */
export function inputSeed(seed: number, target: string, index: number): number {
  return mixSeed(seed, hashString(target), index, Math.floor(index / 4294967296));
}

/** Most inputs stay under this size, so that a run tries many of them; a few (BIG_SHARE) go up to the target's bound. */
const SMALL_BYTES = 16 * 1024;
const BIG_SHARE = 0.02;

/** Regenerates input `index` of a target's stream. The worker and the reproducer writer both call this. */
export function makeInput(seed: number, target: Target, index: number, corpus: Corpus): { generator: string; input: FuzzInput } {
  const rng = new Rng(inputSeed(seed, target.name, index));
  const generator = rng.weighted(target.generators);
  const maxBytes = rng.chance(BIG_SHARE) ? target.maxBytes : Math.min(target.maxBytes, SMALL_BYTES);
  const input = getGenerator(generator).generate(rng, { corpus, maxBytes });
  // Generators aim at the bound and may overshoot it (a JSON record with several huge fields): cut, anywhere.
  if (input.bytes.length > target.maxBytes) input.bytes = input.bytes.subarray(0, target.maxBytes);
  return { generator, input };
}
