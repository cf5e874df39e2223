import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { fixture } from "./support/paths.js";
import { cli, type Run } from "./support/store.js";

const seed = fixture("..", "..", "examples", "seed");
const work = mkdtempSync(join(tmpdir(), "ng-store-cli-"));
after(() => rmSync(work, { recursive: true, force: true }));


const noStackTrace = (r: Run) => assert.doesNotMatch(r.stderr, /\n\s+at /);

test("help on every store command; usage errors exit 2", async () => {
  const runs = await Promise.all(["ingest", "worker", "queue", "search", "quotes", "entity", "timeline", "stats"].map((c) => cli([c, "--help"])));
  for (const r of runs) {
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: newsgraph \w+/);
    assert.match(r.stdout, /Examples:/);
  }
  const bad = await Promise.all([cli(["ingest"]), cli(["search"]), cli(["stats", "--format", "xml"]), cli(["quotes", "--limit", "0"]), cli(["entity"])]);
  for (const r of bad) {
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^newsgraph: /);
    noStackTrace(r);
  }
});

test("a store that does not exist yet: says so and how to create it, exit 1, creates nothing", async () => {
  const dir = join(work, "nothing-here");
  const runs = await Promise.all([
    cli(["stats", "--db", dir]),
    cli(["search", "anything", "--db", dir, "--format", "json"]),
    cli(["quotes", "--db", dir]),
    cli(["entity", "Putin", "--db", dir]),
    cli(["timeline"], { NEWSGRAPH_DB: dir }),
  ]);
  for (const r of runs) {
    assert.equal(r.code, 1);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /no store at .*nothing-here yet; create one with `newsgraph ingest <files\|dirs> --db .*nothing-here`/);
    noStackTrace(r);
  }
  assert.equal(existsSync(dir), false);
  const nothing = await cli(["ingest", join(work, "no-such-input.jsonl"), "--db", dir]);
  assert.equal(nothing.code, 1);
  assert.match(nothing.stderr, /no-such-input\.jsonl: cannot read: no such file or directory/);
  assert.equal(existsSync(dir), false, "no store is created for nothing to read");
});

test("a damaged data directory, or one that is no store: a clear message, exit 1", async () => {
  const damaged = join(work, "damaged");
  mkdirSync(join(damaged, "pgdata"), { recursive: true });
  writeFileSync(join(damaged, "pgdata", "PG_VERSION"), "not a version\n");
  writeFileSync(join(damaged, "pgdata", "postgresql.conf"), "\u0000\u0001garbage");
  const halfGone = join(work, "half-gone");
  mkdirSync(join(halfGone, "pgdata", "base"), { recursive: true });
  const other = join(work, "other"), other2 = join(work, "other2");
  for (const dir of [other, other2]) {
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "mine\n");
  }
  // Two directories, not one: two commands at once on one directory rightly meet its lock ("in use"), which
  // happened here at load average 14, when their runs overlapped.
  const [d, h, o, i] = await Promise.all([
    cli(["stats", "--db", damaged]),
    cli(["search", "x", "--db", halfGone]),
    cli(["stats", "--db", other]),
    cli(["ingest", seed, "--db", other2]),
  ]);
  assert.equal(d.code, 1);
  assert.match(d.stderr, /the store at .*damaged is damaged or not a PGlite data directory/);
  assert.equal(h.code, 1);
  assert.match(h.stderr, /the store at .*half-gone is damaged: pgdata\/PG_VERSION is missing/);
  for (const r of [o, i]) {
    assert.equal(r.code, 1);
    assert.match(r.stderr, /other2? is not a newsgraph store \(it holds other files\)/);
  }
  for (const r of [d, h, o, i]) noStackTrace(r);
  for (const dir of [other, other2]) assert.deepEqual(readdirSync(dir), ["notes.txt"], "nothing written into a directory that is not ours");
  assert.deepEqual(readdirSync(damaged), ["pgdata"], "no lock file left behind");
});

test("a server that cannot be reached, or refuses the login: a clear message, exit 1", async () => {
  const closed = await cli(["stats", "--db", "postgres://newsgraph@127.0.0.1:1/none"]);
  assert.equal(closed.code, 1);
  assert.match(closed.stderr, /cannot reach the PostgreSQL server at postgres:\/\/newsgraph@127\.0\.0\.1:1\/none/);
  noStackTrace(closed);
  const url = process.env.NEWSGRAPH_TEST_PG;
  if (!url) return;
  const u = new URL(url);
  u.username = "newsgraph_no_such_role";
  u.password = "secret";
  const refused = await cli(["stats", "--db", u.toString()]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /the PostgreSQL server at postgres:\/\/newsgraph_no_such_role:\*\*\*@.* refused the login/);
  assert.doesNotMatch(refused.stderr, /secret/);
  noStackTrace(refused);
});

test("ingest: two at once on one directory (one waits its turn with a clear error); then queries print JSON and CSV, an empty result exits 0", async () => {
  const db = join(work, "store");
  const [a, b] = await Promise.all([
    cli(["ingest", seed, "--db", db, "--workers", "1"]),
    new Promise<Run>((resolve) => setTimeout(() => resolve(cli(["ingest", seed, "--db", db, "--workers", "1"])), 300)),
  ]);
  const ok = [a, b].filter((r) => r.code === 0);
  const locked = [a, b].filter((r) => r.code !== 0);
  assert.equal(ok.length, 1, a.stderr + b.stderr);
  assert.equal(locked.length, 1);
  assert.equal(locked[0]!.code, 1);
  assert.match(locked[0]!.stderr, /the store at .*store is in use by another newsgraph process \(pid \d+/);
  assert.match(ok[0]!.stderr, /1 read, 1 new, 0 updated, 0 unchanged, 0 failed/);
  assert.equal(existsSync(join(db, "newsgraph.lock")), false, "the lock goes with its process");

  const search = await cli(["search", "Putin Xi", "--db", db, "--format", "json"]);
  assert.equal(search.code, 0, search.stderr);
  const hits = JSON.parse(search.stdout);
  assert.ok(Array.isArray(hits));
  assert.equal(hits.length, 1);
  assert.equal(hits[0].id, "97d27bee81517207");
  assert.match(hits[0].snippet, /\*\*Putin\*\*/);
  assert.deepEqual(Object.keys(hits[0]), ["rank", "score", "published", "source", "title", "snippet", "id", "url"]);

  const stats = await cli(["stats", "--db", db, "--format", "json"]);
  assert.equal(stats.code, 0, stats.stderr);
  const s = JSON.parse(stats.stdout);
  assert.equal(s.articles, 1);
  assert.ok(s.entities > 5);
  assert.ok(s.size_bytes > 1_000_000);

  const none = await cli(["quotes", "--speaker", "Nobody Atall", "--db", db, "--format", "csv"]);
  assert.equal(none.code, 0, none.stderr);
  assert.equal(none.stdout, "published,source,speaker,kind,cue,text,title,article\r\n", "an empty result: the header alone");
});

test("ingest: a binary file, a Latin-1 file, an impossible date and a file of another extension beside a good article", async () => {
  const dir = join(work, "mixed");
  mkdirSync(dir);
  writeFileSync(join(dir, "a-good.txt"), "Mayor opens the new bridge\n\nThe mayor of Springfield opened the bridge on Monday.\n");
  writeFileSync(join(dir, "b-image.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(join(dir, "c-latin1.txt"), Buffer.from("Jos\xe9 M\xfcller wins the race\n\nJos\xe9 M\xfcller won in Berlin.\n", "latin1"));
  writeFileSync(join(dir, "d-dated.jsonl"), `${JSON.stringify({ title: "Council votes", text: "The council voted on the budget.", published: "2022-02-30" })}\n`);
  writeFileSync(join(dir, "e-table.csv"), "a,b\n1,2\n");
  const db = join(work, "mixed-store");
  const r = await cli(["ingest", dir, "--db", db, "--workers", "1", "--no-progress"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /3 read, 3 new, 0 updated, 0 unchanged, 1 failed, 1 file\(s\) skipped for their extension/);
  assert.match(r.stderr, /failed: .*b-image\.txt: not a text file/);
  assert.match(r.stderr, /warning: .*c-latin1\.txt: not valid UTF-8: decoded as windows-1252\n/);
  assert.match(r.stderr, /warning: .*d-dated\.jsonl:1: .*2022-02-30/);
  noStackTrace(r);
  const titles = await cli(["search", "Müller", "--db", db, "--format", "json"]);
  assert.equal(titles.code, 0, titles.stderr);
  assert.equal(JSON.parse(titles.stdout)[0]?.title, "José Müller wins the race");
  // --strict: the failed file makes the exit code say so; the good articles are stored all the same.
  const strict = await cli(["ingest", dir, "--db", db, "--workers", "1", "--no-progress", "--strict"]);
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /3 read, 0 new, 0 updated, 3 unchanged, 1 failed/);
});
