/** GET /api/stories and /api/stories/:id: stories across outlets, and one story's comparison of its outlets. */
import type { FastifyPluginAsync } from "fastify";
import { stories, storyById, type StoryDetail, type StoryRow } from "../../store/queries/index.js";
import type { RouteContext } from "../context.js";
import { HttpError } from "../errors.js";
import { type DateQuery, dateQuery, errorResponses, nullableInteger, nullableString, pageOf, type PagingQuery, pagingQuery, recordId, recordIdParams, words } from "../schemas.js";

interface StoriesQuery extends DateQuery, PagingQuery {
  entity?: string;
  entityId?: number;
}

const summaryProperties = {
  id: { type: "integer" },
  label: nullableString,
  articles: { type: "integer" },
  duplicates: { type: "integer", description: "articles that repeat another (re-posts, syndicated copies)" },
  outlets: { type: "integer" },
  firstPublished: nullableString,
  lastPublished: nullableString,
  headline: { ...nullableString, description: "the headline of its first article" },
} as const;

const nullableNumber = { type: ["number", "null"] } as const;

const detail = {
  type: "object",
  properties: {
    ...summaryProperties,
    outlets: {
      type: "array",
      items: {
        type: "object",
        properties: {
          outlet: nullableString,
          firstPublished: nullableString,
          headline: { type: "string" },
          articles: {
            type: "array",
            items: {
              type: "object",
              properties: { id: { type: "string" }, title: { type: "string" }, published: nullableString, duplicateOf: nullableString, similarity: nullableNumber },
            },
          },
          speakers: { type: "array", items: { type: "object", properties: { name: { type: "string" }, entityId: nullableInteger, quotes: { type: "integer" } } } },
          onlyQuotes: { type: "array", items: { type: "object", properties: { speaker: nullableString, text: { type: "string" } } } },
          onlyEntities: { type: "array", items: { type: "object", properties: { name: { type: "string" }, entityId: { type: "integer" } } } },
        },
      },
    },
    outletCount: { type: "integer" },
    timeline: {
      type: "array",
      description: "dated statements by the time they refer to, [date, until); a copy's are left out (its original's stand); at most 200",
      items: {
        type: "object",
        properties: {
          date: { type: "string" },
          until: { type: "string" },
          value: { type: "string", description: "the TIMEX3 value" },
          mod: nullableString,
          when: { type: "string", description: "the time expression as written" },
          statement: { type: "string" },
          outlet: nullableString,
          articleId: { type: "string" },
          title: { type: "string" },
          published: nullableString,
        },
      },
    },
  },
} as const;

const summary = (s: StoryRow) => ({
  id: s.id,
  label: s.label,
  articles: s.articles,
  duplicates: s.duplicates,
  outlets: s.outlets,
  firstPublished: s.first_published,
  lastPublished: s.last_published,
  headline: s.headline,
});

function apiStory(d: StoryDetail) {
  return {
    ...summary(d),
    outletCount: d.outlets,
    outlets: d.outlets_coverage.map((o) => ({
      outlet: o.outlet,
      firstPublished: o.first_published,
      headline: o.headline,
      articles: o.articles.map((a) => ({ id: a.id, title: a.title, published: a.published, duplicateOf: a.duplicate_of, similarity: a.similarity })),
      speakers: o.speakers.map((s) => ({ name: s.name, entityId: s.entity, quotes: s.quotes })),
      onlyQuotes: o.only_quotes,
      onlyEntities: o.only_entities.map((e) => ({ name: e.name, entityId: e.entity })),
    })),
    timeline: d.timeline.map(({ article, ...t }) => ({ ...t, articleId: article })),
  };
}

export const storyRoutes: FastifyPluginAsync<RouteContext> = async (app, { store }) => {
  app.get<{ Querystring: StoriesQuery }>(
    "/stories",
    {
      schema: {
        summary: "Stories: articles about one event across outlets",
        description: "Newest first (by their last article). from and to bound the story's span of publication.",
        tags: ["stories"],
        querystring: {
          type: "object",
          properties: {
            entity: words("stories with an article that names this entity, by any of its names"),
            entityId: { type: "integer", minimum: 1, maximum: 2 ** 53 - 1, description: "stories with an article that names this entity id" },
            ...dateQuery,
            ...pagingQuery,
          },
        },
        response: { 200: pageOf({ type: "object", properties: summaryProperties }), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, offset, ...rest } = request.query;
      // One more than the page: whether there is a next one.
      const rows = await stories(store.db, { ...rest, limit: limit + 1, offset });
      return { next: rows.length > limit ? offset + limit : null, items: rows.slice(0, limit).map(summary) };
    },
  );
  app.get<{ Params: { id: string } }>(
    "/stories/:id",
    {
      schema: {
        summary: "One story, outlet by outlet",
        description:
          "Per outlet: when it first published, its headline, its articles (duplicates with the article they repeat), the speakers it quoted and how often, the quotes only it carries, the entities only it names; and the story's dated statements by the time they refer to.",
        tags: ["stories"],
        params: recordIdParams("story"),
        response: { 200: detail, ...errorResponses },
      },
    },
    async (request) => {
      const { id } = request.params;
      const pk = recordId(id);
      const found = pk === null ? null : await storyById(store.db, pk);
      if (!found) throw new HttpError(404, `no story with id ${JSON.stringify(id)}`);
      return apiStory(found);
    },
  );
};
