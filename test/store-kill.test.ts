/**
 * kill -9 in the middle of an ingest, on PGlite and (with NEWSGRAPH_TEST_PG) on the server, in a database of its
 * own: a child process ingests a few dozen small articles in batches and reports each batch written; it is killed
 * with SIGKILL after some batches. Ingesting again (on PGlite, taking over the dead process's lock) must leave every
 * article stored exactly once and none half-written.
 *
 * This file is also the child: run with NG_KILL_CHILD=store:input, it ingests and prints progress, and defines no test.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, test } from "node:test";
import { openStore } from "../src/store/db.js";
import { ingest } from "../src/store/ingest.js";
import { assertWholeArticles, generatedArticles, ownDatabase } from "./support/store.js";

const childArgs = process.env.NG_KILL_CHILD;
const N = 36;
const BATCH = 3;

if (childArgs) {
  const [location, input] = JSON.parse(childArgs) as [string, string];
  const store = await openStore(location, { create: true });
  await ingest(store, [input], { workers: 0, batchSize: BATCH, onProgress: (p) => process.stdout.write(`done ${p.summary.new}\n`) });
  process.stdout.write("finished\n");
  await store.close();
} else {
  const work = mkdtempSync(join(tmpdir(), "ng-kill-"));
  after(() => rmSync(work, { recursive: true, force: true }));

  const input = join(work, "articles.jsonl");
  const run = async (t: { diagnostic(m: string): void }, location: string) => {
    const lines = generatedArticles(N, "kill");
    writeFileSync(input, lines.join("\n") + "\n");

    // The child ingests; once a few batches are written (and well before the end), it is killed with SIGKILL.
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, NG_KILL_CHILD: JSON.stringify([location, input]) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let written = 0;
    let finished = false;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) {
        const m = /^done (\d+)/.exec(line);
        if (m) written = Number(m[1]);
        if (line === "finished") finished = true;
      }
      if (written >= 2 * BATCH && !child.killed) child.kill("SIGKILL");
    });
    const signal = await exited;
    assert.equal(signal, "SIGKILL");
    assert.equal(finished, false, "killed mid-run");
    assert.ok(written < N, `killed after ${written} of ${N} articles`);

    // Again, in this process: the dead child's lock is taken over; what it wrote whole is unchanged, the rest new.
    const store = await openStore(location);
    try {
      const s = await ingest(store, [input], { workers: 0, batchSize: BATCH });
      assert.equal(s.read, N);
      assert.equal(s.failed, 0);
      assert.equal(s.new + s.unchanged, N);
      assert.ok(s.unchanged >= written, `the ${written} articles written before the kill are kept (${s.unchanged} unchanged)`);
      t.diagnostic(`killed after ${written} of ${N} articles were reported written; again: ${s.unchanged} unchanged, ${s.new} new`);
      await assertWholeArticles(store, N);
    } finally {
      await store.close();
    }
  };

  test("kill -9 during ingest on PGlite: ingesting again stores every article exactly once, none half-written", { timeout: 120_000 }, (t) =>
    run(t, join(work, "store")),
  );

  const server = process.env.NEWSGRAPH_TEST_PG ? "" : "NEWSGRAPH_TEST_PG is unset: no PostgreSQL server";
  test("kill -9 during ingest on the server: ingesting again stores every article exactly once, none half-written", { timeout: 120_000, skip: server || false }, async (t) => {
    const own = (await ownDatabase("kill"))!;
    try {
      await run(t, own.url);
    } finally {
      await own.drop();
    }
  });
}
