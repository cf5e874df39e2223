/** GET /api/stats: what the store holds (the CLI's `stats`) and its outlets with their article counts. */
import type { FastifyPluginAsync } from "fastify";
import { sourceCounts, stats } from "../../store/queries/index.js";
import type { RouteContext } from "../context.js";
import { nullableString } from "../schemas.js";

const count = { type: "integer" } as const;

const response = {
  type: "object",
  properties: {
    articles: count,
    entities: count,
    mentions: count,
    quotes: count,
    timexes: count,
    amounts: count,
    events: count,
    sources: {
      type: "array",
      description: "outlets, the most articles first (source null: articles that name none)",
      items: { type: "object", properties: { source: nullableString, articles: count } },
    },
    first: { ...nullableString, description: "the earliest publication date (YYYY-MM-DD)" },
    last: { ...nullableString, description: "the latest publication date" },
    size: { type: "string", description: "size on disk, for people (\"41.2 MiB\")" },
    sizeBytes: count,
    schemaVersion: count,
    kind: { type: "string", enum: ["pglite", "postgres"] },
  },
} as const;

export const statsRoutes: FastifyPluginAsync<RouteContext> = async (app, { store }) => {
  app.get("/stats", { schema: { summary: "What the store holds", tags: ["store"], response: { 200: response } } }, async () => {
    const [s, sources] = await Promise.all([stats(store), sourceCounts(store.db)]);
    return {
      articles: s.articles,
      entities: s.entities,
      mentions: s.mentions,
      quotes: s.quotes,
      timexes: s.timexes,
      amounts: s.amounts,
      events: s.events,
      sources,
      first: s.first_published,
      last: s.last_published,
      size: s.size,
      sizeBytes: s.size_bytes,
      schemaVersion: s.schema_version,
      kind: s.kind,
    };
  });
};
