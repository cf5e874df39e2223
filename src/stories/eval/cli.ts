/**
 * `newsgraph eval stories --ecb DIR --out FILE [--tune] [--json]`: ECB+ documents analyzed, clustered as stories in
 * document order by the clusterer ingest uses (src/stories/cluster.ts, its default options), `{docName: storyId}`
 * written to FILE, and B³ and pairwise P/R/F1 printed against the sub-topics (topic and ECB/ECB+ kind: the two
 * events of a topic) and against the topics. `--tune` also runs the grid and the two-fold cross-validation over
 * topics (tune.ts).
 */
import { existsSync, statSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { UsageError } from "../../core/errors.js";
import { readEcbDir } from "../../corpora/ecbplus.js";
import { CLUSTER_DEFAULTS, type ClusterOptions } from "../cluster.js";
import { clusterItems, ecbItems, scoreItems, type EcbScore } from "./ecb.js";
import type { Prf } from "./score.js";
import { crossValidate, tune } from "./tune.js";

const HELP = `Usage: newsgraph eval stories --ecb DIR --out FILE [--tune] [--json]

Reads ECB+ documents (DIR/N/N_Mecb.xml: one event of topic N; N_Mecbplus.xml: a second, similar event),
rebuilds each as prose (the first sentence is the headline), runs analyze on it for its entities, and
clusters them as stories in document order (topic, document number, ECB before ECB+) with the
incremental clusterer ingest uses. Writes {docName: storyId} as JSON to FILE and prints B3 and pairwise
P/R/F1 against the sub-topics (topic + kind) and against the topics. ECB+ documents carry no usable
publication date, so the time term plays no part here.

--tune   also tune the weights and threshold on all of DIR's topics, and cross-validate over topics
         (tune on every other topic, score on the rest, and the reverse)
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

const describe = (o: ClusterOptions) => `weights body ${o.weights.body} title ${o.weights.title} entities ${o.weights.entities} dates ${o.weights.dates}, threshold ${o.threshold}`;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ecb: { type: "string" }, out: { type: "string" }, tune: { type: "boolean" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!values.ecb || !values.out) throw new UsageError("eval stories needs --ecb DIR and --out FILE");
  if (!existsSync(values.ecb) || !statSync(values.ecb).isDirectory()) throw new UsageError(`--ecb: no directory ${values.ecb}`);
  const docs = readEcbDir(values.ecb);
  if (docs.length === 0) throw new UsageError(`--ecb: no ECB+ documents (N/N_Mecb.xml) below ${values.ecb}`);
  const items = ecbItems(docs);
  const response = clusterItems(items, CLUSTER_DEFAULTS);
  writeFileSync(values.out, JSON.stringify(Object.fromEntries(response), null, 1) + "\n");
  const report: Record<string, unknown> = { options: CLUSTER_DEFAULTS, score: scoreItems(items, response) };
  if (values.tune) {
    report.tuned = tune(items);
    report.folds = crossValidate(items);
  }
  if (values.json) {
    process.stdout.write(JSON.stringify(report, null, 1) + "\n");
    return 0;
  }
  const out = [`defaults (${describe(CLUSTER_DEFAULTS)})`, ...lines("  all topics", report.score as EcbScore)];
  if (values.tune) {
    const t = report.tuned as ReturnType<typeof tune>;
    out.push(`best on all topics (${describe(t.options)})`, ...lines("  all topics", t.score));
    for (const f of report.folds as ReturnType<typeof crossValidate>) {
      out.push(`fold: tuned on topics ${f.tunedOn.join(",")} (${describe(f.options)})`, ...lines("  tuned-on", f.tuned), ...lines("  held-out", f.held));
    }
  }
  process.stdout.write(out.join("\n") + "\n");
  return 0;
}
