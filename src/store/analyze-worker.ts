/** A worker thread of `newsgraph ingest`: loads the default pipeline once, then analyzes the articles it is sent. */
import { parentPort } from "node:worker_threads";
import { analyze, getDefaultPipeline } from "../analyze.js";
import type { Article } from "../core/article.js";

export interface WorkerTask {
  id: number;
  article: Article;
}

export type WorkerReply = { id: number; analysis: ReturnType<typeof analyze> } | { id: number; error: string };

const port = parentPort;
if (port) {
  const pipeline = getDefaultPipeline();
  port.on("message", (task: WorkerTask) => {
    let reply: WorkerReply;
    try {
      reply = { id: task.id, analysis: analyze(task.article, pipeline) };
    } catch (e) {
      reply = { id: task.id, error: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(reply);
  });
}
