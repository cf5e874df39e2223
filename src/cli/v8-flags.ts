/**
 * V8 settings for every newsgraph process, applied when this module is evaluated: import it first, before the
 * modules that do the work (bin/newsgraph.js and the bench entry points do).
 *
 * Why: V8's cumulative inlining budget (920 bytes of bytecode by default) lets TurboFan inline so much into the
 * pipeline's big per-token loops that they recompile often and run no faster; 300 gives the same Analyses (the
 * output hash of the BBC corpus is unchanged) for about 12% less CPU (docs/benchmarks.md, "V8's inlining budget").
 *
 * How: V8 flags are per process, so setting them here reaches the worker threads that ingest and analyze start
 * later. Node calls `v8.setFlagsFromString` after the VM has started "undefined behaviour" in general; this flag is
 * only read when TurboFan optimizes a function, and nothing has been optimized this early in the process.
 * `NEWSGRAPH_V8_FLAGS` replaces the list (empty: V8's defaults), for A/B measurements; a flag given on node's
 * command line wins.
 */
import { setFlagsFromString } from "node:v8";

export const DEFAULT_V8_FLAGS = ["--max-inlined-bytecode-size-cumulative=300"] as const;

/** The flags to set: the default list or NEWSGRAPH_V8_FLAGS, minus those node's own command line already sets. */
export function v8FlagsToSet(env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): string[] {
  const wanted = env.NEWSGRAPH_V8_FLAGS === undefined ? [...DEFAULT_V8_FLAGS] : env.NEWSGRAPH_V8_FLAGS.split(/\s+/).filter(Boolean);
  const given = new Set(execArgv.map((arg) => arg.split("=")[0]!.replaceAll("_", "-")));
  return wanted.filter((flag) => !given.has(flag.split("=")[0]!.replaceAll("_", "-")));
}

for (const flag of v8FlagsToSet()) setFlagsFromString(flag);
