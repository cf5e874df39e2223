/** GET /api/timeline: dated statements about an entity or matching words, in the order of the time they refer to. */
import type { FastifyPluginAsync } from "fastify";
import { timelinePage } from "../../store/queries/index.js";
import type { RouteContext } from "../context.js";
import { apiTimelineEntry } from "../convert.js";
import { HttpError } from "../errors.js";
import { type DateQuery, dateQuery, errorResponses, nullableInteger, nullableString, pageOf, type PagingQuery, pagingQuery, words } from "../schemas.js";

interface TimelineQuery extends DateQuery, PagingQuery {
  entity?: string;
  entityId?: number;
  q?: string;
  source?: string;
}

const entry = {
  type: "object",
  properties: {
    date: { type: "string", description: "the first day the time referred to covers" },
    until: { type: "string", description: "the day after its last" },
    value: { type: "string", description: 'the TIMEX3 value ("2023-03", "2023-SP")' },
    mod: nullableString,
    when: { type: "string", description: "the time expression as written" },
    statement: { type: "string", description: "the sentence it dates" },
    speaker: nullableString,
    speakerId: nullableInteger,
    articleId: { type: "string" },
    title: { type: "string" },
    source: nullableString,
    published: nullableString,
  },
} as const;

export const timelineRoutes: FastifyPluginAsync<RouteContext> = async (app, { store }) => {
  app.get<{ Querystring: TimelineQuery }>(
    "/timeline",
    {
      schema: {
        summary: "Dated statements, by the time they refer to",
        description: "Needs entity, entityId or q (they combine). from and to bound the time referred to, not publication.",
        tags: ["timeline"],
        querystring: {
          type: "object",
          properties: {
            entity: words("statements that mention this entity, by any of its names"),
            entityId: { type: "integer", minimum: 1, maximum: 2 ** 53 - 1, description: "statements that mention this entity id" },
            q: words("words the statement contains"),
            ...dateQuery,
            source: words("only articles from this outlet"),
            ...pagingQuery,
          },
        },
        response: { 200: pageOf(entry), ...errorResponses },
      },
    },
    async (request) => {
      const { entity, entityId, q, ...rest } = request.query;
      if (entity === undefined && entityId === undefined && q === undefined) throw new HttpError(400, "querystring needs entity, entityId or q");
      const page = await timelinePage(store.db, { ...rest, entity, entityId, term: q });
      return { next: page.next, items: page.items.map(apiTimelineEntry) };
    },
  );
};
