import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { gzipSync } from "node:zlib";
import { fetchUrl, FetchError } from "../src/readers/fetch.js";
import { readInput, type ReadItem } from "../src/readers/index.js";
import { fixture, repoRoot } from "./support/paths.js";

const page = readFileSync(fixture("html", "article.html"));
const latin1 = readFileSync(fixture("html", "latin1-meta.html")).toString("latin1").replace(/<meta http-equiv[^>]*>/, "");
let server: Server;
let base = "";
const seen: IncomingMessage[] = [];

before(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    seen.push(req);
    const send = (status: number, type: string, body: Buffer | string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": type, ...headers });
      res.end(body);
    };
    switch (req.url) {
      case "/page": return send(200, "text/html; charset=utf-8", page);
      case "/gzip": return send(200, "text/html", gzipSync(page), { "content-encoding": "gzip" });
      case "/latin1": return send(200, "text/html; charset=ISO-8859-1", Buffer.from(latin1, "latin1"));
      case "/feed": return send(200, "application/rss+xml", readFileSync(fixture("html", "feed.rss")));
      case "/moved": return send(301, "text/plain", "", { location: "/page" });
      case "/loop": return send(302, "text/plain", "", { location: "/loop" });
      case "/ftp": return send(302, "text/plain", "", { location: "ftp://example.invalid/x" });
      case "/missing": return send(404, "text/html", "<h1>Not found</h1>");
      case "/big": return send(200, "text/html", Buffer.alloc(2 * 1024 * 1024, 0x61));
      case "/slow": return; // never answers
      default: return send(500, "text/plain", "no");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

async function collect(url: string): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of readInput(url)) out.push(item);
  return out;
}
const errors = (items: ReadItem[]): string[] => items.flatMap((i) => ("error" in i ? [`${i.error.origin.file}: ${i.error.message}`] : []));

test("a page by URL: fetched with a User-Agent naming newsgraph, read as HTML, its canonical url kept", async () => {
  const [item] = await collect(`${base}/page`);
  assert.ok(item && "article" in item);
  assert.equal(item.article.url, "https://gazette.example/news/2024/05/council-bridge");
  assert.match(String(seen.at(-1)!.headers["user-agent"]), /^newsgraph\/\d+\.\d+\.\d+ /);
});

test("gzip bodies are decompressed; HTTP Content-Type charset is honoured; feeds by URL give their items", async () => {
  const gz = await collect(`${base}/gzip`);
  assert.equal(gz.filter((i) => "article" in i).length, 1);
  const [l1] = await collect(`${base}/latin1`);
  assert.ok(l1 && "article" in l1, JSON.stringify(l1));
  assert.match(l1.article.paragraphs[0]!, /^José Müller opened his café in Köln/);
  const feed = await collect(`${base}/feed`);
  assert.equal(feed.filter((i) => "article" in i).length, 2);
});

test("redirects are followed, but bounded and only to http(s)", async () => {
  assert.equal((await fetchUrl(`${base}/moved`)).url, `${base}/page`);
  await assert.rejects(fetchUrl(`${base}/loop`, { maxRedirects: 3 }), (e: Error) => e instanceof FetchError && e.message === "too many redirects (more than 3)");
  await assert.rejects(fetchUrl(`${base}/ftp`), /redirected to ftp:\/\/example\.invalid\/x, which is not an http\(s\) address/);
});

test("every failure is one clear error: HTTP status, size cap, timeout, refused connection", async () => {
  assert.deepEqual(errors(await collect(`${base}/missing`)), [`${base}/missing: cannot fetch: HTTP 404 Not Found`]);
  await assert.rejects(fetchUrl(`${base}/big`, { maxBytes: 1024 * 1024 }), /^FetchError: answer too large: more than 1 MB$/);
  const started = Date.now();
  await assert.rejects(fetchUrl(`${base}/slow`, { timeoutMs: 300 }), /timed out after 0\.3 s/);
  assert.ok(Date.now() - started < 3000);
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  await assert.rejects(fetchUrl(`http://127.0.0.1:${port}/`), /connection refused/);
});

test("analyze with a good URL and a 404: the error is reported, the good page analyzed, exit 0 (1 with --strict)", async () => {
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [join(repoRoot(), "bin", "newsgraph.js"), ...args]);
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  const r = await run(["analyze", `${base}/missing`, `${base}/page`, "--format", "jsonl"]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim().split("\n").length, 1);
  assert.match(r.stderr, /\/missing: cannot fetch: HTTP 404/);
  assert.equal((await run(["analyze", `${base}/missing`, `${base}/page`, "--strict"])).code, 1);
  assert.equal((await run(["analyze", `${base}/missing`])).code, 1);
});
