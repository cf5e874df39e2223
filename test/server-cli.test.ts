/** `newsgraph serve` as a process: --help, prints its URL and answers, stops on SIGTERM, a taken port exits 1. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { openStore } from "../src/store/db.js";
import { repoRoot } from "./support/paths.js";
import { cli } from "./support/store.js";

const work = mkdtempSync(join(tmpdir(), "ng-serve-"));
const db = join(work, "store");
before(async () => {
  // An empty store: serve reads, it does not create.
  await (await openStore(db, { create: true })).close();
});
after(() => rmSync(work, { recursive: true, force: true }));

test("serve --help: usage, options and examples", async () => {
  const r = await cli(["serve", "--help"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Usage: newsgraph serve/);
  assert.match(r.stdout, /--port N/);
  assert.match(r.stdout, /--host H .*127\.0\.0\.1/s);
  assert.match(r.stdout, /Examples:/);
  const bad = await cli(["serve", "--port", "http"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--port takes a port number/);
});

test("serve prints its URL on 127.0.0.1, answers the API, and stops cleanly on SIGTERM", async () => {
  const child = spawn(process.execPath, [join(repoRoot(), "bin", "newsgraph.js"), "serve", "--port", "0", "--db", db], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      stdout += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
      if (m) resolve(m[1]!);
    });
    child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const stats = await fetch(`${url}/api/stats`);
  assert.equal(stats.status, 200);
  assert.equal(((await stats.json()) as { articles: number }).articles, 0);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  assert.equal(await exited, 0, stderr);
});

test("a port that is taken: one clear line, exit 1", async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const port = (blocker.address() as AddressInfo).port;
  try {
    const r = await cli(["serve", "--port", String(port), "--db", db]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`^newsgraph: port ${port} on 127\\.0\\.0\\.1 is taken`));
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  } finally {
    blocker.close();
  }
});

test("PORT sets the port when --port is not given", async () => {
  const r = await cli(["serve", "--db", join(work, "missing")], { PORT: "nope" });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--port takes a port number 0-65535, not "nope"/);
});
