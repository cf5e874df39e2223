/** GET /api/search: articles by their words (the CLI's `search`), a page at a time, snippets as segments. */
import type { FastifyPluginAsync } from "fastify";
import { pageOfFirstN, search } from "../../store/queries/index.js";
import type { RouteContext } from "../context.js";
import { snippetSegments } from "../convert.js";
import { type DateQuery, dateQuery, errorResponses, nullableString, pageOf, type PagingQuery, pagingQuery, words } from "../schemas.js";

interface SearchQuery extends DateQuery, PagingQuery {
  q: string;
  source?: string;
}

const hit = {
  type: "object",
  properties: {
    rank: { type: "integer", description: "1 for the best match, across pages" },
    score: { type: "number" },
    id: { type: "string" },
    title: { type: "string" },
    source: nullableString,
    published: nullableString,
    url: nullableString,
    snippet: {
      type: "array",
      description: "passages of the text in order; hit: true for matched words",
      items: { type: "object", properties: { text: { type: "string" }, hit: { type: "boolean" } } },
    },
  },
} as const;

export const searchRoutes: FastifyPluginAsync<RouteContext> = async (app, { store }) => {
  app.get<{ Querystring: SearchQuery }>(
    "/search",
    {
      schema: {
        summary: "Articles by their words, best first",
        description: 'q reads as a web search engine reads it: words, "a phrase", -excluded, or.',
        tags: ["articles"],
        querystring: {
          type: "object",
          required: ["q"],
          properties: { q: words("the words to find"), ...dateQuery, source: words("only articles from this outlet"), ...pagingQuery },
        },
        response: { 200: pageOf(hit), ...errorResponses },
      },
    },
    async (request) => {
      const { q, from, to, source, limit, offset } = request.query;
      const page = await pageOfFirstN((n) => search(store.db, { query: q, from, to, source, limit: n }), { limit, offset });
      return { next: page.next, items: page.items.map((h) => ({ ...h, snippet: snippetSegments(h.snippet) })) };
    },
  );
};
