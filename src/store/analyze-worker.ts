/** A worker thread of `newsgraph ingest`: loads the default pipeline once, then analyzes the articles it is sent. */
import { parentPort } from "node:worker_threads";
import { analyze, getDefaultPipeline } from "../analyze.js";
import type { Article } from "../core/article.js";

export interface WorkerTask {
  id: number;
  article: Article;
}

/**
 * The Analysis goes back as its JSON text, not as an object: posting a string copies its bytes, where the structured
 * clone of an Analysis walks every span (4–5% of a worker's time), and the store writes that same text as the
 * article's `analysis` column, so the main thread need not serialize it again.
 */
export type WorkerReply = { id: number; json: string } | { id: number; error: string };

const port = parentPort;
if (port) {
  const pipeline = getDefaultPipeline();
  port.on("message", (task: WorkerTask) => {
    let reply: WorkerReply;
    try {
      reply = { id: task.id, json: JSON.stringify(analyze(task.article, pipeline)) };
    } catch (e) {
      reply = { id: task.id, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}
