/** GET /api/articles/:id: one stored article with its Analysis, and its entities' cross-article ids. */
import type { FastifyPluginAsync } from "fastify";
import { articleById } from "../../store/queries/index.js";
import type { RouteContext } from "../context.js";
import { HttpError } from "../errors.js";
import { errorResponses, nullableString } from "../schemas.js";

/** What names an article: the reader's own and those it links to. */
const articleCore = { id: { type: "string" }, title: { type: "string" }, source: nullableString, published: nullableString } as const;

/** Another article as the reader links to it: its original or a copy. */
const linkedArticle = {
  type: "object",
  properties: {
    ...articleCore,
    similarity: { type: ["number", "null"], description: "how alike the copy and its original are (0.5–1)" },
  },
} as const;

const response = {
  type: "object",
  required: ["article", "analysis", "entityLinks", "story", "duplicateOf", "duplicates"],
  properties: {
    article: {
      type: "object",
      properties: {
        ...articleCore,
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
    story: {
      type: ["object", "null"],
      properties: { id: { type: "integer" }, label: nullableString, articles: { type: "integer" } },
      description: "the story the article belongs to (GET /api/stories/:id), or null when it is in none yet",
    },
    duplicateOf: { ...linkedArticle, type: ["object", "null"], description: "the article this one repeats, or null for an original" },
    duplicates: { type: "array", items: linkedArticle, description: "the articles that repeat this one, earliest first (at most 100)" },
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
