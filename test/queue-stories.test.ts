/**
 * Queue workers link stories (issue #13): two workers, each with a store of its own (as two processes have), drain
 * one queue of articles about two events, each re-posted by an aggregator; every article ends in a story, each
 * re-post is linked to its original and in its story, the events stay apart, and no worker wrote back counts of
 * a clusterer that missed the other's links. Needs NEWSGRAPH_TEST_PG (a database of its own is made beside it).
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { sql } from "kysely";
import { openStore, type Store } from "../src/store/db.js";
import { enqueue, runWorker } from "../src/store/queue.js";
import { QUAKE, STORY_SPECS, TAKEOVER } from "./support/story-specs.js";
import { analyzerFor, ownDatabase, writeJsonl } from "./support/store.js";

const scratch = process.env.NEWSGRAPH_TEST_PG;

describe("queue workers link stories (PostgreSQL)", { skip: scratch ? false : "NEWSGRAPH_TEST_PG is unset: no PostgreSQL server for the queue" }, () => {
  const work = mkdtempSync(join(tmpdir(), "ng-queue-stories-"));
  let own: Awaited<ReturnType<typeof ownDatabase>> = null;
  const stores: Store[] = [];
  before(async () => {
    own = await ownDatabase("qstories");
  });
  after(async () => {
    for (const s of stores) await s.close();
    await own?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  test("two workers: every article in one story, re-posts linked to their originals, events apart, counts whole", async () => {
    const url = own!.url;
    for (let i = 0; i < 2; i++) stores.push(await openStore(url, { create: true }));
    const queued = await enqueue(url, [writeJsonl(work, "stories.jsonl", STORY_SPECS)]);
    assert.equal(queued.queued, STORY_SPECS.length);
    const analyze = analyzerFor(STORY_SPECS);
    const summaries = await Promise.all(stores.map((store) => runWorker(store, url, { drain: true, concurrency: 2, pollSeconds: 0.1, analyze })));
    assert.equal(summaries.reduce((n, s) => n + s.new, 0), STORY_SPECS.length);
    assert.equal(summaries.reduce((n, s) => n + s.failedAttempts, 0), 0);

    const db = stores[0]!.db;
    const rows = (
      await sql<{ id: string; pk: number; story: number | null; dup: number | null }>`
        select article_id as id, pk::int as pk, story_pk::int as story, duplicate_of::int as dup from articles`.execute(db)
    ).rows;
    assert.equal(rows.length, STORY_SPECS.length);
    assert.deepEqual(rows.filter((r) => r.story === null), [], "every article is in a story");
    const by = new Map(rows.map((r) => [r.id, r]));
    for (const e of [QUAKE, TAKEOVER]) {
      const o = by.get(e.original.url!)!;
      const r = by.get(e.repost.url!)!;
      const d = by.get(e.own.url!)!;
      // Which of the two was linked first depends on the workers' timing; one repeats the other, never neither.
      assert.ok((r.dup === o.pk) !== (o.dup === r.pk), `${e.repost.url} and its original: one repeats the other (${r.dup}, ${o.dup})`);
      assert.equal(r.story, o.story, "a re-post is in its original's story");
      assert.equal(d.dup, null, "an outlet's own report is no duplicate");
    }
    assert.notEqual(by.get(QUAKE.original.url!)!.story, by.get(TAKEOVER.original.url!)!.story, "two events, two stories");

    // What a stale clusterer would break: each story's count, and the articles counted into the frequencies.
    const counts = (
      await sql<{ pk: number; stored: number; members: number }>`
        select s.pk::int as pk, s.article_count as stored, (select count(*)::int from articles a where a.story_pk = s.pk) as members from stories s`.execute(db)
    ).rows;
    assert.ok(counts.length >= 2);
    for (const c of counts) assert.equal(c.stored, c.members, `story ${c.pk}: article_count is its members`);
    const stream = await sql<{ docs: string }>`select docs::text from story_stream`.execute(db);
    assert.equal(Number(stream.rows[0]!.docs), STORY_SPECS.length, "every article counted once into the frequencies");
  });
});
