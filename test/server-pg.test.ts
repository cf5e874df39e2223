/**
 * The API on the PostgreSQL server (NEWSGRAPH_TEST_PG names a scratch database, emptied first), as on PGlite:
 * one pass over the reading routes. Skipped, saying so, when no server is named.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fixtureServer } from "./support/server.js";
import { targets } from "./support/store.js";

const server = targets().find((t) => t.name === "postgres");

test("the API on a PostgreSQL server", { skip: server ? false : "NEWSGRAPH_TEST_PG is unset: no PostgreSQL server to test the API against" }, async () => {
  const dir = mkdtempSync(join(tmpdir(), "ng-server-pg-"));
  const s = await fixtureServer(await server!.prepare(), dir);
  try {
    const get = async (url: string) => {
      const r = await s.app.inject(url);
      assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
      return JSON.parse(r.body);
    };
    const stats = await get("/api/stats");
    assert.equal(stats.articles, 5);
    assert.equal(stats.kind, "postgres");
    assert.equal((await get("/api/search?q=jobs")).items.length, 2);
    const putin = (await get("/api/quotes?speaker=Putin")).items;
    assert.ok(putin.length > 0 && putin.every((q: { speaker: string }) => /Putin/.test(q.speaker)));
    const smith = (await get("/api/entities?name=john%20smith")).items[0];
    const page = await get(`/api/entities/${smith.id}`);
    assert.equal(page.quotesPerWeek.length, 1);
    assert.equal((await get(`/api/timeline?entityId=${smith.id}`)).items.length, 3);
    assert.equal((await get(`/api/articles/${encodeURIComponent("https://news.test/acme-cuts")}`)).analysis.quotes.length, 2);
  } finally {
    await s.close();
    server!.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});
