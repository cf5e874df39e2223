/**
 * npm run bench:api — the HTTP API and the UI's files over a real socket on 127.0.0.1:
 *
 * - the first page load without a browser: index.html, then the script and style files it names, then
 *   /api/stats (what the UI asks first), fetched one after the other on a fresh server; best and worst of the rounds;
 * - the first page in a browser, when Debian's chromium is installed: a fresh page opening /search?q=Putin until its
 *   first result is on screen (playwright-core, headless);
 * - latency (p50, p95) of search, quotes and entity answers on the store;
 * - N generated malformed requests (src/fuzz/requests.ts, seeded), bounded in time: any 5xx fails the run (exit 1).
 *
 * Usage: npm run bench:api -- [--db DIR|postgres://…] [--input DIR] [--requests 10000] [--seconds 300] [--seed N]
 * Without --db, a temporary PGlite store is filled from examples/ first.
 */
// First: the V8 settings every newsgraph process runs with (src/cli/v8-flags.ts), so the bench measures those.
import "../cli/v8-flags.js";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { malformedRequest } from "../fuzz/requests.js";
import { Rng } from "../fuzz/rng.js";
import { buildServer } from "../server/app.js";
import { openStore } from "../store/db.js";
import { ingest } from "../store/ingest.js";
import { repoRootFrom } from "../store/paths.js";

const SEARCHES = ["Putin", "election", "government", "oil", "war", "\"prime minister\"", "China", "economy"];
const SPEAKERS = ["Putin", "Bush", "Obama", "Xi", "Blair", "McCain"];
const ENTITIES = ["Putin", "Russia", "China", "Bush", "United States", "NASA"];

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function timed(url: string): Promise<{ ms: number; status: number; body: string }> {
  const t = performance.now();
  const r = await fetch(url);
  const body = await r.text();
  return { ms: performance.now() - t, status: r.status, body };
}

const CHROMIUM = "/usr/bin/chromium";

/** Opens /search?q=Putin in a new browser context five times (no cache kept) and times it to the first result. */
async function browserLoad(base: string): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`browser page load: not measured (${CHROMIUM} is missing)`);
    return;
  }
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  try {
    const ms: number[] = [];
    for (let round = 0; round < 5; round++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const t = performance.now();
      await page.goto(`${base}/search?q=Putin`);
      await page.waitForSelector(".result");
      ms.push(performance.now() - t);
      await context.close();
    }
    ms.sort((a, b) => a - b);
    console.log(`browser page load (/search?q=Putin to its first result, fresh context): best ${ms[0]!.toFixed(0)} ms, median ${ms[2]!.toFixed(0)} ms, worst ${ms[4]!.toFixed(0)} ms`);
  } finally {
    await browser.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      db: { type: "string" },
      input: { type: "string" },
      requests: { type: "string", default: "10000" },
      seconds: { type: "string", default: "300" },
      seed: { type: "string", default: "1" },
    },
  });
  const root = repoRootFrom(import.meta.url);
  const temp = values.db ? null : mkdtempSync(join(tmpdir(), "ng-bench-api-"));
  const store = await openStore(values.db ?? join(temp!, "store"), { create: true });
  try {
    if (temp) {
      const summary = await ingest(store, [values.input ?? join(root, "examples")], {});
      console.log(`# store: ${summary.read} articles ingested into a temporary PGlite store`);
    }
    const app = await buildServer({ store, webDir: join(root, "web", "dist") });
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    try {
      // First page load, file by file as a browser would fetch them (no rendering).
      const loads: number[] = [];
      for (let round = 0; round < 5; round++) {
        const t = performance.now();
        const html = await timed(`${base}/search`);
        const assets = [...html.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
        for (const a of assets) await timed(base + a);
        await timed(`${base}/api/stats`);
        loads.push(performance.now() - t);
        if (round === 0) console.log(`first page: index.html (${html.status}) and ${assets.length} files, then /api/stats`);
      }
      loads.sort((a, b) => a - b);
      console.log(`page load (sequential fetches): best ${loads[0]!.toFixed(1)} ms, worst ${loads.at(-1)!.toFixed(1)} ms`);
      await browserLoad(base);

      console.log("\n| route | requests | p50 ms | p95 ms |\n|---|---|---|---|");
      // The entity page of each name's first record: what the UI opens from the list.
      const entityIds: number[] = [];
      for (const n of ENTITIES) {
        const r = await fetch(`${base}/api/entities?name=${encodeURIComponent(n)}`);
        const body = (await r.json()) as { items?: { id: number }[] };
        if (body.items?.[0]) entityIds.push(body.items[0].id);
      }
      const routes: Array<[string, string[]]> = [
        ["GET /api/search?q=", SEARCHES.map((q) => `/api/search?q=${encodeURIComponent(q)}`)],
        ["GET /api/quotes?speaker=", SPEAKERS.map((s) => `/api/quotes?speaker=${encodeURIComponent(s)}`)],
        ["GET /api/entities?name=", ENTITIES.map((n) => `/api/entities?name=${encodeURIComponent(n)}`)],
        ["GET /api/entities/:id", entityIds.map((id) => `/api/entities/${id}`)],
      ];
      for (const [name, urls] of routes) {
        const ms: number[] = [];
        for (let round = 0; round < 10; round++) for (const u of urls) ms.push((await timed(base + u)).ms);
        ms.sort((a, b) => a - b);
        console.log(`| ${name} | ${ms.length} | ${quantile(ms, 0.5).toFixed(1)} | ${quantile(ms, 0.95).toFixed(1)} |`);
      }

      // Malformed requests over the socket.
      const total = Number(values.requests), deadline = performance.now() + 1000 * Number(values.seconds);
      const rng = new Rng(Number(values.seed));
      const statuses = new Map<number, number>();
      const failures: string[] = [];
      let sent = 0;
      const t0 = performance.now();
      for (; sent < total && performance.now() < deadline; sent++) {
        const req = malformedRequest(rng);
        let status: number;
        try {
          const r = await fetch(base + req.url, { method: req.method, headers: req.headers, ...(req.payload !== undefined ? { body: req.payload } : {}) });
          await r.arrayBuffer();
          status = r.status;
        } catch (e) {
          status = -1; // the client refused to send it (an invalid URL or header): nothing reached the server
          if (!(e instanceof TypeError)) throw e;
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500 && failures.length < 10) failures.push(`${req.method} ${req.url.slice(0, 200)} -> ${status}`);
      }
      const s = (performance.now() - t0) / 1000;
      const fives = [...statuses].filter(([k]) => k >= 500).reduce((n, [, v]) => n + v, 0);
      console.log(`\nmalformed requests (seed ${values.seed}): ${sent} in ${s.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))} (-1: refused by the client); 5xx: ${fives}`);
      for (const f of failures) console.log(`  ${f}`);
      return fives > 0 ? 1 : 0;
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);
