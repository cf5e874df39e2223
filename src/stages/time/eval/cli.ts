/**
 * `newsgraph eval timex (--timeml DIR | --meantime DIR)... [--out DIR] [--json] [--errors N]` (see HELP)
 * TempEval-3 Task A over TimeML files (DCT = publication date, input = TEXT with its tags stripped) and/or
 * MEANTIME files; prints strict and relaxed span P/R/F1 and type/value attribute F1 per corpus. With --out,
 * each TimeML file is written back with the system's TIMEX3 tags (TempEval-3 format). The DCT expression
 * itself is never scored.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { readMeantime } from "../../../corpora/meantime.js";
import { listCorpus, type Half } from "../../../corpora/split.js";
import { directionReport, parseDirectionLabels, scoreDirection } from "./direction.js";
import { meantimeDct, meantimeTimexes } from "./meantime.js";
import { emptyCounts, report, scoreDoc, sumCounts, type Counts, type Report, type Scored } from "./score.js";
import { tagTimexes } from "../tagger.js";
import { parseTimeml, writeTimeml } from "../../../corpora/timeml.js";

const USAGE =
  "Usage: newsgraph eval timex (--timeml DIR | --meantime DIR)... [--half even|odd] [--out DIR] [--json] [--errors N]\n" +
  "       newsgraph eval timex --direction LABELS.tsv --polnear DIR";

const HELP = `${USAGE}

Scores the TIMEX3 tagger (stage "time") with the TempEval-3 Task A measures: strict and relaxed span
precision/recall/F1, and type and value attribute F1 over relaxed matches. The DCT timex itself is not scored
(as in the official TempEval-3 script, which skips t0).

Options:
  --timeml DIR     a folder of TimeML .tml files (TempEval-3 / TBAQ-cleaned); repeatable, one report each
                   and, given more than one, a report of all of them together
  --meantime DIR   a folder of MEANTIME intra-document annotation .xml files; repeatable
  --half even|odd  score only the files whose name hashes (FNV-1a) to that half: rules are developed on the
                   even half's error lists, the odd half is the check against overfitting
  --out DIR        write each TimeML file back with the system's TIMEX3 tags (TempEval-3 format)
  --json           print the reports as JSON instead of text
  --errors N       list up to N misses, spurious tags and wrong values per corpus
  --direction TSV  hand-labelled weekday/month references (test/fixtures/time-direction/labels.tsv): prints the
                   share with the right value per split (train, dev), per labelling batch, all together,
                   and every miss; needs --polnear
  --polnear DIR    the PolNeAR folder whose <split>/text/<file>.txt the labels point into
  -h, --help       show this help

Examples:
  newsgraph eval timex --timeml /work/shared/data/timex/tempeval3/TBAQ-cleaned/TimeBank
  newsgraph eval timex --timeml TBAQ-cleaned/TimeBank --timeml TBAQ-cleaned/AQUAINT \\
    --meantime meantime/intra-doc_annotation
  newsgraph eval timex --meantime meantime/intra-doc_annotation --errors 50
  newsgraph eval timex --timeml TBAQ-cleaned/AQUAINT --half even --errors 200
  newsgraph eval timex --timeml te3-platinum --out /tmp/te3-system --json
  newsgraph eval timex --direction test/fixtures/time-direction/labels.tsv --polnear ../shared/data/quotes/polnear`;

/** A usage mistake: reported in one line with exit code 2. */
class UsageError extends Error {}

interface Corpus {
  name: string;
  report: Report;
  errors: string[];
  counts: Counts;
}

function errorLines(text: string, file: string, res: ReturnType<typeof scoreDoc>, limit: number, into: string[]): void {
  const show = (s: Scored) => `"${text.slice(s.start, s.end).replace(/\s+/g, " ")}" ${s.type} ${s.value}`;
  for (const g of res.missed) if (into.length < limit) into.push(`MISS  ${basename(file)}: ${show(g)}`);
  for (const s of res.spurious) if (into.length < limit) into.push(`SPUR  ${basename(file)}: ${show(s)}`);
  for (const [g, s] of res.wrong) if (into.length < limit) into.push(`VALUE ${basename(file)}: gold ${show(g)} | sys ${show(s)}`);
}

function evalTimeml(dir: string, half: Half, out: string | null, limit: number): Corpus {
  const c: Counts = emptyCounts();
  const errors: string[] = [];
  const files = listCorpus(dir, ".tml", half);
  if (out) mkdirSync(out, { recursive: true });
  for (const file of files) {
    const doc = parseTimeml(readFileSync(file, "utf8"));
    const sys = tagTimexes(doc.text, doc.dct);
    errorLines(doc.text, file, scoreDoc(doc.gold, sys, c), limit, errors);
    if (out) writeFileSync(join(out, basename(file)), writeTimeml(doc, sys));
  }
  return { name: `timeml:${dir}${half ? ` (${half} half)` : ""}`, report: report(c, files.length), errors, counts: c };
}

function evalMeantime(dir: string, half: Half, limit: number): Corpus {
  const c: Counts = emptyCounts();
  const errors: string[] = [];
  const files = listCorpus(dir, ".xml", half);
  for (const file of files) {
    const doc = readMeantime(readFileSync(file, "utf8"));
    // The dateline is the creation time, which is not scored; in the few files whose creation time is not
    // marked as such, the dateline's date is an ordinary gold timex and is scored like any other.
    const span = doc.dct ? doc.dateline : null;
    const sys = tagTimexes(doc.text.slice(0, doc.annotatedEnd), meantimeDct(doc)).filter((t) => !span || t.end <= span.start || t.start >= span.end);
    errorLines(doc.text, file, scoreDoc(meantimeTimexes(doc), sys, c), limit, errors);
  }
  return { name: `meantime:${dir}${half ? ` (${half} half)` : ""}`, report: report(c, files.length), errors, counts: c };
}

const pct = (x: number) => (100 * x).toFixed(1);

export async function main(argv: string[]): Promise<number> {
  const timeml: string[] = [];
  const meantime: string[] = [];
  let out: string | null = null;
  let json = false;
  let limit = 0;
  let half: Half = null;
  let direction: string | null = null;
  let polnear: string | null = null;
  try {
    for (let k = 0; k < argv.length; k++) {
      const a = argv[k]!;
      const next = () => {
        const v = argv[++k];
        if (v === undefined || v.startsWith("--")) throw new UsageError(`${a} needs a value`);
        return v;
      };
      if (a === "--timeml") timeml.push(next());
      else if (a === "--meantime") meantime.push(next());
      else if (a === "--out") out = next();
      else if (a === "--direction") direction = next();
      else if (a === "--polnear") polnear = next();
      else if (a === "--json") json = true;
      else if (a === "--half") {
        const v = next();
        if (v !== "even" && v !== "odd") throw new UsageError(`--half needs "even" or "odd", got "${v}"`);
        half = v;
      }
      else if (a === "--errors") {
        const v = next();
        limit = Number(v);
        if (!/^\d+$/.test(v)) throw new UsageError(`--errors needs a whole number, got "${v}"`);
      } else if (a === "-h" || a === "--help") {
        console.log(HELP);
        return 0;
      } else throw new UsageError(`unknown argument "${a}"`);
    }
    if ((direction === null) !== (polnear === null)) throw new UsageError("--direction and --polnear go together");
    if (direction !== null && !existsSync(direction)) throw new UsageError(`no such file: ${direction}`);
    if (timeml.length + meantime.length === 0 && direction === null) throw new UsageError("give at least one --timeml or --meantime folder, or --direction");
    for (const dir of [...timeml, ...meantime, ...(polnear === null ? [] : [polnear])]) {
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`no such directory: ${dir}`);
    }
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`newsgraph eval timex: ${e.message} (see --help)`);
    return 2;
  }
  if (direction !== null && polnear !== null) {
    for (const line of directionReport(scoreDirection(parseDirectionLabels(readFileSync(direction, "utf8")), polnear))) console.log(line);
    if (timeml.length + meantime.length === 0) return 0;
  }
  const timemlCorpora = timeml.map((d, k) => evalTimeml(d, half, out && timeml.length > 1 ? join(out, String(k)) : out, limit));
  const corpora: Corpus[] = [...timemlCorpora, ...meantime.map((d) => evalMeantime(d, half, limit))];
  // TimeBank and AQUAINT make up TBAQ-cleaned: given both, report them together too (micro-averaged).
  if (timemlCorpora.length > 1) {
    const counts = sumCounts(timemlCorpora.map((c) => c.counts));
    const files = timemlCorpora.reduce((n, c) => n + c.report.files, 0);
    corpora.splice(timemlCorpora.length, 0, { name: `timeml:all ${timemlCorpora.length} folders${half ? ` (${half} half)` : ""}`, report: report(counts, files), errors: [], counts });
  }
  if (json) {
    console.log(JSON.stringify(corpora.map((c) => ({ corpus: c.name, ...c.report })), null, 2));
  } else {
    for (const c of corpora) {
      const r = c.report;
      console.log(`${c.name}  files ${r.files}  gold ${r.gold}  system ${r.system}`);
      console.log(`  strict  P ${pct(r.strict.p)}  R ${pct(r.strict.r)}  F1 ${pct(r.strict.f1)}`);
      console.log(`  relaxed P ${pct(r.relaxed.p)}  R ${pct(r.relaxed.r)}  F1 ${pct(r.relaxed.f1)}`);
      console.log(`  type F1 ${pct(r.typeF1)}  value F1 ${pct(r.valueF1)}  (value accuracy on matches ${pct(r.valueAccuracy)})`);
      for (const e of c.errors) console.log(`  ${e}`);
    }
  }
  return 0;
}
