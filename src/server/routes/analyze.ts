/** POST /api/analyze: one article in, its Analysis out (the CLI's `analyze`), nothing stored. */
import type { FastifyPluginAsync } from "fastify";
import type { RouteContext } from "../context.js";
import { BODY_LIMITS } from "../errors.js";
import { bodyErrorResponses } from "../schemas.js";
import { articleInputSchema, articleOrBadRequest } from "./article-input.js";

export const analyzeRoutes: FastifyPluginAsync<RouteContext> = async (app, { analyze }) => {
  app.post<{ Body: Record<string, unknown> }>(
    "/analyze",
    {
      bodyLimit: BODY_LIMITS.analyze,
      schema: {
        summary: "Analyze an article (nothing is stored)",
        description: "The body is an article as a JSON Lines record: at least text. At most 5 MB.",
        tags: ["analysis"],
        body: articleInputSchema,
        response: {
          200: { type: "object", additionalProperties: true, description: "the Analysis (newsgraph.analysis/1, docs/analysis-schema.md)" },
          ...bodyErrorResponses,
        },
      },
    },
    async (request) => analyze(articleOrBadRequest(request.body)),
  );
};
