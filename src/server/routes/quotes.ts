/** GET /api/quotes: the quote bank, by speaker (name or id), topic, date, outlet and kind, newest first. */
import type { FastifyPluginAsync } from "fastify";
import { quotePage } from "../../store/queries/index.js";
import type { RouteContext } from "../context.js";
import { apiQuote } from "../convert.js";
import { type DateQuery, dateQuery, errorResponses, pageOf, type PagingQuery, pagingQuery, quoteRef, words } from "../schemas.js";

interface QuotesQuery extends DateQuery, PagingQuery {
  speaker?: string;
  speakerId?: number;
  about?: string;
  source?: string;
  kind?: string;
}

export const quoteRoutes: FastifyPluginAsync<RouteContext> = async (app, { store }) => {
  app.get<{ Querystring: QuotesQuery }>(
    "/quotes",
    {
      schema: {
        summary: "Who said what",
        description: "With both speaker and speakerId, the quotes of that record if the name fits it.",
        tags: ["quotes"],
        querystring: {
          type: "object",
          properties: {
            speaker: words('the speaker by any of their names ("Putin", "Vladimir Putin")'),
            speakerId: { type: "integer", minimum: 1, maximum: 2 ** 53 - 1, description: "the speaker's entity id" },
            about: words("words the quote is about (as in search)"),
            ...dateQuery,
            source: words("only articles from this outlet"),
            kind: { type: "string", enum: ["direct", "partial", "indirect"] },
            ...pagingQuery,
          },
        },
        response: { 200: pageOf(quoteRef), ...errorResponses },
      },
    },
    async (request) => {
      const page = await quotePage(store.db, request.query);
      return { next: page.next, items: page.items.map(apiQuote) };
    },
  );
};
