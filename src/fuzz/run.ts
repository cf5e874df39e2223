/**
 * The fuzz runner, used by the CLI (main.ts) and by the test suite: hands out batches of input indices to worker
 * threads, watches them, and collects counts, timings and failures.
 *
 * The watchdog: each worker publishes the input it is on and a heartbeat counter in shared memory. Every tick the
 * main thread checks the counters; an input that has held a worker longer than the timeout, or a worker that goes
 * over its heap limit (Worker resourceLimits), is a failure: the worker is killed, the input regenerated and saved,
 * and a fresh worker takes the rest of the batch.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { repoRoot } from "./contract.js";
import { loadCorpus, type Corpus } from "./generators.js";
import { getTarget, makeInput, TARGETS } from "./targets.js";
import {
  PHASE_GENERATE, SLOT_INDEX_HI, SLOT_INDEX_LO, SLOT_KB, SLOT_PHASE, SLOT_SEQ, SLOT_TARGET, SLOTS,
  type BatchMessage, type BatchResult, type Failure, type Slowest, type WorkerData,
} from "./worker.js";

export type { Failure, Slowest } from "./worker.js";

export interface FuzzOptions {
  seed: number;
  /** Inputs per target name ("read", "analyze", ...). */
  counts: Readonly<Record<string, number>>;
  /** Index of each target's first input (default 0): `first: N, counts: {read: 1}` reruns input N alone. */
  first?: number;
  /** Time bound: no new input starts after this many seconds. Default: none. */
  seconds?: number;
  /** Worker threads. Default: the number of cores. */
  workers?: number;
  /** Where reproducers go; null writes none. Default "fuzz-failures" (relative to the working directory). */
  out?: string | null;
  /** An input running longer than this, plus its target's allowance per KB, is a hang. Default 5000 ms. */
  timeoutMs?: number;
  /** A worker heap over this is runaway memory (maxOldGenerationSizeMb). Default 1024 MB. */
  maxHeapMb?: number;
  /** Progress lines, every progressSeconds. Default: none. */
  log?: (line: string) => void;
  progressSeconds?: number;
  /** Reproducers saved per failure signature; the rest are counted. Default 3. */
  keepPerSignature?: number;
}

export interface TargetStats {
  requested: number;
  inputs: number;
  bytes: number;
  articles: number;
  /** Time spent in the target itself, summed over workers. */
  ms: number;
  /** The input with the most ms per KB (inputs under 1 KB count as 1 KB), and the one that took longest. */
  slowestPerKb: Slowest | null;
  slowest: Slowest | null;
}

/** Failures that look alike (same kind, same message up to numbers and quoted text), with their reproducers. */
export interface FailureGroup {
  signature: string;
  kind: Failure["kind"];
  count: number;
  examples: (Failure & { seed: number; files: string[] })[];
}

export interface FuzzReport {
  seed: number;
  workers: number;
  seconds: number;
  stoppedByTime: boolean;
  targets: Record<string, TargetStats>;
  inputs: number;
  inputsPerSecond: number;
  exceptions: number;
  timeouts: number;
  memoryKills: number;
  crashes: number;
  /** Inputs with at least one contract violation. */
  violations: number;
  failures: FailureGroup[];
}

interface Batch {
  id: number;
  target: string;
  from: number;
  to: number;
}

interface Slot {
  worker: Worker;
  state: Int32Array;
  batch: Batch | null;
  sentAt: number;
  lastSeq: number;
  seqSeenAt: number;
  killReason: Failure["kind"] | null;
  errorMessage: string | null;
}

interface Queue {
  target: string;
  first: number;
  next: number;
  end: number;
  /** Ranges to (re)run first: what was left of a batch whose worker was killed. */
  pending: [number, number][];
  /** Main-thread milliseconds per input, smoothed: sizes batches to about BATCH_MS. */
  msPerInput: number;
}

/** Long enough that a message per batch costs nothing, short enough that the time bound and progress stay prompt. */
const BATCH_MS = 200;

export function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const seed = options.seed >>> 0;
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxHeapMb = options.maxHeapMb ?? 1024;
  const workerCount = Math.max(1, options.workers ?? availableParallelism());
  const out = options.out === undefined ? "fuzz-failures" : options.out;
  const keep = options.keepPerSignature ?? 3;
  const root = repoRoot();
  const started = Date.now();
  const deadline = options.seconds !== undefined && options.seconds > 0 ? started + options.seconds * 1000 : Infinity;

  const stats: Record<string, TargetStats> = {};
  const queues: Queue[] = [];
  for (const [name, count] of Object.entries(options.counts)) {
    getTarget(name); // fails early on a misspelt target
    if (count <= 0) continue;
    stats[name] = { requested: count, inputs: 0, bytes: 0, articles: 0, ms: 0, slowestPerKb: null, slowest: null };
    const first = options.first ?? 0;
    queues.push({ target: name, first, next: first, end: first + count, pending: [], msPerInput: 1 });
  }

  const report: FuzzReport = {
    seed, workers: workerCount, seconds: 0, stoppedByTime: false, targets: stats, inputs: 0, inputsPerSecond: 0,
    exceptions: 0, timeouts: 0, memoryKills: 0, crashes: 0, violations: 0, failures: [],
  };
  const groups = new Map<string, FailureGroup>();
  let corpus: Corpus | null = null;

  const record = (f: Failure): void => {
    if (f.kind === "exception") report.exceptions++;
    else if (f.kind === "violation") report.violations++;
    else if (f.kind === "timeout") report.timeouts++;
    else if (f.kind === "memory") report.memoryKills++;
    else report.crashes++;
    const signature = `${f.kind} ${f.target}: ${signatureOf(f.messages[0] ?? "")}`;
    let group = groups.get(signature);
    if (!group) {
      group = { signature, kind: f.kind, count: 0, examples: [] };
      groups.set(signature, group);
      report.failures.push(group);
    }
    group.count++;
    if (group.examples.length >= keep) return;
    corpus ??= loadCorpus(root);
    const { generator, input } = makeInput(seed, getTarget(f.target), f.index, corpus);
    const files: string[] = [];
    if (out !== null) {
      mkdirSync(out, { recursive: true });
      const base = join(out, `${f.target}-${generator}-${seed}-${f.index}`);
      writeFileSync(`${base}.bin`, input.bytes);
      const info = {
        kind: f.kind, target: f.target, generator, seed, index: f.index, fileName: input.fileName, bytes: input.bytes.length,
        messages: f.messages.slice(0, 50), moreMessages: Math.max(0, f.messages.length - 50),
        replay: `node dist/src/fuzz/main.js --replay ${base}.json`,
        regenerate: f.target in defaultCounts(1, 1) ? regenerateCommand(seed, f.target, f.index) : null,
      };
      writeFileSync(`${base}.json`, JSON.stringify(info, null, 2) + "\n");
      files.push(resolve(`${base}.bin`), resolve(`${base}.json`));
    }
    group.examples.push({ ...f, generator, seed, files });
  };

  const mergeSlowest = (s: TargetStats, r: BatchResult): void => {
    if (r.slowestPerKb && (!s.slowestPerKb || r.slowestPerKb.msPerKb > s.slowestPerKb.msPerKb)) s.slowestPerKb = r.slowestPerKb;
    if (r.slowest && (!s.slowest || r.slowest.ms > s.slowest.ms)) s.slowest = r.slowest;
  };

  return new Promise<FuzzReport>((resolvePromise, reject) => {
    const stop = new SharedArrayBuffer(4);
    const stopFlag = new Int32Array(stop);
    const slots: Slot[] = [];
    let batchIds = 0;
    let finished = false;
    let lastProgress = started;
    /** Deaths outside any input since the last finished batch: a worker that cannot even start must not respawn forever. */
    let fruitlessRestarts = 0;

    const spawn = (i: number): void => {
      const state = new SharedArrayBuffer(SLOTS * 4);
      const data: WorkerData = { seed, root, state, stop };
      const worker = new Worker(new URL("./worker.js", import.meta.url), {
        workerData: data,
        resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      });
      const slot: Slot = { worker, state: new Int32Array(state), batch: null, sentAt: 0, lastSeq: 0, seqSeenAt: 0, killReason: null, errorMessage: null };
      slots[i] = slot;
      worker.on("message", (r: BatchResult) => onDone(slot, r));
      worker.on("error", (e: Error & { code?: string }) => {
        if (e.code === "ERR_WORKER_OUT_OF_MEMORY") slot.killReason ??= "memory";
        slot.errorMessage = e.stack ?? String(e);
      });
      worker.on("exit", () => onExit(i, slot));
      dispatch(slot);
    };

    const nextBatch = (): Batch | null => {
      if (stopFlag[0] !== 0) return null;
      let best: Queue | null = null;
      let bestShare = Infinity;
      for (const q of queues) {
        if (q.pending.length === 0 && q.next >= q.end) continue;
        // The target least far along goes next, so a time-bounded run covers every target.
        const share = (q.next - q.first - pendingSize(q)) / (q.end - q.first);
        if (share < bestShare) [best, bestShare] = [q, share];
      }
      if (!best) return null;
      const size = Math.max(1, Math.min(1000, Math.round(BATCH_MS / Math.max(0.01, best.msPerInput))));
      let from: number;
      let to: number;
      const pending = best.pending[0];
      if (pending) {
        [from, to] = pending;
        if (to - from > size) pending[0] = from + size;
        else best.pending.shift();
        to = Math.min(to, from + size);
      } else {
        from = best.next;
        to = Math.min(best.end, from + size);
        best.next = to;
      }
      return { id: ++batchIds, target: best.target, from, to };
    };

    const dispatch = (slot: Slot): void => {
      const batch = nextBatch();
      slot.batch = batch;
      if (!batch) {
        maybeFinish();
        return;
      }
      slot.sentAt = Date.now();
      slot.lastSeq = Atomics.load(slot.state, SLOT_SEQ);
      slot.seqSeenAt = slot.sentAt;
      const msg: BatchMessage = { type: "batch", ...batch };
      slot.worker.postMessage(msg);
    };

    const onDone = (slot: Slot, r: BatchResult): void => {
      const batch = slot.batch;
      if (!batch || batch.id !== r.id) return;
      fruitlessRestarts = 0;
      const s = stats[r.target]!;
      s.inputs += r.done;
      s.bytes += r.bytes;
      s.articles += r.articles;
      s.ms += r.ms;
      report.inputs += r.done;
      for (const f of r.failures) record(f);
      mergeSlowest(s, r);
      const q = queues.find((x) => x.target === r.target)!;
      if (r.done > 0) q.msPerInput = 0.7 * q.msPerInput + 0.3 * ((Date.now() - slot.sentAt) / r.done);
      // A batch cut short by the time bound leaves its tail undone; it is not re-queued.
      slot.batch = null;
      progress();
      if (!slot.killReason) dispatch(slot); // else it is being terminated: onExit replaces it
    };

    const onExit = (i: number, slot: Slot): void => {
      if (finished || slots[i] !== slot) return;
      const batch = slot.batch;
      if (!batch) {
        // Killed just as it finished its batch: nothing was lost, it only needs replacing.
        if (slot.killReason) spawn(i);
        else finish(new Error(`fuzz worker exited while idle: ${slot.errorMessage ?? "no error reported"}`));
        return;
      }
      const running = Atomics.load(slot.state, SLOT_TARGET) !== 0;
      const index = (Atomics.load(slot.state, SLOT_INDEX_LO) >>> 0) + Atomics.load(slot.state, SLOT_INDEX_HI) * 4294967296;
      const q = queues.find((x) => x.target === batch.target)!;
      if (running && index >= batch.from && index < batch.to) {
        const kind = slot.killReason ?? "crash";
        const generating = Atomics.load(slot.state, SLOT_PHASE) === PHASE_GENERATE;
        const what = kind === "timeout" && generating ? `generating the input took over ${timeoutMs} ms: a bug of the fuzzer's generator, not of the target` :
          kind === "timeout" ? `no result after ${limitMs(slot)} ms (${timeoutMs} ms + ${getTarget(batch.target).allowanceMsPerKb} ms/KB): killed` : kind === "memory" ? `worker heap over ${maxHeapMb} MB: killed` : `worker died: ${slot.errorMessage ?? "no error reported"}`;
        record({ kind, target: batch.target, generator: "?", index, messages: [what] });
        stats[batch.target]!.inputs++;
        report.inputs++;
        // The inputs before it ran in the dead worker, and their results died with it: run them again.
        if (index + 1 < batch.to) q.pending.unshift([index + 1, batch.to]);
        if (batch.from < index) q.pending.unshift([batch.from, index]);
      } else {
        // Died outside any input (while starting, say): no input to blame, so the batch runs again, a few times only.
        if (++fruitlessRestarts > 10 * workerCount) {
          finish(new Error(`fuzz workers keep dying outside any input; last error: ${slot.errorMessage ?? "none"}`));
          return;
        }
        q.pending.unshift([batch.from, batch.to]);
      }
      spawn(i);
    };

    const pendingSize = (q: Queue): number => q.pending.reduce((n, [a, b]) => n + (b - a), 0);

    const progress = (): void => {
      const now = Date.now();
      if (!options.log || now - lastProgress < (options.progressSeconds ?? 10) * 1000) return;
      lastProgress = now;
      const secs = (now - started) / 1000;
      const parts = Object.entries(stats).map(([name, s]) => `${name} ${s.inputs}/${s.requested}`);
      const failures = report.exceptions + report.timeouts + report.memoryKills + report.crashes + report.violations;
      options.log(`[${secs.toFixed(0)} s] ${parts.join(", ")}; ${Math.round(report.inputs / secs)} inputs/s; ${failures} failures`);
    };

    const tick = setInterval(() => {
      const now = Date.now();
      if (now >= deadline && stopFlag[0] === 0) {
        Atomics.store(stopFlag, 0, 1);
        report.stoppedByTime = true;
      }
      for (const slot of slots) {
        if (!slot?.batch || slot.killReason) continue;
        const seq = Atomics.load(slot.state, SLOT_SEQ);
        if (seq !== slot.lastSeq) {
          slot.lastSeq = seq;
          slot.seqSeenAt = now;
        } else if (Atomics.load(slot.state, SLOT_TARGET) !== 0 && now - slot.seqSeenAt > limitMs(slot)) {
          slot.killReason = "timeout";
          void slot.worker.terminate();
        }
      }
      progress();
    }, Math.min(200, Math.max(20, timeoutMs / 5)));

    /** The time the input a worker is on may take: the timeout, plus the target's allowance for its size. */
    const limitMs = (slot: Slot): number => {
      const target = TARGETS[Atomics.load(slot.state, SLOT_TARGET) - 1];
      return timeoutMs + (target ? target.allowanceMsPerKb * Atomics.load(slot.state, SLOT_KB) : 0);
    };

    const maybeFinish = (): void => {
      if (slots.length === workerCount && slots.every((s) => s && s.batch === null)) finish(null);
    };

    const finish = (error: Error | null): void => {
      if (finished) return;
      finished = true;
      clearInterval(tick);
      report.seconds = (Date.now() - started) / 1000;
      report.inputsPerSecond = report.inputs / Math.max(report.seconds, 1e-9);
      report.failures.sort((a, b) => b.count - a.count);
      void Promise.all(slots.map((s) => s?.worker.terminate())).then(() => (error ? reject(error) : resolvePromise(report)));
    };

    for (let i = 0; i < workerCount; i++) spawn(i);
  });
}

/** A failure message with its particulars (numbers, quoted text, file positions) blurred, to group alike failures. */
export function signatureOf(message: string): string {
  const first = message.split("\n").slice(0, 2).map((l) => l.replace(/, got [\s\S]*$/, "")).join(" | ");
  return first
    .replace(/^article \d+ \([^)]*\): /, "")
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\(file:[^)]*\)|file:\/\/\S+/g, "(…)")
    .replace(/\d+/g, "N")
    .slice(0, 200);
}

export function totalFailures(r: FuzzReport): number {
  return r.exceptions + r.timeouts + r.memoryKills + r.crashes + r.violations;
}

const fmt = (n: number): string => Math.round(n).toLocaleString("en-US");

/** The command line that runs exactly one input of a target again, in the fuzzer (with its watchdog). */
export function regenerateCommand(seed: number, target: string, index: number): string {
  const budget = getTarget(target).budget === "analyze" ? "--count 0 --analyze 1" : "--count 1 --analyze 0";
  return `npm run fuzz -- --seed ${seed} --from ${index} ${budget}`;
}

function describeSlow(s: Slowest | null, seed: number): string {
  if (!s) return "none";
  return `${s.msPerKb.toFixed(2)} ms/KB: ${s.ms.toFixed(1)} ms for ${fmt(s.bytes)} bytes (target ${s.target}, generator ${s.generator}, seed ${seed}, index ${s.index}; ${regenerateCommand(seed, s.target, s.index)})`;
}

/** The report as text: counts, throughput, the slowest inputs, and each failure group with its reproducers. */
export function formatReport(r: FuzzReport): string {
  const lines: string[] = [];
  lines.push(`fuzz: seed ${r.seed}, ${r.workers} workers, ${r.seconds.toFixed(1)} s${r.stoppedByTime ? " (stopped by the time bound)" : ""}`);
  lines.push(`  ${fmt(r.inputs)} inputs, ${fmt(r.inputsPerSecond)} inputs/s`);
  lines.push(`  exceptions ${r.exceptions}, watchdog kills ${r.timeouts + r.memoryKills + r.crashes} (timeouts ${r.timeouts}, memory ${r.memoryKills}, crashes ${r.crashes}), contract violations ${r.violations}`);
  for (const [name, s] of Object.entries(r.targets)) {
    const per = s.inputs > 0 ? ` ${(s.ms / s.inputs).toFixed(3)} ms/input in the target` : "";
    const articles = getTarget(name).budget === "analyze" ? `, ${fmt(s.articles)} articles analyzed` : "";
    lines.push(`  ${name}: ${fmt(s.inputs)} of ${fmt(s.requested)} inputs, ${fmt(s.bytes / 1024)} KB${articles};${per}`);
    lines.push(`    slowest per KB: ${describeSlow(s.slowestPerKb, r.seed)}`);
    lines.push(`    slowest input:  ${describeSlow(s.slowest, r.seed)}`);
  }
  for (const g of r.failures) {
    lines.push(`FAIL ×${g.count} ${g.signature}`);
    for (const ex of g.examples) {
      lines.push(`  ${ex.target}/${ex.generator} index ${ex.index}: ${(ex.messages[0] ?? "").split("\n")[0]}`);
      for (const f of ex.files) if (f.endsWith(".bin")) lines.push(`    ${f}`);
    }
  }
  return lines.join("\n");
}

/** The default counts for the CLI: every visible target draws from --count or --analyze. */
export function defaultCounts(count: number, analyzeCount: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of TARGETS) if (!t.hidden) counts[t.name] = t.budget === "analyze" ? analyzeCount : count;
  return counts;
}
