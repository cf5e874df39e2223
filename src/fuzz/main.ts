/**
 * `npm run fuzz [-- options]`: feeds generated inputs to the readers and to analyze() in worker threads and checks
 * the output contract on every result. Exits 1 when anything failed; reproducers are in --out.
 *
 *   --seed N      run seed (default 1); the same seed and counts give the same inputs
 *   --count N     reader inputs (default 100000)
 *   --analyze N   analyze inputs (default 10000)
 *   --from N      index of the first input of each target (default 0): with --count 1 --analyze 0, reruns one input
 *   --seconds N   time bound: no input starts after N seconds (default: none)
 *   --workers N   worker threads (default: the number of cores)
 *   --out DIR     reproducer folder (default fuzz-failures)
 *   --timeout MS  an input running longer (plus its target's allowance per KB, see targets.ts) is a hang (default 5000)
 *   --max-heap MB a worker heap over this is runaway memory (default 1024)
 *   --replay F    runs one saved reproducer (its .json) in this process and prints what happens
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { repoRoot } from "./contract.js";
import { loadCorpus } from "./generators.js";
import { defaultCounts, formatReport, runFuzz, totalFailures } from "./run.js";
import { getTarget } from "./targets.js";

function intOption(values: Record<string, unknown>, name: string, fallback: number): number {
  const raw = values[name];
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) {
    process.stderr.write(`fuzz: --${name} needs a whole number, not ${JSON.stringify(raw)}\n`);
    process.exit(2);
  }
  return n;
}

/** Runs one reproducer in-process, without a watchdog, so a debugger or a stack trace can be had. */
function replay(file: string): number {
  const info = JSON.parse(readFileSync(file, "utf8")) as { target: string; index: number; fileName: string; kind: string };
  const bytes = readFileSync(file.replace(/\.json$/, ".bin"));
  process.stdout.write(`replaying ${info.kind} on target ${info.target}, index ${info.index}, file name ${JSON.stringify(info.fileName)}, ${bytes.length} bytes\n`);
  if (info.kind === "timeout") process.stdout.write("(this input hung under the fuzzer: interrupt with Ctrl-C if it hangs again)\n");
  const target = getTarget(info.target);
  target.warmUp?.(loadCorpus(repoRoot())); // so the time printed is the input's, not the model load's
  const t0 = performance.now();
  try {
    const { violations, articles } = target.run({ bytes, fileName: info.fileName }, info.index);
    process.stdout.write(`${(performance.now() - t0).toFixed(1)} ms, ${articles} articles, ${violations.length} violations\n`);
    for (const v of violations) process.stdout.write(`  ${v}\n`);
    return violations.length > 0 ? 1 : 0;
  } catch (e) {
    process.stdout.write(`exception after ${(performance.now() - t0).toFixed(1)} ms:\n${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: "string" },
      count: { type: "string" },
      analyze: { type: "string" },
      seconds: { type: "string" },
      from: { type: "string" },
      workers: { type: "string" },
      out: { type: "string" },
      timeout: { type: "string" },
      "max-heap": { type: "string" },
      replay: { type: "string" },
    },
  });
  if (values.replay) process.exit(replay(values.replay));
  const options = {
    seed: intOption(values, "seed", 1),
    counts: defaultCounts(intOption(values, "count", 100_000), intOption(values, "analyze", 10_000)),
    first: intOption(values, "from", 0),
    ...(values.seconds !== undefined ? { seconds: intOption(values, "seconds", 0) } : {}),
    ...(values.workers !== undefined ? { workers: Math.max(1, intOption(values, "workers", 1)) } : {}),
    out: values.out ?? "fuzz-failures",
    timeoutMs: intOption(values, "timeout", 5000),
    maxHeapMb: intOption(values, "max-heap", 1024),
    log: (line: string) => process.stderr.write(line + "\n"),
  };
  const report = await runFuzz(options);
  process.stdout.write(formatReport(report) + "\n");
  process.exitCode = totalFailures(report) > 0 ? 1 : 0;
}

main().catch((e: unknown) => {
  process.stderr.write(`fuzz: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(2);
});
