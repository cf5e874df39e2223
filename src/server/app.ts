/**
 * The HTTP server: the API under /api (one plugin per route group, each calling the store's query functions as the
 * CLI does), its OpenAPI document at /docs, and the web UI at every other path. `buildServer` returns the Fastify
 * instance unstarted, so tests call `app.inject()` and `serve` calls `listen`.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import type { Analysis } from "../core/analysis.js";
import type { Article } from "../core/article.js";
import type { Store } from "../store/db.js";
import { LazyAnalyzer } from "./analyzer.js";
import type { RouteContext } from "./context.js";
import { addEtags } from "./etag.js";
import { frameworkErrors, installErrorHandler } from "./errors.js";
import { refuseNul } from "./no-nul.js";
import { addOpenApi } from "./openapi.js";
import { analyzeRoutes } from "./routes/analyze.js";
import { articleRoutes } from "./routes/articles.js";
import { entityRoutes } from "./routes/entities.js";
import { ingestRoutes } from "./routes/ingest.js";
import { quoteRoutes } from "./routes/quotes.js";
import { searchRoutes } from "./routes/search.js";
import { statsRoutes } from "./routes/stats.js";
import { storyRoutes } from "./routes/stories.js";
import { timelineRoutes } from "./routes/timeline.js";
import { SHARED_SCHEMAS } from "./schemas.js";
import { addSecurityHeaders } from "./security.js";
import { installValidators } from "./validation.js";
import { addWebUi } from "./web.js";

export interface ServerOptions {
  /** The open store; the caller closes it (after closing the server). */
  store: Store;
  /** The built web UI (web/dist); none, or a directory without index.html: `/` says how to build it. */
  webDir?: string | undefined;
  /** Fastify's logger (pino) options; default: no logging. */
  logger?: FastifyServerOptions["logger"];
  /** Analysis for POST /api/analyze and /api/ingest; default: the default pipeline on a worker thread. */
  analyze?: (article: Article) => Promise<Analysis> | Analysis;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // GETs carry no body; the POST routes raise their own limits (errors.ts BODY_LIMITS).
    bodyLimit: 1024 * 1024,
    frameworkErrors,
    // Long article ids are URLs: allow them in the path.
    routerOptions: { maxParamLength: 4096 },
  });
  installValidators(app);
  for (const schema of SHARED_SCHEMAS) app.addSchema(schema);
  installErrorHandler(app);
  await addSecurityHeaders(app);
  await addOpenApi(app);

  const lazy = options.analyze ? null : new LazyAnalyzer();
  const given = options.analyze;
  const context: RouteContext = {
    store: options.store,
    analyze: given ? async (a) => given(a) : lazy!.analyze,
  };
  if (lazy) app.addHook("onClose", () => lazy.close());

  await app.register(
    async (api) => {
      addEtags(api);
      refuseNul(api);
      // The body is JSON or nothing: text/plain (a Fastify default) would reach the schemas as a string.
      api.removeContentTypeParser("text/plain");
      for (const routes of [statsRoutes, searchRoutes, articleRoutes, entityRoutes, quoteRoutes, timelineRoutes, storyRoutes, analyzeRoutes, ingestRoutes]) {
        await api.register(routes, context);
      }
    },
    { prefix: "/api" },
  );
  await addWebUi(app, options.webDir);
  return app;
}
