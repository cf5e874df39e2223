/**
 * Duplicates and stories for articles stored one at a time (storeArticle: the queue's workers, POST /api/ingest),
 * through the hook ingest calls after each batch (linkStories). Two things differ from ingest's one process:
 *
 * - Many workers on one server store each keep a clusterer in memory. A clusterer that missed another process's
 *   links would score against stale stories, not know the stories opened since (a copy could not join its
 *   original's) and write its stale counts back. So linking here takes a lock of its own, reads how many articles
 *   the store has clustered (story_stream), and reloads the clusterer when that is not what this process left.
 * - The articles of concurrent jobs are linked together: while one link runs, the next articles wait and then go
 *   in one call (one transaction, at most one reload), instead of each taking the locks in turn.
 */
import { type Kysely, sql } from "kysely";
import type { Analysis } from "../core/analysis.js";
import type { Article } from "../core/article.js";
import type { Store } from "./db.js";
import type { Database } from "./schema.js";
import { analyzerSignature, storeArticle, type Outcome, type StoreArticleOptions } from "./ingest.js";
import { forgetClusterer, linkStories } from "./stories/link.js";

/** Key of the advisory lock held, on a server store, from reading story_stream until the link is done. */
const LINK_LOCK = 7_260_314;

/** An article to link: its id, and its Analysis when this process just made it (else it is read from the store). */
export interface ToLink {
  id: string;
  analysis: Analysis | null;
}

interface Waiting {
  items: ToLink[];
  resolve(): void;
  reject(e: unknown): void;
}

interface Linker {
  queue: Waiting[];
  running: boolean;
  /** story_stream.docs when this process last linked: another value means another process linked since. */
  docs: number | null;
}

const linkers = new WeakMap<Store, Linker>();

/** Stores one article as ingest does (storeArticle), keeping the Analysis it made for linking. */
export async function storeForLinking(store: Store, article: Article, options: StoreArticleOptions): Promise<{ outcome: Outcome; item: ToLink }> {
  let analysis: Analysis | null = null;
  const outcome = await storeArticle(store, article, {
    analyzer: options.analyzer ?? analyzerSignature(),
    force: options.force ?? false,
    analyze: async (a) => (analysis = await options.analyze(a)),
  });
  return { outcome, item: { id: article.id, analysis } };
}

/**
 * Links the stored articles that are in no story yet (an unchanged one may have been stored by a path that did not
 * link, or its link failed): resolves once they are linked, rejects when their link failed.
 */
export function linkStored(store: Store, items: readonly ToLink[]): Promise<void> {
  let linker = linkers.get(store);
  if (!linker) linkers.set(store, (linker = { queue: [], running: false, docs: null }));
  const own = linker;
  return new Promise<void>((resolve, reject) => {
    own.queue.push({ items: [...items], resolve, reject });
    if (!own.running) void drain(store, own);
  });
}

async function drain(store: Store, linker: Linker): Promise<void> {
  linker.running = true;
  while (linker.queue.length > 0) {
    const round = linker.queue.splice(0);
    try {
      await linkRound(store, linker, round.flatMap((w) => w.items));
      for (const w of round) w.resolve();
    } catch (e) {
      linker.docs = null; // linkStories forgot its clusterer; the next round starts from the store
      for (const w of round) w.reject(e);
    }
  }
  linker.running = false;
}

async function linkRound(store: Store, linker: Linker, items: ToLink[]): Promise<void> {
  const analyses = await withAnalyses(store, items);
  if (analyses.length === 0) return;
  // Embedded: one process, one connection (an outer transaction would hold the only one), so no other linker.
  if (store.kind !== "postgres") {
    await linkStories(store, analyses);
    return;
  }
  // The lock's transaction holds a connection of its own while linkStories takes another: one round at a time per
  // process (this queue) keeps the pool from running dry.
  await store.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LINK_LOCK})`.execute(trx);
    if (linker.docs !== null && (await streamDocs(trx)) !== linker.docs) forgetClusterer(store);
    await linkStories(store, analyses);
    linker.docs = await streamDocs(trx); // read committed: what linkStories just wrote
  });
}

async function streamDocs(db: Kysely<Database>): Promise<number> {
  const r = await sql<{ docs: string | number }>`select docs from story_stream`.execute(db);
  return Number(r.rows[0]?.docs ?? 0);
}

/** The Analyses of the items that are in no story yet: the ones given, the others read from the store. */
async function withAnalyses(store: Store, items: ToLink[]): Promise<Analysis[]> {
  const ids = [...new Set(items.map((i) => i.id))];
  if (ids.length === 0) return [];
  const rows = await store.db.selectFrom("articles").select(["article_id", "story_pk"]).where("article_id", "in", ids).execute();
  const unlinked = new Set(rows.filter((r) => r.story_pk === null).map((r) => r.article_id));
  const given = new Map(items.filter((i) => i.analysis !== null && unlinked.has(i.id)).map((i) => [i.id, i.analysis!]));
  const missing = [...unlinked].filter((id) => !given.has(id));
  if (missing.length > 0) {
    const stored = await store.db.selectFrom("articles").select(["article_id", "analysis"]).where("article_id", "in", missing).execute();
    for (const r of stored) given.set(r.article_id, JSON.parse(r.analysis) as Analysis); // JSON text since migration 6
  }
  // In the order given: the clusterer's result depends on it.
  return ids.filter((id) => given.has(id)).map((id) => given.get(id)!);
}
