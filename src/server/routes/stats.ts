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
 * How long an answer is fresh when this process has not written since: the UI asks on every page, and the answer
 * costs a walk of PGlite's data directory (about 100 ms at 2,000 articles) and counts of every table (0.6–2.7 s on a
 * server store of 100,000 articles). A write through this server (POST /api/ingest) makes the next answer fresh. An
 * older answer is still given at once while it is counted again in the background (stale while revalidating), so no
 * page waits for the counts but the first; another process's ingest into the same database shows within about this
 * time. The first answer is counted when the server starts.
 */
export const STATS_TTL_MS = 10_000;

type StatsAnswer = Awaited<ReturnType<typeof statsAnswer>>;

async function statsAnswer(store: RouteContext["store"]) {
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
}

export const statsRoutes: FastifyPluginAsync<RouteContext> = async (app, { store }) => {
  // The answer being given, and the one being counted (the same while a fresh one is needed): requests that come
  // while it is counted wait for it only when nothing usable is cached.
  let cached: { generation: number; at: number; answer: Promise<StatsAnswer> } | null = null;
  let counting: { generation: number; answer: Promise<StatsAnswer> } | null = null;
  const recount = (): Promise<StatsAnswer> => {
    const generation = storeGeneration(store);
    // A count begun before this server's last write is not the fresh one a write asks for.
    if (counting && counting.generation === generation) return counting.answer;
    const answer = statsAnswer(store);
    const mine = { generation, answer };
    counting = mine;
    answer.then(
      () => {
        if (!cached || cached.generation <= generation) cached = { generation, at: Date.now(), answer };
        if (counting === mine) counting = null;
      },
      () => {
        if (counting === mine) counting = null; // a failure is not kept
      },
    );
    return answer;
  };
  recount().catch(() => {}); // counted at start-up; a failure shows on the first request
  app.get("/stats", { schema: { summary: "What the store holds", tags: ["store"], response: { 200: response } } }, async () => {
    if (!cached || cached.generation !== storeGeneration(store)) return recount();
    if (Date.now() - cached.at > STATS_TTL_MS) recount().catch(() => {});
    return cached.answer;
  });
};
