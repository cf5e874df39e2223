/**
 * Analysis on all cores: a pool of worker threads, each loading the models once (src/store/analyze-worker.ts).
 * A worker that dies (out of memory, a crash in a stage) fails only the article it was analyzing, and is replaced;
 * the articles queued behind it go to the other workers.
 * Size 0 analyzes on the calling thread (no worker start-up: small inputs, tests).
 */
import { Worker } from "node:worker_threads";
import type { Analysis } from "../core/analysis.js";
import type { Article } from "../core/article.js";
import type { WorkerReply, WorkerTask } from "./analyze-worker.js";

/** An Analysis with its JSON text (what the store writes as the article's `analysis`). */
export interface Analyzed {
  analysis: Analysis;
  json: string;
}

interface Pending {
  task: WorkerTask;
  resolve(a: Analyzed): void;
  reject(e: Error): void;
}

/**
 * How many articles a worker holds at once (one analyzing, the rest queued in its port). New work is handed out only
 * when the main thread's event loop runs, and on an embedded store that thread spends up to a few hundred
 * milliseconds at a time inside PGlite writing a batch: with two held, the workers ran dry during every write. 32
 * articles are about 0.2 s of analysis on an idle core.
 */
export const PER_WORKER = 32;

export class AnalyzePool {
  private readonly workers: { worker: Worker; held: Map<number, Pending> }[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  constructor(readonly size: number) {
    for (let i = 0; i < size; i++) this.spawn();
  }

  async analyze(article: Article): Promise<Analysis> {
    return (await this.analyzeWithJson(article)).analysis;
  }

  /** The Analysis and its JSON text, which the worker made anyway (see WorkerReply). */
  analyzeWithJson(article: Article): Promise<Analyzed> {
    if (this.size === 0) return analyzeHere(article);
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { id: this.nextId++, article }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    this.workers.length = 0;
  }

  private spawn(): void {
    const worker = new Worker(new URL("./analyze-worker.js", import.meta.url));
    const slot = { worker, held: new Map<number, Pending>() };
    worker.on("message", (reply: WorkerReply) => {
      const pending = slot.held.get(reply.id);
      if (!pending) return;
      slot.held.delete(reply.id);
      if ("error" in reply) pending.reject(new Error(reply.error));
      else pending.resolve({ analysis: JSON.parse(reply.json) as Analysis, json: reply.json });
      this.dispatch();
    });
    const fail = (why: string) => {
      const index = this.workers.indexOf(slot);
      if (index < 0) return;
      this.workers.splice(index, 1);
      // A worker takes its messages in order: the first it held is the one it died on; the others go back to the
      // front of the queue, in order, for the other workers (or this one's replacement).
      const [current, ...waiting] = slot.held.values();
      slot.held.clear();
      const stopped = new Error(`the analysis worker stopped (${why})`);
      current?.reject(stopped);
      if (this.closed) {
        for (const p of waiting) p.reject(stopped);
        return;
      }
      this.queue.unshift(...waiting);
      this.spawn();
      this.dispatch();
    };
    worker.on("error", (e) => fail(e.message));
    worker.on("exit", (code) => fail(`exit code ${code}`));
    this.workers.push(slot);
  }

  private dispatch(): void {
    for (;;) {
      if (this.queue.length === 0) return;
      let best: (typeof this.workers)[number] | undefined;
      for (const w of this.workers) if (w.held.size < PER_WORKER && (!best || w.held.size < best.held.size)) best = w;
      if (!best) return;
      const pending = this.queue.shift()!;
      best.held.set(pending.task.id, pending);
      best.worker.postMessage(pending.task);
    }
  }
}

let here: typeof import("../analyze.js") | null = null;
async function analyzeHere(article: Article): Promise<Analyzed> {
  here ??= await import("../analyze.js");
  const analysis = here.analyze(article);
  return { analysis, json: JSON.stringify(analysis) };
}

/** An item with its result: `value` null when `start` started nothing for it. */
export type InOrder<T, R> = { input: T; value: R | null } | { input: T; error: unknown };

/**
 * Runs `start` on every item of `source` as soon as it is read, and yields the results in input order. At most
 * `window` items are in flight (started, or finished and waiting for an earlier one): reading stops while the window
 * is full, so memory stays bounded however long the input, and a slow article holds the output back by at most the
 * window.
 */
export async function* inOrder<T, R>(source: AsyncIterable<T>, start: (item: T) => Promise<R> | null, window: number): AsyncGenerator<InOrder<T, R>> {
  const held: { input: T; result: Promise<R> | null }[] = [];
  const settle = async (h: { input: T; result: Promise<R> | null }): Promise<InOrder<T, R>> => {
    if (h.result === null) return { input: h.input, value: null };
    try {
      return { input: h.input, value: await h.result };
    } catch (error) {
      return { input: h.input, error };
    }
  };
  for await (const input of source) {
    const result = start(input);
    result?.catch(() => {}); // reported when its turn comes
    held.push({ input, result });
    if (held.length >= Math.max(1, window)) yield await settle(held.shift()!);
  }
  while (held.length > 0) yield await settle(held.shift()!);
}
