/**
 * Analysis for the server: on a worker thread (AnalyzePool, the one ingest uses), so a long article does not stop
 * the event loop and every other request with it. Started on first use: a server that only reads loads no models.
 */
import type { Analysis } from "../core/analysis.js";
import type { Article } from "../core/article.js";
import { AnalyzePool } from "../store/analyze-pool.js";

export class LazyAnalyzer {
  private pool: AnalyzePool | null = null;

  constructor(private readonly threads = 1) {}

  analyze = (article: Article): Promise<Analysis> => {
    this.pool ??= new AnalyzePool(this.threads);
    return this.pool.analyze(article);
  };

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }
}
