/**
 * POST /api/ingest: articles analyzed and stored through the same path as `ingest` and the queue workers
 * (storeArticle: unchanged input skipped, same id, url or text updated, never duplicated). Each article alone:
 * one that cannot be read or stored is reported in `failed` and the others are stored. The stored articles then get
 * their duplicate links and stories together, through ingest's hook (link-stored.ts), before the answer.
 */
import type { FastifyPluginAsync } from "fastify";
import { analyzerSignature, ArticleError } from "../../store/ingest.js";
import { linkStored, storeForLinking, type ToLink } from "../../store/link-stored.js";
import type { RouteContext } from "../context.js";
import { BODY_LIMITS } from "../errors.js";
import { bodyErrorResponses } from "../schemas.js";
import { articleInputSchema, toArticle } from "./article-input.js";

export const MAX_ARTICLES = 1000;

const summary = {
  type: "object",
  properties: {
    read: { type: "integer" },
    new: { type: "integer" },
    updated: { type: "integer" },
    unchanged: { type: "integer" },
    failed: {
      type: "array",
      items: { type: "object", properties: { where: { type: "string", description: '"body" or "articles[3]"' }, reason: { type: "string" } } },
    },
  },
} as const;

type Body = { articles: unknown[] } | Record<string, unknown>;

export const ingestRoutes: FastifyPluginAsync<RouteContext> = async (app, { store, analyze }) => {
  const analyzer = analyzerSignature();
  app.post<{ Body: Body }>(
    "/ingest",
    {
      bodyLimit: BODY_LIMITS.ingest,
      schema: {
        summary: "Analyze and store articles",
        description: `One article (as for analyze) or {"articles": [...]}, at most ${MAX_ARTICLES} articles and 20 MB.`,
        tags: ["analysis"],
        body: {
          type: "object",
          properties: {
            ...articleInputSchema.properties,
            articles: { type: "array", maxItems: MAX_ARTICLES, items: { type: "object" } },
          },
        },
        response: { 200: summary, ...bodyErrorResponses },
      },
    },
    async (request) => {
      const body = request.body;
      const inputs = Array.isArray(body.articles) ? body.articles.map((a, i) => ({ value: a, where: `articles[${i}]` })) : [{ value: body, where: "body" }];
      const result = { read: 0, new: 0, updated: 0, unchanged: 0, failed: [] as { where: string; reason: string }[] };
      const stored: ToLink[] = [];
      for (const { value, where } of inputs) {
        const article = toArticle(value, where);
        if (typeof article === "string") {
          result.failed.push({ where, reason: article });
          continue;
        }
        result.read++;
        try {
          const { outcome, item } = await storeForLinking(store, article, { analyze, analyzer });
          result[outcome]++;
          stored.push(item);
        } catch (e) {
          if (!(e instanceof ArticleError)) throw e;
          result.failed.push({ where, reason: e.message });
        }
      }
      await linkStored(store, stored);
      return result;
    },
  );
};
