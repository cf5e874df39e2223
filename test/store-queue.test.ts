/**
 * The job queue (ingest --queue, worker, queue) against the local PostgreSQL server: two worker processes drain
 * one queue at once; every article is stored exactly once; a job whose article fails analysis is retried and then
 * failed, with a copy in the dead-letter queue. Needs NEWSGRAPH_TEST_PG (a scratch database; this test makes a
 * database of its own beside it and drops it at the end), else it is skipped.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import PgBoss from "pg-boss";
import { readInput } from "../src/readers/index.js";
import { DEAD_LETTER_QUEUE, INGEST_QUEUE, QUEUE_SCHEMA } from "../src/store/queue.js";
import { repoRoot } from "./support/paths.js";
import { ARTICLES, cli, ownDatabase, writeJsonl } from "./support/store.js";

const scratch = process.env.NEWSGRAPH_TEST_PG;
const seed = join(repoRoot(), "examples", "seed");


/** Small articles, each its own text and url. */
function generated(n: number): string[] {
  const cities = ["Berlin", "Paris", "Madrid", "Rome", "Vienna", "Oslo"];
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      url: `https://queue.test/story-${i}`,
      source: "Queue Test Wire",
      published: `2024-0${1 + (i % 9)}-1${i % 10}`,
      title: `Council ${i} approves budget`,
      text: `The council of ${cities[i % cities.length]} approved a budget of ${100 + i} million euros on Monday, mayor Anna Berg ${i} said.\n\n"It is a fair plan," she told reporters.`,
    }),
  );
}

describe("job queue on PostgreSQL (two workers)", { skip: scratch ? false : "NEWSGRAPH_TEST_PG is unset: no PostgreSQL server to test the job queue against" }, () => {
  const work = mkdtempSync(join(tmpdir(), "ng-queue-"));
  let url = "";

  let own: Awaited<ReturnType<typeof ownDatabase>> = null;
  before(async () => {
    // A database of its own: the queue test never meets the other store tests' scratch schema.
    own = await ownDatabase("queue");
    url = own!.url;
  });

  after(async () => {
    rmSync(work, { recursive: true, force: true });
    await own?.drop();
  });

  test("ingest --queue needs a server: on an embedded store, a clear error and exit 2", async () => {
    const r = await cli(["ingest", "--queue", seed, "--db", join(work, "lite")]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--queue needs a PostgreSQL server/);
    const w = await cli(["worker", "--db", join(work, "lite")]);
    assert.equal(w.code, 2);
  });

  test("two workers drain the queue: every article stored exactly once; a failing job is retried, then dead-lettered", async (t) => {
    const fixtures = writeJsonl(work, "fixtures.jsonl", ARTICLES);
    const gen = join(work, "generated.jsonl");
    writeFileSync(gen, generated(30).join("\n") + "\n");
    const inputs = [seed, fixtures, gen];
    const expected = new Set<string>();
    for (const input of inputs) for await (const item of readInput(input)) if ("article" in item) expected.add(item.article.id);
    assert.equal(expected.size, 1 + ARTICLES.length + 30);

    const q = await cli(["ingest", "--queue", ...inputs, "--db", url, "--retries", "1", "--retry-delay", "0"]);
    assert.equal(q.code, 0, q.stderr);
    assert.match(q.stderr, new RegExp(`queued ${expected.size} articles`));
    // The seed once more: two jobs for one article, which the two workers may well run at the same moment.
    const again = await cli(["ingest", "--queue", seed, "--db", url, "--format", "json"]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout).queued, 1);

    // A job whose article the pipeline cannot analyze (paragraphs missing): retried once, then failed.
    const boss = new PgBoss({ connectionString: url, schema: QUEUE_SCHEMA, supervise: false, schedule: false });
    boss.on("error", () => {});
    await boss.start();
    const broken = { id: "broken-1", title: "Broken", paragraphs: null, source: null, url: null, published: null, section: null, authors: [], language: "en", origin: "broken.jsonl:1" };
    await boss.insert([{ name: INGEST_QUEUE, data: { article: broken }, retryLimit: 1, retryDelay: 0, deadLetter: DEAD_LETTER_QUEUE }]);
    await boss.stop({ graceful: false, close: true, wait: true });

    const started = Date.now();
    const [a, b] = await Promise.all([0, 1].map(() => cli(["worker", "--db", url, "--drain", "--concurrency", "1", "--quiet", "--format", "json"])));
    const seconds = (Date.now() - started) / 1000;
    for (const r of [a!, b!]) assert.equal(r.code, 0, r.stderr);
    const sa = JSON.parse(a!.stdout);
    const sb = JSON.parse(b!.stdout);
    t.diagnostic(`two workers drained ${expected.size + 2} jobs in ${seconds.toFixed(1)} s: ${sa.done} and ${sb.done} done`);
    const jobs = expected.size + 1;
    assert.equal(sa.done + sb.done, jobs, `every job done once: ${a!.stdout} ${b!.stdout}`);
    assert.equal(sa.new + sb.new, expected.size);
    assert.equal(sa.failedAttempts + sb.failedAttempts, 2, "the broken job: its first attempt and its one retry");
    assert.equal(sa.deadLettered + sb.deadLettered, 1);
    // How the jobs split between the two workers depends on the machine's load, so it is reported (above), not asserted:
    // what must hold is that together they stored every article exactly once.

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const rows = (await client.query<{ article_id: string; n: number }>("select article_id, count(*)::int as n from articles group by article_id")).rows;
      assert.deepEqual(new Set(rows.map((r) => r.article_id)), expected);
      assert.ok(rows.every((r) => r.n === 1));
      const children = await client.query<{ n: number }>("select count(*)::int as n from articles a where not exists (select 1 from article_entities e where e.article_pk = a.pk)");
      assert.equal(children.rows[0]!.n, 0, "every article stored whole, with its entities");
      const dups = await client.query("select content_hash from articles group by content_hash having count(*) > 1");
      assert.equal(dups.rowCount, 0);
    } finally {
      await client.end();
    }

    const counts = await cli(["queue", "--db", url, "--format", "json"]);
    assert.equal(counts.code, 0, counts.stderr);
    const [ingestQueue, dead] = JSON.parse(counts.stdout);
    assert.deepEqual(ingestQueue, { queue: INGEST_QUEUE, pending: 0, retry: 0, running: 0, done: jobs, failed: 1, cancelled: 0 });
    assert.equal(dead.queue, DEAD_LETTER_QUEUE);
    assert.equal(dead.pending, 1, "the failed job's copy waits in the dead-letter queue");
    const csv = await cli(["queue", "--db", url, "--format", "csv"]);
    assert.equal(csv.stdout.split(/\r?\n/)[0], "queue,pending,retry,running,done,failed,cancelled");
  });
});
