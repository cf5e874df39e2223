/**
 * A server over a small store for the server tests: the four hand-built articles of test/support/store.ts (their
 * analyses fixed, so what the routes answer does not hang on the NLP) plus the seed article analyzed for real.
 */
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { analyze } from "../../src/analyze.js";
import type { Article } from "../../src/core/article.js";
import { buildServer } from "../../src/server/app.js";
import { openStore, type Store } from "../../src/store/db.js";
import { ingest } from "../../src/store/ingest.js";
import { repoRoot } from "./paths.js";
import { ARTICLES, buildAnalysis, writeJsonl, type ArticleSpec } from "./store.js";

export const SEED = join(repoRoot(), "examples", "seed");

/** Hand-built analyses for the spec articles, the real pipeline for any other. */
export function fixtureAnalyzer(specs: ArticleSpec[] = ARTICLES) {
  const byTitle = new Map(specs.map((s) => [s.title, s]));
  return (article: Article) => {
    const spec = byTitle.get(article.title);
    return spec ? buildAnalysis(article, spec) : analyze(article);
  };
}

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

/** Opens (creating) the store at `location`, fills it with the fixtures and the seed article, builds a server on it. */
export async function fixtureServer(location: string, dir: string, options: { webDir?: string } = {}): Promise<TestServer> {
  const store = await openStore(location, { create: true });
  const analyzeFixture = fixtureAnalyzer();
  const jsonl = writeJsonl(dir, "fixtures.jsonl", ARTICLES);
  const summary = await ingest(store, [jsonl, SEED], { analyze: analyzeFixture, workers: 0 });
  if (summary.failed > 0) throw new Error(`fixture ingest failed: ${JSON.stringify(summary.failures)}`);
  const app = await buildServer({ store, webDir: options.webDir, analyze: analyzeFixture });
  return {
    app,
    store,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
