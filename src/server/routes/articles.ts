/** GET /api/articles/:id: one stored article with its Analysis, and its entities' cross-article ids. */
import type { FastifyPluginAsync } from "fastify";
import { articleById } from "../../store/queries/index.js";
import type { RouteContext } from "../context.js";
import { HttpError } from "../errors.js";
import { errorResponses, nullableString } from "../schemas.js";

const response = {
  type: "object",
  required: ["article", "analysis", "entityLinks"],
  properties: {
    article: {
      type: "object",
      properties: {
        id: { type: "string" },
        title: { type: "string" },
        source: nullableString,
        published: nullableString,
        url: nullableString,
        byline: nullableString,
        authors: { type: "array", items: { type: "string" } },
        section: nullableString,
        language: { type: "string" },
      },
    },
    analysis: { type: "object", additionalProperties: true, description: "the newsgraph.analysis/1 object as stored (docs/analysis-schema.md)" },
    entityLinks: {
      type: "object",
      additionalProperties: { type: "integer" },
      description: 'article entity id ("e1") → cross-article entity id (GET /api/entities/:id)',
    },
  },
} as const;

export const articleRoutes: FastifyPluginAsync<RouteContext> = async (app, { store }) => {
  app.get<{ Params: { id: string } }>(
    "/articles/:id",
    {
      schema: {
        summary: "An article with its Analysis",
        description: "id is the Analysis article id (the url when the article has one, URL-encoded in the path, else a hash).",
        tags: ["articles"],
        params: { type: "object", required: ["id"], properties: { id: { type: "string", minLength: 1, maxLength: 4096 } } },
        response: { 200: response, ...errorResponses },
      },
    },
    async (request) => {
      const found = await articleById(store.db, request.params.id);
      if (!found) throw new HttpError(404, `no article with id "${request.params.id}"`);
      return found;
    },
  );
};
