/**
 * `newsgraph eval stories --ecb DIR --out FILE [--tune] [--learn] [--time] [--json]`: ECB+ documents analyzed, clustered as stories in
 * document order by the clusterer ingest uses (src/stories/cluster.ts, its default options), `{docName: storyId}`
 * written to FILE, and B³ and pairwise P/R/F1 printed against the sub-topics (topic and ECB/ECB+ kind: the two
 * events of a topic) and against the topics. `--tune` also runs the grid and the two-fold cross-validation over
 * topics (tune.ts); `--learn` learns the merge decision (learn.ts) on all topics and cross-validates it the same way;
 * `--time` gives the clusterer the ECB+ pages' publication dates (ecb.ts `ecbItems`).
 */
import { existsSync, statSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { UsageError } from "../../core/errors.js";
import { readEcbDir } from "../../corpora/ecbplus.js";
import { CLUSTER_DEFAULTS, type ClusterOptions } from "../cluster.js";
import { clusterItems, ecbItems, scoreItems, type EcbScore } from "./ecb.js";
import type { Prf } from "./score.js";
import { learn } from "./learn.js";
import { crossValidate, tune, type Chooser, type Fold } from "./tune.js";

const HELP = `Usage: newsgraph eval stories --ecb DIR --out FILE [--tune] [--learn] [--time] [--json]

Reads ECB+ documents (DIR/N/N_Mecb.xml: one event of topic N; N_Mecbplus.xml: a second, similar event),
rebuilds each as prose (the lines giving when the page was published or updated are taken out, the
first full date among them is its publication date; the first remaining sentence is the headline),
runs analyze on it for its entities and dates, and clusters them as stories in document order (topic,
document number, ECB before ECB+) with the incremental clusterer ingest uses. Writes {docName: storyId}
as JSON to FILE and prints B3 and pairwise P/R/F1 against the sub-topics (topic + kind) and against the
topics. Only ECB+ documents have a publication date, so the clusterer is not given it (no time term)
unless --time.

--tune   also tune the weights and threshold on all of DIR's topics, and cross-validate over topics
         (tune on every other topic, score on the rest, and the reverse)
--learn  learn the merge decision (logistic regression on article/story pairs of the gold stories,
         then the penalty against a one-article story by B3) on all of DIR's topics, and
         cross-validate it over the same two halves of the topics
--time   give the clusterer the publication dates too (the time term then meets only ECB+ articles
         against ECB+ stories: pairs of one event)
--json   print the report as JSON
`;

const pct = (x: number) => (100 * x).toFixed(1);
const prf = (p: Prf) => `P ${pct(p.precision)}  R ${pct(p.recall)}  F1 ${pct(p.f1)}`;

function lines(title: string, s: EcbScore): string[] {
  return [
    `${title}: ${s.documents} documents, ${s.stories} stories`,
    `  vs sub-topics  B3 ${prf(s.subtopics.bcubed)}   pairwise ${prf(s.subtopics.pairwise)}`,
    `  vs topics      B3 ${prf(s.topics.bcubed)}   pairwise ${prf(s.topics.pairwise)}`,
  ];
}

const describe = (o: ClusterOptions) =>
  `weights body ${o.weights.body} title ${o.weights.title} entities ${o.weights.entities} dates ${o.weights.dates}, year conflict ${o.yearConflict}, one-article story ${o.singleton}, threshold ${o.threshold}`;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ecb: { type: "string" }, out: { type: "string" }, tune: { type: "boolean" }, learn: { type: "boolean" }, time: { type: "boolean" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!values.ecb || !values.out) throw new UsageError("eval stories needs --ecb DIR and --out FILE");
  if (!existsSync(values.ecb) || !statSync(values.ecb).isDirectory()) throw new UsageError(`--ecb: no directory ${values.ecb}`);
  const docs = readEcbDir(values.ecb);
  if (docs.length === 0) throw new UsageError(`--ecb: no ECB+ documents (N/N_Mecb.xml) below ${values.ecb}`);
  const items = ecbItems(docs, values.time === true);
  const response = clusterItems(items, CLUSTER_DEFAULTS);
  writeFileSync(values.out, JSON.stringify(Object.fromEntries(response), null, 1) + "\n");
  const report: Record<string, unknown> = { options: CLUSTER_DEFAULTS, score: scoreItems(items, response) };
  // Each way of choosing the options: on all topics (a fit), then cross-validated over the two halves of the topics.
  const choosers: Array<[string, Chooser]> = [];
  if (values.tune) choosers.push(["tuned", tune]);
  if (values.learn) choosers.push(["learned", learn]);
  for (const [name, choose] of choosers) report[name] = { all: choose(items), folds: crossValidate(items, choose) };
  if (values.json) {
    process.stdout.write(JSON.stringify(report, null, 1) + "\n");
    return 0;
  }
  const out = [`defaults (${describe(CLUSTER_DEFAULTS)})`, ...lines("  all topics", report.score as EcbScore)];
  for (const [name] of choosers) {
    const { all, folds } = report[name] as { all: ReturnType<Chooser>; folds: Fold[] };
    out.push(`${name} on all topics (${describe(all.options)})`, ...lines("  all topics", all.score));
    for (const f of folds) {
      out.push(`fold: ${name} on topics ${f.tunedOn.join(",")} (${describe(f.options)})`, ...lines("  chosen-on", f.tuned), ...lines("  held-out", f.held));
    }
  }
  process.stdout.write(out.join("\n") + "\n");
  return 0;
}
