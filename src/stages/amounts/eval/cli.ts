/**
 * `newsgraph eval amounts --meantime DIR [--half even|odd] [--errors N] [--json]` (see HELP)
 * Scores the amounts tagger against MEANTIME's VALUE markables (MONEY, PERCENT, QUANTITY) in the annotated part
 * of each article. The tagger runs as the pipeline runs it: sentence by sentence, skipping the numbers inside the
 * time tagger's timexes (tagged on the same text with the same DCT as `eval timex --meantime`).
 *
 * MEANTIME's conventions, read off the corpus: MONEY and PERCENT spans hold the modifier, currency sign or code,
 * number, scale and currency word ("about US$ 16 million", "more than 7.3 %", "$ 249 USD"), as ours do. QUANTITY
 * marks the number without the thing counted ("[30,000] jobs", "[some 400] guests") but with a unit of measure
 * ("[340 points]", "[twenty tonnes]"). So `exact` compares a count by its number phrase (modifier + number, not
 * the counted noun), `raw` by our whole span, `overlap` needs one shared character. A coordination is annotated
 * both whole and in parts ("[20 to 25 percent]", "[20]", "[25 percent]"); the whole is dropped when its parts are
 * annotated, as the tagger reads each number on its own.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import type { Span } from "../../../core/analysis.js";
import { readMeantime, type MeantimeValue } from "../../../corpora/meantime.js";
import { listCorpus, type Half } from "../../../corpora/split.js";
import { meantimeDct } from "../../time/eval/meantime.js";
import { emptyCounts, report, scoreDoc, type Counts, type Prf, type Scored } from "../../time/eval/score.js";
import { tagTimexes } from "../../time/tagger.js";
import { AmountTagger, type AmountMatch } from "../amounts.js";

const USAGE = "Usage: newsgraph eval amounts --meantime DIR [--half even|odd] [--errors N] [--json]";

const HELP = `${USAGE}

Scores the amounts tagger (stage "amounts") against the VALUE markables of MEANTIME (MONEY, PERCENT,
QUANTITY) in the annotated part of each article (title, date line and first sentences): span precision,
recall and F1, overall and per type. Our amounts are typed by unit: an ISO currency code is MONEY, "%" is
PERCENT, any other unit (a counted noun) QUANTITY. Numbers inside timexes are skipped, as in the pipeline.

  exact    identical extent, a count taken without its counted noun ("[30,000] jobs"), as MEANTIME marks it
  raw      identical extent, our span as is ("30,000 jobs")
  overlap  at least one shared character
Overall figures ignore the type; per-type figures match only within the type.

Options:
  --meantime DIR   a folder of MEANTIME intra-document annotation .xml files
  --half even|odd  score only the files whose name hashes (FNV-1a) to that half: rules are developed on the
                   even half's errors, the odd half is the check
  --errors N       list up to N misses, spurious amounts and extent mismatches (exact)
  --json           print the report as JSON instead of text
  -h, --help       show this help

Examples:
  newsgraph eval amounts --meantime /work/shared/data/meantime/intra-doc_annotation
  newsgraph eval amounts --meantime meantime/intra-doc_annotation --half even --errors 100
  newsgraph eval amounts --meantime meantime/intra-doc_annotation --half odd --json`;

/** A usage mistake: reported in one line with exit code 2. */
class UsageError extends Error {}

export type ValueType = "MONEY" | "PERCENT" | "QUANTITY";
const TYPES: readonly ValueType[] = ["MONEY", "PERCENT", "QUANTITY"];
const isValueType = (t: string): t is ValueType => (TYPES as readonly string[]).includes(t);
const MEASURES = ["exact", "raw", "overlap"] as const;
type Measure = (typeof MEASURES)[number];

export function valueType(unit: string): ValueType {
  if (unit === "%") return "PERCENT";
  return /^[A-Z]{3}$/.test(unit) ? "MONEY" : "QUANTITY";
}

/** Gold markables that contain another one (a coordination annotated whole and in parts) are left out. */
function scoredGold(values: readonly MeantimeValue[]): Scored[] {
  const inner = (g: MeantimeValue) => values.some((h) => h !== g && h.start >= g.start && h.end <= g.end && h.end - h.start < g.end - g.start);
  return values.filter((g) => !inner(g)).map((g) => ({ start: g.start, end: g.end, type: g.type, value: "" }));
}

function scoredSystem(m: AmountMatch, measure: Measure): Scored {
  const a = m.amount;
  const type = valueType(a.unit);
  const end = measure === "exact" && type === "QUANTITY" ? m.numberEnd : a.end;
  return { start: a.start, end, type, value: "" };
}

interface Tally {
  /** Per measure: overall (type-blind) counts, then one per type. */
  counts: Record<Measure, { all: Counts; byType: Record<ValueType, Counts> }>;
  dropped: number;
  errors: string[];
}

function newTally(): Tally {
  const one = () => ({ all: emptyCounts(), byType: { MONEY: emptyCounts(), PERCENT: emptyCounts(), QUANTITY: emptyCounts() } });
  return { counts: { exact: one(), raw: one(), overlap: one() }, dropped: 0, errors: [] };
}

/** The amounts of the annotated part, tagged sentence (line) by sentence like the stage does. */
function tagDoc(text: string, dct: string | null): AmountMatch[] {
  const timexes: Span[] = tagTimexes(text, dct);
  const tagger = new AmountTagger();
  const out: AmountMatch[] = [];
  for (let from = 0; from < text.length;) {
    const nl = text.indexOf("\n", from);
    const to = nl < 0 ? text.length : nl;
    out.push(...tagger.match(text, from, to, timexes));
    from = to + 1;
  }
  return out;
}

function scoreFile(file: string, tally: Tally, limit: number): void {
  const doc = readMeantime(readFileSync(file, "utf8"));
  const text = doc.text.slice(0, doc.annotatedEnd);
  const values = doc.values.filter((v) => isValueType(v.type)).sort((a, b) => a.start - b.start || a.end - b.end);
  const gold = scoredGold(values);
  tally.dropped += values.length - gold.length;
  const matches = tagDoc(text, meantimeDct(doc));
  for (const measure of MEASURES) {
    const sys = matches.map((m) => scoredSystem(m, measure));
    const c = tally.counts[measure];
    const res = scoreDoc(gold, sys, c.all);
    if (measure === "exact") errorLines(text, file, res, gold, sys, limit, tally.errors);
    for (const t of TYPES) scoreDoc(gold.filter((g) => g.type === t), sys.filter((s) => s.type === t), c.byType[t]);
  }
}

function errorLines(text: string, file: string, res: ReturnType<typeof scoreDoc>, gold: Scored[], sys: Scored[], limit: number, into: string[]): void {
  const show = (s: Scored) => `${s.type} "${text.slice(s.start, s.end).replace(/\s+/g, " ")}"`;
  const name = basename(file);
  for (const g of res.missed) if (into.length < limit) into.push(`MISS   ${name}: ${show(g)}`);
  for (const s of res.spurious) if (into.length < limit) into.push(`SPUR   ${name}: ${show(s)}`);
  for (const g of gold) {
    const s = sys.find((x) => x.start < g.end && x.end > g.start);
    if (s && (s.start !== g.start || s.end !== g.end) && into.length < limit) into.push(`EXTENT ${name}: gold ${show(g)} | sys ${show(s)}`);
    else if (s && s.type !== g.type && into.length < limit) into.push(`TYPE   ${name}: gold ${show(g)} | sys ${show(s)}`);
  }
}

interface Scores {
  gold: number;
  system: number;
  /** Span match ignoring the type. */
  all: Prf;
  byType: Record<ValueType, Prf & { gold: number; system: number }>;
}

interface AmountsReport {
  corpus: string;
  files: number;
  /** Gold markables left out because their parts are annotated too. */
  droppedWholes: number;
  exact: Scores;
  raw: Scores;
  overlap: Scores;
  errors: string[];
}

function scores(c: Tally["counts"][Measure], files: number, measure: Measure): Scores {
  const pick = (k: Counts): Prf => (measure === "overlap" ? report(k, files).relaxed : report(k, files).strict);
  const byType = {} as Scores["byType"];
  for (const t of TYPES) byType[t] = { ...pick(c.byType[t]), gold: c.byType[t].gold, system: c.byType[t].system };
  return { gold: c.all.gold, system: c.all.system, all: pick(c.all), byType };
}

export function evalAmounts(dir: string, half: Half, limit: number): AmountsReport {
  const files = listCorpus(dir, ".xml", half);
  const tally = newTally();
  for (const file of files) scoreFile(file, tally, limit);
  return {
    corpus: `meantime:${dir}${half ? ` (${half} half)` : ""}`,
    files: files.length,
    droppedWholes: tally.dropped,
    exact: scores(tally.counts.exact, files.length, "exact"),
    raw: scores(tally.counts.raw, files.length, "raw"),
    overlap: scores(tally.counts.overlap, files.length, "overlap"),
    errors: tally.errors,
  };
}

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);

function printReport(r: AmountsReport): void {
  console.log(`${r.corpus}  files ${r.files}  gold ${r.exact.gold} (${r.droppedWholes} coordinations scored by their parts)  system ${r.exact.system}`);
  for (const m of MEASURES) {
    const s = r[m];
    console.log(`  ${m.padEnd(8)} all       P ${pct(s.all.p)}  R ${pct(s.all.r)}  F1 ${pct(s.all.f1)}`);
    for (const t of TYPES) {
      const x = s.byType[t];
      console.log(`  ${"".padEnd(8)} ${t.padEnd(9)} P ${pct(x.p)}  R ${pct(x.r)}  F1 ${pct(x.f1)}   gold ${x.gold}  system ${x.system}`);
    }
  }
  for (const e of r.errors) console.log(`  ${e}`);
}

/** The options, or a one-line usage mistake. */
function options(argv: string[]): { dir: string; half: Half; limit: number; json: boolean } | "help" | UsageError {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        meantime: { type: "string" },
        half: { type: "string" },
        errors: { type: "string", default: "0" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (e) {
    return new UsageError((e as Error).message.split("\n")[0]!);
  }
  if (values.help) return "help";
  const { meantime: dir, half = null, errors } = values;
  if (dir === undefined) return new UsageError("give the MEANTIME folder with --meantime DIR");
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return new UsageError(`no such directory: ${dir}`);
  if (half !== null && half !== "even" && half !== "odd") return new UsageError(`--half needs "even" or "odd", got "${half}"`);
  if (!/^\d+$/.test(errors)) return new UsageError(`--errors needs a whole number, got "${errors}"`);
  return { dir, half, limit: Number(errors), json: values.json };
}

export async function main(argv: string[]): Promise<number> {
  const o = options(argv);
  if (o === "help") {
    console.log(HELP);
    return 0;
  }
  if (o instanceof UsageError) {
    console.error(`newsgraph eval amounts: ${o.message} (see --help)`);
    return 2;
  }
  const r = evalAmounts(o.dir, o.half, o.limit);
  if (o.json) console.log(JSON.stringify(r, null, 2));
  else printReport(r);
  return 0;
}
