/** GET /api/stats: what the store holds (the CLI's `stats`) and its outlets with their article counts. */
import type { FastifyPluginAsync } from "fastify";
import { storeGeneration } from "../../store/generation.js";
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

/**
 * How long an answer is reused when this process has not written since: the UI asks on every page, and the answer
 * costs a walk of PGlite's data directory (about 100 ms at 2,000 articles) and counts of every table (more on a large
 * store). A write through this server (POST /api/ingest) makes the next answer fresh; another process's ingest into
 * the same server database shows within this time.
 */
export const STATS_TTL_MS = 10_000;

export const statsRoutes: FastifyPluginAsync<RouteContext> = async (app, { store }) => {
  // One answer in the making at a time: requests that come while it is computed wait for it.
  let cached: { generation: number; at: number; answer: Promise<Awaited<ReturnType<typeof compute>>> } | null = null;
  const compute = async () => {
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
  };
  app.get("/stats", { schema: { summary: "What the store holds", tags: ["store"], response: { 200: response } } }, async () => {
    const generation = storeGeneration(store);
    if (!cached || cached.generation !== generation || Date.now() - cached.at > STATS_TTL_MS) {
      const answer = compute();
      cached = { generation, at: Date.now(), answer };
      answer.catch(() => {
        if (cached?.answer === answer) cached = null; // a failure is not kept
      });
    }
    return cached.answer;
  });
};
