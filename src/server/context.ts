/** What the route plugins are given: the open store, and how to analyze an article (worker thread by default). */
import type { Analysis } from "../core/analysis.js";
import type { Article } from "../core/article.js";
import type { Store } from "../store/db.js";

export interface RouteContext {
  store: Store;
  analyze(article: Article): Promise<Analysis>;
}
