/**
 * `node dist/src/bench/output-hash.js [--corpus DIR] [--out FILE]`: the SHA-256 of every article's Analysis JSON, in
 * reading order, and of them all together. Speed work must leave the output byte-identical: run it before and after
 * a change and compare the total (and, with `--out`, diff the per-article lines to find which articles moved).
 */
// First: the V8 settings every newsgraph process runs with (src/cli/v8-flags.ts), so the bench measures those.
import "../cli/v8-flags.js";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { analyze, getDefaultPipeline } from "../analyze.js";
import { readInput } from "../readers/index.js";

const { values } = parseArgs({
  options: { corpus: { type: "string", default: resolve("../shared/data/corpora/bbc") }, out: { type: "string" } },
});

const pipeline = getDefaultPipeline();
const total = createHash("sha256");
const lines: string[] = [];
for await (const item of readInput(values.corpus!)) {
  if (!("article" in item)) continue;
  const json = JSON.stringify(analyze(item.article, pipeline));
  total.update(json).update("\n");
  lines.push(`${createHash("sha256").update(json).digest("hex")} ${item.article.id}`);
}
if (values.out) writeFileSync(values.out, lines.join("\n") + "\n");
console.log(`${total.digest("hex")} (${lines.length} articles)`);
