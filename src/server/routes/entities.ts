/** GET /api/entities (by name or alias) and GET /api/entities/:id (an entity's page: quotes per week, who with). */
import type { FastifyPluginAsync } from "fastify";
import { entityById, findEntities } from "../../store/queries/index.js";
import type { RouteContext } from "../context.js";
import { apiQuote } from "../convert.js";
import { HttpError } from "../errors.js";
import { errorResponses, nullableString, pageOf, type PagingQuery, pagingQuery, quoteRef, recordId, recordIdParams, words } from "../schemas.js";

interface EntitiesQuery extends PagingQuery {
  name: string;
  type?: string;
}

const strings = { type: "array", items: { type: "string" } } as const;
const count = { type: "integer" } as const;

const summaryProperties = {
  id: { type: "integer" },
  name: { type: "string", description: "the name the articles use most" },
  type: { type: "string", description: "PERSON, ORG, GPE, ..." },
  aliases: { ...strings, description: "every name it goes by, the most used first" },
  articles: count,
  quotes: count,
} as const;

const detail = {
  type: "object",
  properties: {
    ...summaryProperties,
    titles: strings,
    affiliations: strings,
    mentions: count,
    firstSeen: nullableString,
    lastSeen: nullableString,
    quotesPerWeek: {
      type: "array",
      description: "quotes by ISO week of publication (weeks without quotes are left out)",
      items: { type: "object", properties: { week: { type: "string" }, start: { type: "string" }, count } },
    },
    cooccurring: {
      type: "array",
      description: "the 30 entities it shares most articles with",
      items: { type: "object", properties: { id: { type: "integer" }, name: { type: "string" }, type: { type: "string" }, articles: count } },
    },
    recentQuotes: { type: "array", description: "its 20 newest quotes", items: quoteRef },
  },
} as const;

export const entityRoutes: FastifyPluginAsync<RouteContext> = async (app, { store }) => {
  app.get<{ Querystring: EntitiesQuery }>(
    "/entities",
    {
      schema: {
        summary: "Entities by name or alias",
        description: "Records one of whose names is `name` (case, accents and punctuation aside) first, then records whose name contains it (3 letters or more).",
        tags: ["entities"],
        querystring: {
          type: "object",
          required: ["name"],
          properties: { name: words("a name or alias"), type: { type: "string", pattern: "^[A-Z_]{2,20}$", description: "PERSON, ORG, GPE, ..." }, ...pagingQuery },
        },
        response: { 200: pageOf({ type: "object", properties: summaryProperties }), ...errorResponses },
      },
    },
    async (request) => findEntities(store.db, request.query),
  );

  app.get<{ Params: { id: string } }>(
    "/entities/:id",
    {
      schema: {
        summary: "An entity across articles",
        tags: ["entities"],
        params: recordIdParams("entity"),
        response: { 200: detail, ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      const pk = recordId(id);
      const found = pk === null ? null : await entityById(store.db, pk);
      if (!found) throw new HttpError(404, `no entity with id ${JSON.stringify(id)}`);
      const { first_seen, last_seen, recentQuotes, ...rest } = found;
      return { ...rest, firstSeen: first_seen, lastSeen: last_seen, recentQuotes: recentQuotes.map(apiQuote) };
    },
  );
};
