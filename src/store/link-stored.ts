/**
 * Duplicates and stories for articles stored one at a time (storeArticle: the queue's workers, POST /api/ingest),
 * through the hook ingest calls after each batch (linkStories, which also reloads its clusterer when another process
 * linked since). The articles of concurrent jobs of one process are linked together: while one link runs, the next
 * articles wait and then go in one call (one transaction), instead of each holding a pooled connection while it
 * waits for the story lock.
 */
import type { Analysis } from "../core/analysis.js";
import type { Article } from "../core/article.js";
import type { Store } from "./db.js";
import { analyzerSignature, storeArticle, type Outcome, type StoreArticleOptions } from "./ingest.js";
import { linkStories } from "./stories/link.js";

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
  if (!linker) linkers.set(store, (linker = { queue: [], running: false }));
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
      const analyses = await withAnalyses(store, round.flatMap((w) => w.items));
      await linkStories(store, analyses);
      for (const w of round) w.resolve();
    } catch (e) {
      for (const w of round) w.reject(e);
    }
  }
  linker.running = false;
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
