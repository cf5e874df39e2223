/**
 * Writing analyzed articles: a batch in one transaction, all or none, in a few statements per table rather than a
 * few per article (each statement is a round trip to the server, or a pass through PGlite's WASM engine, and that
 * per-statement cost, not the rows, is what a batch of small articles spends its time on).
 *
 * Same article, never duplicated: an article whose id, url or text hash matches a stored one updates it (its row
 * rewritten, its entities, quotes, timexes, ... replaced). Articles of one batch are written in input order as if one
 * at a time: a batch is cut into runs in which no two articles share an id, url or text, and a later run sees what an
 * earlier one wrote.
 */
import { createHash } from "node:crypto";
import { type Insertable, sql, type Transaction } from "kysely";
import type { Analysis } from "../core/analysis.js";
import { type BulkRow, insertBulk } from "./bulk-insert.js";
import { EntityLinker, mergeKey, nextIds, type Linked } from "./cross-entities.js";
import { publishedDate, timexRange } from "./dates.js";
import type { Store } from "./db.js";
import { bumpGeneration } from "./generation.js";
import { normalizeName } from "./names.js";
import type { Database } from "./schema.js";
import { forgetClusterer, linkStoriesIn } from "./stories/link.js";

export type Outcome = "new" | "updated" | "unchanged";

export interface ToWrite {
  analysis: Analysis;
  /** JSON.stringify(analysis), when the caller has it already (the analysis workers send it). */
  json?: string | undefined;
  /** sha256 of the article as read (inputHash). */
  inputHash: string;
  /** file:line it was read from. */
  origin: string;
}

/** Key of the advisory lock that keeps two ingests on one server from linking entities at the same time. */
const WRITE_LOCK = 7_260_311;

/**
 * A fault for the tests, as a disk that fills: with NEWSGRAPH_TEST_FAIL_WRITE=N, every transaction of this process
 * that would take its written articles past N fails, after its rows went in, with PostgreSQL's disk-full error
 * (SQLSTATE 53100), so the rollback is what keeps the store whole. Read once, at the first write.
 */
let failAfter: number | null | undefined;
let committed = 0;
function injectedFault(n: number): void {
  failAfter ??= Number(process.env.NEWSGRAPH_TEST_FAIL_WRITE) || null;
  if (failAfter === null) return;
  if (committed + n > failAfter) {
    throw Object.assign(new Error('could not extend file "base/16384/16385": No space left on device (injected: NEWSGRAPH_TEST_FAIL_WRITE)'), { code: "53100" });
  }
  committed += n;
}

export interface WriteOptions {
  /**
   * Also link the written articles to their duplicates and stories (issue #13), in the same transaction: ingest's
   * batches. The queue's workers and the API link separately, several jobs' articles at once (link-stored.ts).
   */
  linkStories?: boolean;
}

/** Writes analyzed articles in one transaction, under the write lock; all or none. Outcomes in input order. */
export async function writeAnalyzed(store: Store, items: readonly ToWrite[], analyzer: string, options: WriteOptions = {}): Promise<Outcome[]> {
  const prepared = items.map((item) => prepare(item, analyzer));
  let outcomes: Outcome[];
  try {
    outcomes = await store.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${WRITE_LOCK})`.execute(trx);
      const linker = new EntityLinker(trx);
      await linker.preload(items.flatMap(({ analysis }) => analysis.entities.map(mergeKey).filter((k): k is string => k !== null)));
      const outcomes: Outcome[] = [];
      for (const run of runs(prepared)) outcomes.push(...(await writeRun(trx, linker, run)));
      if (options.linkStories) await linkStoriesIn(store, trx, items.map((i) => i.analysis));
      injectedFault(items.length);
      return outcomes;
    });
  } catch (e) {
    if (options.linkStories) forgetClusterer(store); // its memory holds what the rolled-back transaction did not keep
    throw e;
  }
  bumpGeneration(store);
  return outcomes;
}

type ArticleRow = Omit<Insertable<Database["articles"]>, "pk">;

interface Prepared {
  analysis: Analysis;
  row: ArticleRow & { article_id: string; url: string | null; content_hash: string; analysis_hash: string };
}

function prepare({ analysis, json = JSON.stringify(analysis), inputHash, origin }: ToWrite, analyzer: string): Prepared {
  const a = analysis.article;
  return {
    analysis,
    row: {
      article_id: a.id,
      url: a.url,
      content_hash: sha256(analysis.text),
      input_hash: inputHash,
      analysis_hash: sha256(json),
      analyzer,
      source: a.source,
      section: a.section,
      title: a.title,
      authors: a.authors,
      language: a.language,
      published: a.published,
      published_date: publishedDate(a.published),
      text: analysis.text,
      blocks: JSON.stringify(analysis.blocks),
      analysis: json,
      origin,
    },
  };
}

/** Most articles a run holds: its look-up of stored articles takes three parameters an article. */
const MAX_RUN = 5000;

/** Consecutive runs in which no two articles share an id, url or text hash. */
function runs(items: readonly Prepared[]): Prepared[][] {
  const out: Prepared[][] = [];
  let run: Prepared[] = [];
  let keys = new Set<string>();
  for (const item of items) {
    const own = [`i:${item.row.article_id}`, `h:${item.row.content_hash}`, ...(item.row.url ? [`u:${item.row.url}`] : [])];
    if (run.length >= MAX_RUN || own.some((k) => keys.has(k))) {
      out.push(run);
      run = [];
      keys = new Set();
    }
    run.push(item);
    for (const k of own) keys.add(k);
  }
  if (run.length > 0) out.push(run);
  return out;
}

interface Stored {
  pk: number;
  article_id: string;
  url: string | null;
  content_hash: string;
  analysis_hash: string;
}

interface Plan {
  item: Prepared;
  /** The stored article it updates (null: new). */
  match: Stored | null;
  /** Other stored articles that hold its id or url: it is them now, and they go. */
  others: number[];
}

async function writeRun(trx: Transaction<Database>, linker: EntityLinker, run: Prepared[]): Promise<Outcome[]> {
  const urls = run.map((p) => p.row.url).filter((u): u is string => u !== null);
  const existing = await trx
    .selectFrom("articles")
    .select(["pk", "article_id", "url", "content_hash", "analysis_hash"])
    .where((eb) => {
      const ors = [eb("article_id", "in", run.map((p) => p.row.article_id)), eb("content_hash", "in", run.map((p) => p.row.content_hash))];
      if (urls.length > 0) ors.push(eb("url", "in", urls));
      return eb.or(ors);
    })
    .execute();
  const plans: Plan[] = run.map((item) => {
    const { article_id: id, url, content_hash: hash } = item.row;
    const mine = existing.filter((r) => r.article_id === id || (url !== null && r.url === url) || r.content_hash === hash);
    const match = mine.find((r) => r.article_id === id) ?? mine.find((r) => url !== null && r.url === url) ?? mine.find((r) => r.content_hash === hash) ?? null;
    const others = mine.filter((r) => r !== match && (r.article_id === id || (url !== null && r.url === url))).map((r) => r.pk);
    return { item, match, others };
  });
  // Two articles of the run touching one stored row (one takes its id, the other its text): one at a time, in order.
  const touched = plans.flatMap((p) => [...(p.match ? [p.match.pk] : []), ...p.others]);
  if (run.length > 1 && new Set(touched).size < touched.length) {
    const outcomes: Outcome[] = [];
    for (const item of run) outcomes.push(...(await writeRun(trx, linker, [item])));
    return outcomes;
  }

  const outcomes: Outcome[] = [];
  const toWrite: { pk: number; analysis: Analysis; published_date: string | null }[] = [];
  const fresh: Plan[] = [];
  const updated: Plan[] = [];
  for (const plan of plans) {
    const { match, item } = plan;
    if (match && match.analysis_hash === item.row.analysis_hash && match.article_id === item.row.article_id) {
      // Same analysis: only what says how it was read may have changed.
      const { input_hash, analyzer, origin } = item.row;
      await trx.updateTable("articles").set({ input_hash, analyzer, origin }).where("pk", "=", match.pk).execute();
      outcomes.push("unchanged");
    } else if (match) {
      updated.push(plan);
      outcomes.push("updated");
    } else {
      fresh.push(plan);
      outcomes.push("new");
    }
  }
  if (updated.length > 0) {
    const others = updated.flatMap((p) => p.others);
    if (others.length > 0) await trx.deleteFrom("articles").where("pk", "in", others).execute();
    await deleteChildren(
      trx,
      updated.map((p) => p.match!.pk),
    );
    const now = new Date().toISOString();
    for (const p of updated) {
      await trx.updateTable("articles").set({ ...p.item.row, updated_at: now }).where("pk", "=", p.match!.pk).execute();
      toWrite.push({ pk: p.match!.pk, analysis: p.item.analysis, published_date: p.item.row.published_date ?? null });
    }
  }
  if (fresh.length > 0) {
    // Keys drawn first, so the rows go many to a statement and each child row knows its article.
    const pks = await nextIds(trx, "articles", fresh.length);
    await insertRows(
      trx,
      "articles",
      fresh.map((p, i) => ({ pk: pks[i]!, ...p.item.row })),
    );
    fresh.forEach((p, i) => toWrite.push({ pk: pks[i]!, analysis: p.item.analysis, published_date: p.item.row.published_date ?? null }));
  }
  // Children in input order: cross-article records are linked in the order the articles come, as one at a time.
  const order = new Map(run.map((p, i) => [p.analysis, i]));
  toWrite.sort((a, b) => order.get(a.analysis)! - order.get(b.analysis)!);
  await writeChildren(trx, linker, toWrite);
  return outcomes;
}

async function deleteChildren(trx: Transaction<Database>, pks: number[]): Promise<void> {
  for (const table of ["quotes", "timexes", "amounts", "events", "mentions", "article_entities"] as const) {
    await trx.deleteFrom(table).where("article_pk", "in", pks).execute();
  }
}

/** PostgreSQL takes at most 65,535 parameters a statement: rows go in slices well below that. */
const PARAMS_PER_INSERT = 30_000;

async function insertRows<T extends keyof Database>(trx: Transaction<Database>, table: T, rows: readonly object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Math.max(1, Object.keys(rows[0]!).length);
  const per = Math.max(1, Math.floor(PARAMS_PER_INSERT / columns));
  for (let i = 0; i < rows.length; i += per) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + per) as never)
      .execute();
  }
}

/** Every article's entities, mentions, quotes, timexes, amounts and events: one insert (or a few) per table. */
async function writeChildren(
  trx: Transaction<Database>,
  linker: EntityLinker,
  articles: { pk: number; analysis: Analysis; published_date: string | null }[],
): Promise<void> {
  // Link first (in memory), then create the new cross-article records in one statement.
  const linked: Linked[][] = [];
  const affiliationNames: string[][][] = [];
  for (const { analysis } of articles) {
    const byLocal = new Map(analysis.entities.map((e) => [e.id, e]));
    const names = analysis.entities.map((e) => e.affiliations.map((id) => byLocal.get(id)?.name).filter((n): n is string => n !== undefined));
    affiliationNames.push(names);
    linked.push(linker.link(analysis.entities.map((e, i) => ({ entity: { name: e.name, type: e.type, titles: e.titles, affiliations: names[i]! }, key: mergeKey(e) }))));
  }
  await linker.flush();

  const entityCount = articles.reduce((n, a) => n + a.analysis.entities.length, 0);
  const rowPks = entityCount > 0 ? await nextIds(trx, "article_entities", entityCount) : [];
  let next = 0;
  const entityRows: BulkRow<"article_entities">[] = [];
  const mentions: BulkRow<"mentions">[] = [];
  const quotes: BulkRow<"quotes">[] = [];
  const timexes: BulkRow<"timexes">[] = [];
  const amounts: BulkRow<"amounts">[] = [];
  const events: BulkRow<"events">[] = [];
  const names = new Map<string, BulkRow<"entity_names">>();
  articles.forEach(({ pk: articlePk, analysis, published_date }, a) => {
    const localToRow = new Map<string, { pk: number; entityPk: number }>();
    analysis.entities.forEach((entity, i) => {
      const pk = rowPks[next++]!;
      const entityPk = linked[a]![i]!.pk;
      localToRow.set(entity.id, { pk, entityPk });
      const aliases = [...new Set([entity.name, ...entity.mentions.filter((m) => m.kind === undefined || m.kind === "name").map((m) => m.text)])];
      const nameKeys = [...new Set(aliases.map(normalizeName).filter(Boolean))];
      for (const key of nameKeys) names.set(`${entityPk}\u0000${key}`, { name_key: key, entity_pk: entityPk });
      entityRows.push({
        pk,
        article_pk: articlePk,
        local_id: entity.id,
        entity_pk: entityPk,
        name: entity.name,
        type: entity.type,
        titles: entity.titles,
        affiliations: affiliationNames[a]![i]!,
        aliases,
        name_keys: nameKeys,
        mention_count: entity.mentions.length,
        published_date,
      });
      for (const m of entity.mentions) {
        mentions.push({ article_pk: articlePk, article_entity_pk: pk, start_offset: m.start, end_offset: m.end, text: m.text, kind: m.kind ?? "name" });
      }
    });
    for (const q of analysis.quotes) {
      const speaker = q.speaker === null ? undefined : localToRow.get(q.speaker);
      quotes.push({
        article_pk: articlePk,
        published_date,
        local_id: q.id,
        kind: q.kind,
        text: q.text,
        cue: q.cue,
        speaker_article_entity_pk: speaker?.pk ?? null,
        speaker_entity_pk: speaker?.entityPk ?? null,
        speaker_text: q.speakerText,
        start_offset: q.start,
        end_offset: q.end,
        cue_start: q.cueSpan?.start ?? null,
        cue_end: q.cueSpan?.end ?? null,
        source_start: q.sourceSpan?.start ?? null,
        source_end: q.sourceSpan?.end ?? null,
      });
    }
    for (const t of analysis.timexes) {
      const range = timexRange(t.type, t.value);
      const sentence = analysis.sentences.find((x) => x.start <= t.start && t.start < x.end) ?? { start: t.start, end: t.end };
      timexes.push({
        article_pk: articlePk,
        text: t.text,
        type: t.type,
        value: t.value,
        mod: t.mod,
        start_offset: t.start,
        end_offset: t.end,
        value_start: range?.start ?? null,
        value_end: range?.end ?? null,
        sentence: analysis.text.slice(sentence.start, sentence.end),
        sentence_start: sentence.start,
        sentence_end: sentence.end,
      });
    }
    for (const m of analysis.amounts) {
      amounts.push({ article_pk: articlePk, text: m.text, value: m.value, unit: m.unit, mod: m.mod ?? null, start_offset: m.start, end_offset: m.end });
    }
    for (const v of analysis.events) events.push({ article_pk: articlePk, local_id: v.id, text: v.text, start_offset: v.start, end_offset: v.end });
  });
  await insertBulk(trx, "article_entities", entityRows);
  // The cross-article records' name keys (migration 5): added, never removed (a query checks them against the articles).
  await insertBulk(trx, "entity_names", [...names.values()], { onConflict: "nothing" });
  await insertBulk(trx, "mentions", mentions);
  await insertBulk(trx, "quotes", quotes);
  await insertBulk(trx, "timexes", timexes);
  await insertBulk(trx, "amounts", amounts);
  await insertBulk(trx, "events", events);
}

export function sha256(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}
