/**
 * A fuzz worker: receives batches of input indices, regenerates each input from (seed, target, index), runs the
 * target and reports back once per batch, so the per-input cost is the work itself and not a message.
 *
 * For the watchdog it publishes, in shared memory, which input it is on and a counter bumped at every new input:
 * the main thread sees a counter that has not moved for too long and kills this thread; it can then tell which
 * input hung without any message from here (a thread stuck in a loop cannot send one).
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { loadCorpus } from "./generators.js";
import { getTarget, makeInput, TARGETS, type Target } from "./targets.js";

/** Slots of the per-worker Int32Array shared with the main thread. */
export const SLOT_TARGET = 0; // 1 + index into TARGETS while an input runs, 0 when idle
export const SLOT_INDEX_LO = 1; // the input index, split in two words: counts may pass 2^31
export const SLOT_INDEX_HI = 2;
export const SLOT_SEQ = 3; // bumped as each input starts and again as it goes from generation to the target: the heartbeat
export const SLOT_PHASE = 4; // PHASE_GENERATE or PHASE_RUN: a kill while generating is the fuzzer's own bug
export const SLOT_KB = 5; // the input's size in KB, for the watchdog's per-KB allowance
export const SLOTS = 6;
export const PHASE_GENERATE = 1;
export const PHASE_RUN = 2;

export interface WorkerData {
  seed: number;
  root: string;
  state: SharedArrayBuffer;
  /** One Int32 shared by all workers: non-zero once the time bound is reached. */
  stop: SharedArrayBuffer;
}

export interface BatchMessage {
  type: "batch";
  id: number;
  target: string;
  from: number;
  to: number;
}

export interface Failure {
  kind: "exception" | "violation" | "timeout" | "memory" | "crash";
  target: string;
  generator: string;
  index: number;
  messages: string[];
}

export interface Slowest {
  target: string;
  generator: string;
  index: number;
  bytes: number;
  ms: number;
  /** ms per KB, inputs under 1 KB counted as 1 KB so that fixed per-call costs do not rank tiny inputs first. */
  msPerKb: number;
}

export interface BatchResult {
  type: "done";
  id: number;
  target: string;
  /** Inputs completed: fewer than requested when the time bound stopped the batch. */
  done: number;
  bytes: number;
  articles: number;
  ms: number;
  failures: Failure[];
  slowestPerKb: Slowest | null;
  slowest: Slowest | null;
}

function main(): void {
  const data = workerData as WorkerData;
  const state = new Int32Array(data.state);
  const stop = new Int32Array(data.stop);
  const corpus = loadCorpus(data.root);
  // This worker's records so far, per target: only a new record is re-timed and reported.
  const best = new Map<string, { perKb: number; ms: number }>();
  const warm = new Set<string>();

  parentPort!.on("message", (msg: BatchMessage) => {
    const target = getTarget(msg.target);
    const targetSlot = TARGETS.indexOf(target) + 1;
    if (!warm.has(target.name)) {
      warm.add(target.name);
      target.warmUp?.(corpus);
    }
    const record = best.get(target.name) ?? { perKb: 0, ms: 0 };
    best.set(target.name, record);
    const result: BatchResult = { type: "done", id: msg.id, target: msg.target, done: 0, bytes: 0, articles: 0, ms: 0, failures: [], slowestPerKb: null, slowest: null };
    for (let index = msg.from; index < msg.to; index++) {
      if (Atomics.load(stop, 0) !== 0) break;
      Atomics.store(state, SLOT_INDEX_LO, index % 4294967296 | 0);
      Atomics.store(state, SLOT_INDEX_HI, Math.floor(index / 4294967296));
      Atomics.store(state, SLOT_TARGET, targetSlot);
      Atomics.store(state, SLOT_PHASE, PHASE_GENERATE);
      Atomics.store(state, SLOT_KB, 0);
      Atomics.add(state, SLOT_SEQ, 1);
      let generator = "?";
      try {
        const made = makeInput(data.seed, target, index, corpus);
        generator = made.generator;
        // The target's time limit starts now: generating a megabyte input is not the target's time.
        Atomics.store(state, SLOT_KB, Math.ceil(made.input.bytes.length / 1024));
        Atomics.store(state, SLOT_PHASE, PHASE_RUN);
        Atomics.add(state, SLOT_SEQ, 1);
        const t0 = performance.now();
        const { violations, articles } = target.run(made.input, index);
        let ms = performance.now() - t0;
        const size = made.input.bytes.length;
        const perKb = (s: number): number => s / Math.max(1, size / 1024);
        // A record is timed twice more and the fastest run kept: a GC pause or a first-time compile is not the input's
        // cost. Each run gets its own heartbeat, so the watchdog gives each the whole limit.
        const again = (): number => {
          Atomics.add(state, SLOT_SEQ, 1);
          return retime(target, made.input, index);
        };
        if (perKb(ms) > record.perKb || ms > record.ms) ms = Math.min(ms, again(), again());
        result.bytes += size;
        result.articles += articles;
        result.ms += ms;
        if (violations.length > 0) result.failures.push({ kind: "violation", target: target.name, generator, index, messages: violations });
        const slow: Slowest = { target: target.name, generator, index, bytes: size, ms, msPerKb: perKb(ms) };
        if (slow.msPerKb > record.perKb) {
          record.perKb = slow.msPerKb;
          result.slowestPerKb = slow;
        }
        if (ms > record.ms) {
          record.ms = ms;
          result.slowest = slow;
        }
      } catch (e) {
        const err = e as Error;
        result.failures.push({ kind: "exception", target: target.name, generator, index, messages: [err?.stack ?? String(e)] });
      }
      result.done++;
    }
    Atomics.store(state, SLOT_TARGET, 0);
    parentPort!.postMessage(result);
  });
}

/** One more timing of an input that looks like a record. */
function retime(target: Target, input: Parameters<Target["run"]>[0], index: number): number {
  const t0 = performance.now();
  target.run(input, index);
  return performance.now() - t0;
}

// run.ts imports this module for its types and slot numbers; only a worker thread runs the loop.
if (!isMainThread) main();
