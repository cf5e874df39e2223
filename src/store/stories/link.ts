/**
 * Duplicates and stories at ingest: each batch's new articles get their duplicate link (the earliest stored or
 * earlier-in-batch article they repeat, with the similarity) and their story (a duplicate goes with its original;
 * any other article joins the best story or opens one): ingest does it inside the transaction that writes the batch
 * (linkStoriesIn), so no article is ever stored without its story; the queue's workers, the API and a rebuild in a
 * transaction of its own (linkStories), for articles already stored. The clusterer's state lives in the
 * store (stories.state, story_terms, story_stream) and, between batches, in memory for this process, reloaded when
 * another process has linked since (every batch holds an advisory lock on a server store).
 */
import { sql, type Transaction } from "kysely";
import type { Analysis } from "../../core/analysis.js";
import { CLUSTER_DEFAULTS, StoryClusterer, type StoryState } from "../../stories/cluster.js";
import { DUPLICATE_DEFAULTS, fingerprint, pickDuplicate, type Fingerprint } from "../../stories/duplicates.js";
import { storyDoc } from "../../stories/story-doc.js";
import type { Store } from "../db.js";
import { insertBulk } from "../bulk-insert.js";
import type { Database } from "../schema.js";

/** Key of the advisory lock that keeps two processes from clustering into one server store at once. */
const STORY_LOCK = 7_260_313;

export interface LinkSummary {
  duplicates: number;
  opened: number;
  joined: number;
}

/** The clusterer of each open store, loaded from it on first use. */
const clusterers = new WeakMap<Store, StoryClusterer>();

/** Forgets a store's clusterer (after a failed batch or a rebuild): the next batch loads it again. */
export function forgetClusterer(store: Store): void {
  clusterers.delete(store);
}

type Trx = Transaction<Database>;

async function streamDocs(trx: Trx): Promise<number> {
  const stream = await trx.selectFrom("story_stream").select("docs").executeTakeFirst();
  return Number(stream?.docs ?? 0);
}

async function loadClusterer(trx: Trx): Promise<StoryClusterer> {
  let opened = 0;
  const c = new StoryClusterer(CLUSTER_DEFAULTS, () => `new:${++opened}`);
  const terms = await trx.selectFrom("story_terms").select(["term", "df"]).execute();
  const stories = await trx.selectFrom("stories").select(["pk", "state"]).where("state", "is not", null).orderBy("pk").execute();
  c.restore(
    await streamDocs(trx),
    terms.map((t: { term: string; df: number }) => [t.term, t.df] as [string, number]),
    stories.map((s: { pk: number; state: unknown }) => ({ ...(s.state as StoryState), id: String(s.pk) })),
  );
  return c;
}

interface Candidate {
  pk: number;
  /** Its story's key, or the clusterer's name for a story opened in this batch. */
  story: string | null;
  fingerprint: Pick<Fingerprint, "exact" | "signature">;
  bands: Set<number>;
}

/** Links the articles of a batch (those not in a story yet) to their duplicates and stories, in a transaction of its own. */
export async function linkStories(store: Store, analyses: readonly Analysis[]): Promise<LinkSummary> {
  if (analyses.length === 0) return { duplicates: 0, opened: 0, joined: 0 };
  try {
    return await store.db.transaction().execute((trx) => linkStoriesIn(store, trx, analyses));
  } catch (e) {
    forgetClusterer(store); // its memory holds what the rolled-back transaction did not keep
    throw e;
  }
}

/**
 * The same inside a transaction the caller owns (ingest's batch: its rows and their stories commit together, so a
 * kill between the two cannot leave stored articles that no later run links). Takes the story lock for the rest of
 * that transaction. When the transaction does not commit, the caller must forgetClusterer(store): the clusterer's
 * memory holds what it did.
 */
export async function linkStoriesIn(store: Store, trx: Trx, analyses: readonly Analysis[]): Promise<LinkSummary> {
  const summary: LinkSummary = { duplicates: 0, opened: 0, joined: 0 };
  if (analyses.length === 0) return summary;
  await sql`select pg_advisory_xact_lock(${STORY_LOCK})`.execute(trx);
  let clusterer = clusterers.get(store);
  // Another process (a second ingest, a queue worker) linked since this one did when the store has counted other
  // articles than this clusterer: its stories and frequencies are stale, so it is loaded again. Counts only grow
  // under this lock, so an equal count means no one else wrote.
  if (clusterer && (await streamDocs(trx)) !== clusterer.documents) clusterer = undefined;
  if (!clusterer) clusterers.set(store, (clusterer = await loadClusterer(trx)));
  await linkIn(trx, clusterer, analyses, summary);
  injectedLinkFault();
  return summary;
}

/**
 * A fault for the tests: with NEWSGRAPH_TEST_FAIL_LINK=N, the N-th link since the variable was set fails once its
 * rows are in, so the tests can check that the transaction it is part of keeps nothing of it.
 */
let links = 0;
function injectedLinkFault(): void {
  const n = Number(process.env.NEWSGRAPH_TEST_FAIL_LINK);
  if (!(n > 0)) links = 0;
  else if (++links === n) throw new Error("injected: NEWSGRAPH_TEST_FAIL_LINK");
}

async function linkIn(trx: Trx, clusterer: StoryClusterer, analyses: readonly Analysis[], summary: LinkSummary): Promise<void> {
  const rows: Array<{ pk: number; article_id: string; story_pk: number | null }> = await trx
    .selectFrom("articles")
    .select(["pk", "article_id", "story_pk"])
    .where("article_id", "in", analyses.map((a) => a.article.id))
    .execute();
  const byId = new Map(rows.map((r) => [r.article_id, r]));
  const todo = analyses.filter((a) => byId.get(a.article.id)?.story_pk === null);
  if (todo.length === 0) return;
  const fps = todo.map((a) => fingerprint(a.text, DUPLICATE_DEFAULTS));
  const stored = await storedCandidates(trx, fps);

  const updates: Array<{ pk: number; duplicate_of: number | null; similarity: number | null; story: string }> = [];
  const batch: Candidate[] = [];
  todo.forEach((analysis, i) => {
    const fp = fps[i]!;
    const pk = byId.get(analysis.article.id)!.pk;
    const own = new Set(fp.bands);
    const shares = (c: Candidate) => c.fingerprint.exact === fp.exact || [...c.bands].some((b) => own.has(b));
    // Stored candidates come earliest first; the batch's own come after them, in input order.
    const candidates = [...stored.filter(shares), ...batch.filter(shares)].filter((c) => c.pk !== pk);
    const match = pickDuplicate(fp, candidates.map((c) => ({ id: String(c.pk), fingerprint: c.fingerprint })), DUPLICATE_DEFAULTS.minSimilarity);
    const original = match ? candidates.find((c) => String(c.pk) === match.of)! : null;
    const doc = storyDoc(analysis);
    let story: string;
    if (original?.story != null && clusterer.joinStory(original.story, doc)) {
      story = original.story;
      summary.joined++;
    } else {
      const a = clusterer.add(doc);
      story = a.story;
      summary[a.opened ? "opened" : "joined"]++;
    }
    if (match) summary.duplicates++;
    updates.push({ pk, duplicate_of: original?.pk ?? null, similarity: match?.similarity ?? null, story });
    batch.push({ pk, story, fingerprint: fp, bands: own });
  });

  // Stories opened in this batch get their keys now, in one statement.
  const changed = clusterer.takeChanged();
  const fresh = changed.filter((s) => s.id.startsWith("new:"));
  if (fresh.length > 0) {
    const keys = await sql<{ pk: number }>`select nextval('stories_pk_seq')::int as pk from generate_series(1, ${fresh.length})`.execute(trx);
    fresh.forEach((s, k) => {
      const pk = String(keys.rows[k]!.pk);
      clusterer.rename(s.id, pk);
      for (const u of updates) if (u.story === s.id) u.story = pk;
      s.id = pk;
    });
  }
  const day = (t: number | null) => (t === null ? null : new Date(t).toISOString().slice(0, 10));
  const storyRows = changed.map((s) => ({ pk: Number(s.id), label: clusterer.label(s.id), first: day(s.first), last: day(s.last), count: s.size, state: s }));
  await sql`insert into stories (pk, label, first_published, last_published, article_count, state, updated_at)
    select pk, label, first, last, count, state, now() from jsonb_to_recordset(${JSON.stringify(storyRows)}::jsonb)
      as v(pk bigint, label text, first date, last date, count int, state jsonb)
    on conflict (pk) do update set label = excluded.label, first_published = excluded.first_published,
      last_published = excluded.last_published, article_count = excluded.article_count, state = excluded.state, updated_at = now()`.execute(trx);
  // The update travels as one array a column, unpacked by `unnest`, as insertBulk's rows do (bulk-insert.ts).
  await sql`update articles a set duplicate_of = v.d, duplicate_similarity = v.s, story_pk = v.st
    from unnest(${updates.map((u) => u.pk)}::int8[], ${updates.map((u) => u.duplicate_of)}::int8[],
      ${updates.map((u) => u.similarity)}::float4[], ${updates.map((u) => Number(u.story))}::int8[]) as v(pk, d, s, st)
    where a.pk = v.pk`.execute(trx);
  const pks = updates.map((u) => u.pk);
  const fingerprintRows = fps.map((f, i) => ({ article_pk: pks[i]!, exact_key: f.exact, signature: Array.from(f.signature) }));
  await insertBulk(trx, "article_fingerprints", fingerprintRows, { onConflict: "nothing" });
  const bandRows = new Map<string, { band_key: number; article_pk: number }>();
  fps.forEach((f, i) => {
    for (const b of f.bands) bandRows.set(`${b} ${pks[i]}`, { band_key: b, article_pk: pks[i]! });
  });
  await insertBulk(trx, "article_bands", [...bandRows.values()], { onConflict: "nothing" });
  const { docs, increments } = clusterer.takeFrequencyChanges();
  await insertBulk(trx, "story_terms", increments.map(([term, df]) => ({ term, df })), { onConflict: { target: "term", add: "df" } });
  await sql`update story_stream set docs = ${docs}`.execute(trx);
}

/** Stored articles sharing an exact key or a band key with any of the fingerprints: earliest first. */
async function storedCandidates(trx: Trx, fps: readonly Fingerprint[]): Promise<Candidate[]> {
  const exact = [...new Set(fps.map((f) => f.exact))];
  const bands = [...new Set(fps.flatMap((f) => f.bands))];
  const rows: Array<{ pk: number; story_pk: number | null; exact_key: string; signature: number[]; band_keys: number[] | null }> = (
    await sql<{ pk: number; story_pk: number | null; exact_key: string; signature: number[]; band_keys: number[] | null }>`
      with hit as (
        select article_pk from article_fingerprints where exact_key = any(${exact}::text[])
        union select article_pk from article_bands where band_key = any(${bands}::int[]))
      select a.pk::int as pk, a.story_pk::int as story_pk, f.exact_key, f.signature,
        array(select b.band_key from article_bands b where b.article_pk = a.pk) as band_keys
      from hit join articles a on a.pk = hit.article_pk join article_fingerprints f on f.article_pk = a.pk
      order by a.published_date nulls last, a.pk`.execute(trx)
  ).rows;
  return rows.map((r) => ({
    pk: r.pk,
    story: r.story_pk === null ? null : String(r.story_pk),
    fingerprint: { exact: r.exact_key, signature: Uint32Array.from(r.signature, (x) => x >>> 0) },
    bands: new Set(r.band_keys ?? []),
  }));
}

