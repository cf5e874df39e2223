/**
 * `newsgraph stories --rebuild`: forgets every duplicate link and story, then links the whole store again through
 * the path ingest takes (link.ts), article by article in order of publication (then of storing), in pages.
 */
import { sql } from "kysely";
import type { Analysis } from "../../core/analysis.js";
import type { Store } from "../db.js";
import { forgetClusterer, linkStories, type LinkSummary } from "./link.js";

/** Articles read and linked per transaction. */
const PAGE = 200;

export async function rebuildStories(store: Store, onPage?: (done: number) => void): Promise<LinkSummary & { articles: number }> {
  const db = store.db;
  await db.transaction().execute(async (trx) => {
    await sql`update articles set duplicate_of = null, duplicate_similarity = null, story_pk = null where story_pk is not null or duplicate_of is not null`.execute(trx);
    await sql`delete from article_bands`.execute(trx);
    await sql`delete from article_fingerprints`.execute(trx);
    await sql`delete from stories`.execute(trx);
    await sql`delete from story_terms`.execute(trx);
    await sql`update story_stream set docs = 0`.execute(trx);
  });
  forgetClusterer(store);
  const total: LinkSummary & { articles: number } = { duplicates: 0, opened: 0, joined: 0, articles: 0 };
  // Keyset pages over (published_date nulls last, pk): the order a stream would have met them in.
  let after: { date: string | null; pk: number } | null = null;
  for (;;) {
    let q = db.selectFrom("articles").select(["pk", "published_date", "analysis"]);
    if (after) {
      const a: { date: string | null; pk: number } = after;
      q =
        a.date === null
          ? q.where((eb) => eb.and([eb("published_date", "is", null), eb("pk", ">", a.pk)]))
          : q.where((eb) => eb.or([eb("published_date", ">", a.date), eb("published_date", "is", null), eb.and([eb("published_date", "=", a.date), eb("pk", ">", a.pk)])]));
    }
    const rows = await q.orderBy(sql`published_date nulls last`).orderBy("pk").limit(PAGE).execute();
    if (rows.length === 0) break;
    // The Analysis is JSON text since migration 6.
    const s = await linkStories(store, rows.map((r) => JSON.parse(r.analysis) as Analysis));
    total.duplicates += s.duplicates;
    total.opened += s.opened;
    total.joined += s.joined;
    total.articles += rows.length;
    onPage?.(total.articles);
    const last = rows[rows.length - 1]!;
    after = { date: last.published_date, pk: last.pk };
  }
  return total;
}
