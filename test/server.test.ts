/**
 * The HTTP API on a small PGlite store (four hand-built articles and the seed article): every route's answer, the
 * errors (never a 500 for what a client sent), pagination, ETags, security headers, the OpenAPI document and the
 * web UI's fallback. Through app.inject: no port, no process.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { InjectOptions } from "fastify";
import { sql } from "kysely";
import { buildServer } from "../src/server/app.js";
import { STATS_TTL_MS } from "../src/server/routes/stats.js";
import { Rng } from "../src/fuzz/rng.js";
import { malformedRequest } from "../src/fuzz/requests.js";
import { fixtureServer, type TestServer } from "./support/server.js";

const work = mkdtempSync(join(tmpdir(), "ng-server-"));
const webDir = join(work, "web-dist");
mkdirSync(join(webDir, "assets"), { recursive: true });
writeFileSync(join(webDir, "index.html"), "<!doctype html><title>newsgraph ui</title><script type=module src=/assets/app.js></script>");
writeFileSync(join(webDir, "assets", "app.js"), "console.log('ui')");

let server: TestServer;
before(async () => {
  server = await fixtureServer(join(work, "store"), work, { webDir });
});
after(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

async function get(url: string, headers: Record<string, string> = {}) {
  const r = await server.app.inject({ method: "GET", url, headers });
  return { status: r.statusCode, headers: r.headers, body: r.body, json: () => JSON.parse(r.body) };
}

async function send(options: InjectOptions) {
  const r = await server.app.inject(options);
  return { status: r.statusCode, headers: r.headers, json: () => JSON.parse(r.body) };
}

/** The API's error shape, with a message that matches. */
function assertError(r: { status: number; json(): any }, status: number, code: string, message: RegExp) {
  assert.equal(r.status, status);
  const body = r.json();
  assert.deepEqual(Object.keys(body), ["error"]);
  assert.equal(body.error.status, status);
  assert.equal(body.error.code, code);
  assert.match(body.error.message, message);
}

test("GET /api/stats is computed once and reused until this server writes (POST /api/ingest); older than STATS_TTL_MS it is given while counted again", async (t) => {
  const own = await fixtureServer(join(work, "stats-store"), work);
  try {
    const articles = async () => {
      const r = await own.app.inject({ method: "GET", url: "/api/stats" });
      assert.equal(r.statusCode, 200);
      return (JSON.parse(r.body) as { articles: number }).articles;
    };
    const behindItsBack = (id: string) => sql`delete from articles where article_id = ${id}`.execute(own.store.db);
    const ids = (await own.store.db.selectFrom("articles").select("article_id").orderBy("pk").execute()).map((r) => r.article_id);
    assert.equal(await articles(), 5);
    await behindItsBack(ids[0]!);
    await behindItsBack(ids[1]!);
    assert.equal(await articles(), 5, "the cached answer: nothing was written through this server");
    const stored = await own.app.inject({ method: "POST", url: "/api/ingest", payload: { title: "Talks resume", text: "Xi Jinping said on Tuesday that the talks would resume." } });
    assert.equal(stored.statusCode, 200);
    t.mock.timers.enable({ apis: ["Date"], now: Date.now() }); // from here the cache's clock is the test's
    assert.equal(await articles(), 4, "fresh after an ingest: 5 - 2 deleted + 1 new");
    await behindItsBack(ids[2]!);
    t.mock.timers.tick(STATS_TTL_MS - 1);
    assert.equal(await articles(), 4, "still cached just before it expires");
    t.mock.timers.tick(2);
    assert.equal(await articles(), 4, "expired: the old answer at once, while it is counted again");
    let fresh = 4;
    for (let i = 0; i < 200 && fresh === 4; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      fresh = await articles();
    }
    assert.equal(fresh, 3, "then the new count: another process's writes show");
  } finally {
    await own.close();
  }
});

describe("routes", () => {
  test("GET /api/stats: the store's counts and its outlets", async () => {
    const r = await get("/api/stats");
    assert.equal(r.status, 200);
    assert.match(String(r.headers["content-type"]), /^application\/json; charset=utf-8/);
    const s = r.json();
    assert.equal(s.articles, 5);
    assert.ok(s.quotes >= 4 && s.entities > 5);
    assert.deepEqual(s.sources[0], { source: "Daily Planet", articles: 2 });
    assert.equal(s.sources.length, 4);
    assert.equal(s.first, "2022-12-31");
    assert.equal(s.last, "2023-07-01");
    assert.match(s.size, /iB$/);
    assert.equal(s.kind, "pglite");
  });

  test("GET /api/search: ranked hits with the snippet as segments, filtered by source and date", async () => {
    const r = await get("/api/search?q=jobs");
    assert.equal(r.status, 200);
    const { items, next } = r.json();
    assert.equal(next, null);
    assert.deepEqual(items.map((h: any) => h.title), ["Acme to cut 1,200 jobs", "Acme chief defends cuts"]);
    assert.equal(items[0].rank, 1);
    assert.equal(items[0].id, "https://news.test/acme-cuts");
    assert.ok(items[0].snippet.some((s: any) => s.hit && /^jobs$/i.test(s.text)));
    assert.ok(items[0].snippet.every((s: any) => !s.text.includes("**")));
    assert.equal((await get("/api/search?q=jobs&from=2023-04-01")).json().items.length, 1);
    assert.equal((await get("/api/search?q=jobs&source=campus%20times")).json().items.length, 0);
    assert.equal((await get("/api/search?q=Putin")).json().items[0].source, "CNN");
  });

  test("GET /api/articles/:id: the article, its Analysis, and its entities' cross-article ids", async () => {
    const r = await get(`/api/articles/${encodeURIComponent("https://news.test/acme-cuts")}`);
    assert.equal(r.status, 200);
    const { article, analysis, entityLinks } = r.json();
    assert.equal(article.title, "Acme to cut 1,200 jobs");
    assert.equal(article.source, "Daily Planet");
    assert.equal(analysis.schema, "newsgraph.analysis/1");
    assert.equal(analysis.quotes.length, 2);
    assert.deepEqual(Object.keys(entityLinks).sort(), ["e1", "e2", "e3"]);
    // The speaker's link leads to their entity page.
    const smith = (await get(`/api/entities/${entityLinks.e2}`)).json();
    assert.equal(smith.name, "John Smith");
    assertError(await get("/api/articles/no-such-article"), 404, "not_found", /no article with id "no-such-article"/);
  });

  test("GET /api/entities: by name or alias, exact matches first, with counts", async () => {
    const { items, next } = (await get("/api/entities?name=smith")).json();
    assert.equal(next, null);
    assert.equal(items.length, 3, "two John Smiths kept apart, and the bare Smith");
    assert.ok(items.every((e: any) => e.type === "PERSON" && typeof e.articles === "number" && Array.isArray(e.aliases)));
    assert.equal(items[0].name, "John Smith");
    assert.equal(items[0].articles, 2);
    assert.equal((await get("/api/entities?name=smith&type=ORG")).json().items.length, 0);
    const putin = (await get("/api/entities?name=putin")).json().items[0];
    assert.match(putin.name, /Putin/);
    assert.ok(putin.quotes > 0);
    assert.deepEqual((await get("/api/entities?name=nobody%20at%20all")).json(), { items: [], next: null });
  });

  test("GET /api/entities/:id: aliases, titles, quotes per ISO week, co-occurring entities, recent quotes", async () => {
    const id = (await get("/api/entities?name=putin")).json().items[0].id;
    const e = (await get(`/api/entities/${id}`)).json();
    assert.equal(e.id, id);
    assert.equal(e.type, "PERSON");
    assert.ok(e.aliases.includes("Putin"));
    assert.deepEqual(e.quotesPerWeek, [{ week: "2022-W52", start: "2022-12-26", count: e.quotes }]);
    assert.ok(e.cooccurring.some((c: any) => /Xi Jinping/.test(c.name)));
    assert.ok(e.cooccurring.length <= 30);
    assert.equal(e.recentQuotes.length, Math.min(20, e.quotes));
    assert.ok(e.recentQuotes.every((q: any) => q.speakerId === id));
    // An unknown or non-numeric id names no entity: 404 with the error shape, never a 400 or a 500 (as for stories).
    for (const id of ["999999", "abc", "0", "1.5", "-1", "99999999999999999999"]) {
      assertError(await get(`/api/entities/${id}`), 404, "not_found", new RegExp(`^no entity with id "${id.replace(".", "\\.")}"$`));
    }
  });

  test("GET /api/quotes: by speaker name or id, topic, kind, date; each linked to its article", async () => {
    const byName = (await get("/api/quotes?speaker=Putin")).json();
    assert.ok(byName.items.length > 0);
    for (const q of byName.items) {
      assert.match(q.speaker, /Putin/);
      assert.equal(q.articleId, "97d27bee81517207");
      assert.equal(typeof q.start, "number");
    }
    const smithId = (await get("/api/entities?name=john%20smith")).json().items[0].id;
    const byId = (await get(`/api/quotes?speakerId=${smithId}`)).json().items;
    assert.deepEqual(byId.map((q: any) => q.text), ["Acme Corp will cut about 1,200 jobs by the spring of 2023", "These are hard decisions,"]);
    assert.deepEqual((await get(`/api/quotes?speakerId=${smithId}&kind=direct`)).json().items.map((q: any) => q.cue), ["told"]);
    assert.equal((await get("/api/quotes?about=sleep")).json().items[0].title, "Study finds students sleep too little");
    assert.equal((await get("/api/quotes?speaker=Smith&from=2023-07-01&to=2023-07-31")).json().items.length, 1);
    assert.deepEqual((await get("/api/quotes?speaker=Nobody")).json(), { items: [], next: null });
  });

  test("GET /api/timeline: statements by the time they refer to, by entity, entity id or words", async () => {
    const byName = (await get("/api/timeline?entity=John%20Smith")).json().items;
    // The spring of 2023 starts on March 1, before the Thursday of March 2.
    assert.deepEqual(byName.map((t: any) => t.value), ["2023-01", "2023-SP", "2023-03-02", "2023-05-08"]);
    const spring = byName.find((t: any) => t.value === "2023-SP");
    assert.equal(spring.speaker, "John Smith");
    assert.equal(typeof spring.speakerId, "number");
    assert.equal(spring.published, "2023-03-02");
    const byId = (await get(`/api/timeline?entityId=${spring.speakerId}`)).json().items;
    assert.deepEqual(byId.map((t: any) => t.value), ["2023-01", "2023-SP", "2023-03-02"]);
    assert.deepEqual((await get("/api/timeline?q=market")).json().items.map((t: any) => t.value), ["2024"]);
    assertError(await get("/api/timeline"), 400, "bad_request", /needs entity, entityId or q/);
  });

  test("POST /api/analyze: an article's Analysis, nothing stored", async () => {
    const r = await send({ method: "POST", url: "/api/analyze", payload: { title: "Talks", text: "Vladimir Putin said on Monday that the talks would go on.", published: "2023-01-02" } });
    assert.equal(r.status, 200);
    const a = r.json();
    assert.equal(a.schema, "newsgraph.analysis/1");
    assert.equal(a.article.published, "2023-01-02");
    assert.ok(a.entities.some((e: any) => e.name === "Vladimir Putin"));
    assert.equal((await get("/api/stats")).json().articles, 5);
    assertError(await send({ method: "POST", url: "/api/analyze", payload: { title: "no text" } }), 400, "bad_request", /body: article has no text/);
    const html = '<html><head><meta property="og:site_name" content="Wire"><title>Talks</title></head><body><nav><a href="/">Home</a></nav><article><h1>Talks</h1><p>Vladimir Putin said on Monday that the talks would go on.</p></article></body></html>';
    const page = (await send({ method: "POST", url: "/api/analyze", payload: { html, url: "https://wire.example/talks" } })).json();
    assert.deepEqual([page.article.title, page.article.source, page.article.url], ["Talks", "Wire", "https://wire.example/talks"]);
    assert.ok(page.entities.some((e: any) => e.name === "Vladimir Putin"));
    assertError(await send({ method: "POST", url: "/api/analyze", payload: { html: "<form><button>Sign in</button></form>" } }), 400, "bad_request", /body: no article text found in the HTML page/);
  });

  test("POST /api/ingest: one article or many, each stored or failed alone, never twice", async () => {
    const article = { title: "Talks resume", text: "Xi Jinping said on Tuesday that the talks would resume.", source: "Wire", published: "2023-08-01" };
    const first = await send({ method: "POST", url: "/api/ingest", payload: article });
    assert.equal(first.status, 200);
    assert.deepEqual(first.json(), { read: 1, new: 1, updated: 0, unchanged: 0, failed: [] });
    const again = await send({ method: "POST", url: "/api/ingest", payload: { articles: [article, { title: "empty" }] } });
    assert.deepEqual(again.json(), { read: 1, new: 0, updated: 0, unchanged: 1, failed: [{ where: "articles[1]", reason: 'article has no text (field "text" or "body")' }] });
    assert.equal((await get("/api/stats")).json().articles, 6);
    assert.equal((await get("/api/search?q=resume")).json().items[0].title, "Talks resume");
  });
});

describe("errors: 4xx with the error shape, never a 500", () => {
  test("validation names the field", async () => {
    assertError(await get("/api/search"), 400, "bad_request", /querystring must have required property 'q'/);
    assertError(await get("/api/search?q="), 400, "bad_request", /querystring\/q must NOT have fewer than 1 characters/);
    assertError(await get("/api/quotes?limit=0"), 400, "bad_request", /querystring\/limit must be >= 1/);
    assertError(await get("/api/quotes?limit=101"), 400, "bad_request", /querystring\/limit must be <= 100/);
    assertError(await get("/api/quotes?limit=ten"), 400, "bad_request", /querystring\/limit must be integer/);
    assertError(await get("/api/quotes?offset=-1"), 400, "bad_request", /querystring\/offset must be >= 0/);
    assertError(await get("/api/quotes?kind=shouted"), 400, "bad_request", /querystring\/kind must be equal to one of the allowed values/);
    assertError(await get("/api/quotes?from=yesterday"), 400, "bad_request", /querystring\/from must match pattern/);
    assertError(await get("/api/quotes?from=2023-02-30"), 400, "bad_request", /^from takes a date/);
    assertError(await get("/api/search?q=a&q=b"), 400, "bad_request", /querystring\/q must be string/);
    assertError(await get(`/api/search?q=${"x".repeat(1001)}`), 400, "bad_request", /must NOT have more than 1000 characters/);
    // PostgreSQL text holds no NUL: refused before it reaches the database.
    assertError(await get("/api/search?q=a%00b"), 400, "bad_request", /querystring\/q must not contain a NUL character/);
    assertError(await get("/api/articles/%00"), 400, "bad_request", /params\/id must not contain a NUL character/);
  });

  test("bodies: bad JSON, wrong types, empty, wrong media type, too large", async () => {
    const post = (url: string, payload: string | object, contentType = "application/json") =>
      send({ method: "POST", url, payload, headers: { "content-type": contentType } });
    assertError(await post("/api/analyze", "{not json"), 400, "bad_request", /not valid JSON/);
    assertError(await post("/api/analyze", ""), 400, "bad_request", /body is empty/);
    assertError(await post("/api/analyze", "[1,2]"), 400, "bad_request", /body must be object/);
    assertError(await post("/api/analyze", { text: 42 }), 400, "bad_request", /body\/text must be string/);
    assertError(await post("/api/ingest", { articles: "many" }), 400, "bad_request", /body\/articles must be array/);
    assertError(await post("/api/ingest", { articles: Array.from({ length: 1001 }, () => ({ text: "x" })) }), 400, "bad_request", /must NOT have more than 1000 items/);
    assertError(await post("/api/analyze", "text=hello", "application/x-www-form-urlencoded"), 415, "unsupported_media_type", /send the body as application\/json/);
    assertError(await post("/api/analyze", "hello", "text/plain"), 415, "unsupported_media_type", /not text\/plain/);
    const big = JSON.stringify({ text: "word ".repeat(1_100_000) }); // 5.5 MB
    assertError(await post("/api/analyze", big), 413, "too_large", /larger than the 5 MB POST \/api\/analyze takes/);
    const r = await post("/api/ingest", big); // under ingest's 20 MB: read, analyzed and stored, not refused
    assert.notEqual(r.status, 413);
    assert.notEqual(r.status, 500);
  });

  test("unknown routes and methods", async () => {
    assertError(await get("/api/nothing"), 404, "not_found", /no route GET \/api\/nothing/);
    assertError(await send({ method: "DELETE", url: "/api/stats" }), 404, "not_found", /no route DELETE \/api\/stats/);
    assertError(await get("/api/articles/%E0%A4%A"), 400, "bad_request", /URL is not valid/);
  });
});

test("generated malformed requests: never a 500, every /api error in the error shape", async () => {
  const rng = new Rng(20_261_202);
  const seen = new Map<number, number>();
  for (let i = 0; i < 300; i++) {
    const request = malformedRequest(rng);
    const r = await server.app.inject(request);
    seen.set(r.statusCode, (seen.get(r.statusCode) ?? 0) + 1);
    assert.ok(r.statusCode < 500, `${request.method} ${request.url} answered ${r.statusCode}: ${r.body.slice(0, 300)}`);
    if (r.statusCode >= 400 && request.method !== "HEAD") assert.equal(JSON.parse(r.body).error.status, r.statusCode, `${request.method} ${request.url}`);
  }
  assert.ok((seen.get(400) ?? 0) > 50, `mostly refused, as they should be: ${JSON.stringify([...seen])}`);
});

test("pagination: pages of limit items, next is the offset of the next page, null on the last", async () => {
  const all = (await get("/api/quotes?limit=100")).json().items;
  assert.ok(all.length > 6);
  const seen: unknown[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const page: { items: unknown[]; next: number | null } = (await get(`/api/quotes?limit=3&offset=${offset}`)).json();
    assert.ok(page.items.length <= 3);
    seen.push(...page.items);
    offset = page.next;
  }
  assert.deepEqual(seen, all);
  const search = (await get("/api/search?q=jobs&limit=1")).json();
  assert.equal(search.next, 1);
  const second = (await get("/api/search?q=jobs&limit=1&offset=1")).json();
  assert.equal(second.items[0].rank, 2);
  assert.equal(second.next, null);
  assert.deepEqual((await get("/api/entities?name=smith&limit=2&offset=2")).json().next, null);
  assert.equal((await get("/api/entities?name=smith&limit=2")).json().next, 2);
});

test("ETag on GET answers; a matching If-None-Match gets a 304 with no body", async () => {
  const first = await get("/api/entities?name=smith");
  const tag = first.headers.etag as string;
  assert.match(tag, /^"[\w-]+"$/);
  assert.equal(first.headers["cache-control"], "no-cache");
  const again = await get("/api/entities?name=smith", { "if-none-match": tag });
  assert.equal(again.status, 304);
  assert.equal(again.body, "");
  assert.equal((await get("/api/entities?name=smith", { "if-none-match": `"other", W/${tag}` })).status, 304);
  const changed = await get("/api/entities?name=smith&limit=1", { "if-none-match": tag });
  assert.equal(changed.status, 200);
  assert.notEqual(changed.headers.etag, tag);
  assert.equal((await get("/api/entities/999999")).headers.etag, undefined, "no ETag on errors");
});

test("security headers: a CSP without inline scripts, nosniff, a referrer policy; /docs has its own CSP", async () => {
  for (const url of ["/api/stats", "/", "/entities/3"]) {
    const h = (await get(url)).headers;
    const csp = String(h["content-security-policy"]);
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src "));
    assert.equal(scriptSrc?.trim(), "script-src 'self'", url);
    assert.doesNotMatch(csp, /unsafe-inline'?\s*(;|$)[^]*script/);
    assert.equal(h["x-content-type-options"], "nosniff");
    assert.equal(h["referrer-policy"], "no-referrer");
  }
  const docs = await get("/docs");
  assert.equal(docs.status, 200);
  const docsCsp = String(docs.headers["content-security-policy"]);
  assert.match(docsCsp, /script-src 'self';/);
  assert.match(docsCsp, /style-src 'self' 'unsafe-inline'/);
});

test("/docs/json is an OpenAPI 3 document listing every route; /docs serves Swagger UI", async () => {
  const doc = (await get("/docs/json")).json();
  assert.match(doc.openapi, /^3\./);
  assert.deepEqual(Object.keys(doc.paths).sort(), [
    "/api/analyze", "/api/articles/{id}", "/api/entities", "/api/entities/{id}", "/api/ingest", "/api/quotes", "/api/search", "/api/stats", "/api/stories", "/api/stories/{id}", "/api/timeline",
  ]);
  assert.ok(doc.paths["/api/quotes"].get.parameters.some((p: any) => p.name === "speakerId" && p.in === "query"));
  assert.ok(doc.paths["/api/ingest"].post.requestBody);
  assert.ok(doc.components.schemas.Error && doc.components.schemas.Quote);
  const ui = await get("/docs");
  assert.match(ui.body, /swagger-ui-bundle\.js/);
  assert.equal((await get("/docs/static/swagger-ui-bundle.js")).status, 200);
});

test("the web UI: its files, and index.html for any other non-API path", async () => {
  const asset = await get("/assets/app.js");
  assert.equal(asset.status, 200);
  assert.match(String(asset.headers["content-type"]), /javascript/);
  for (const url of ["/", "/articles/abc", "/entities/3?tab=quotes"]) {
    const r = await get(url);
    assert.equal(r.status, 200, url);
    assert.match(String(r.headers["content-type"]), /^text\/html/);
    assert.match(r.body, /newsgraph ui/);
  }
  assertError(await get("/api/articles"), 404, "not_found", /no route/);
});

test("without web/dist, / says how to build the UI", async () => {
  const app = await buildServer({ store: server.store, webDir: join(work, "no-such-dir") });
  try {
    const r = await app.inject("/");
    assert.equal(r.statusCode, 200);
    assert.match(r.headers["content-type"] as string, /^text\/plain/);
    assert.match(r.body, /npm run build:web/);
    assert.equal((await app.inject("/api/stats")).statusCode, 200);
  } finally {
    await app.close();
  }
});

/**
 * Where `value` lacks a property its schema lists (`properties`, through `$ref`s to the document's components,
 * arrays item by item, `anyOf`/`oneOf` by their best alternative): the UI reads these fields, and a response schema
 * that names a field the route no longer fills would leave it undefined on the page without an error anywhere.
 */
function missingProperties(schema: any, value: unknown, doc: any, at = "$"): string[] {
  if (schema?.$ref) return missingProperties(doc.components.schemas[String(schema.$ref).split("/").pop()!], value, doc, at);
  const alternatives = schema?.anyOf ?? schema?.oneOf;
  if (alternatives) {
    const each = alternatives.map((s: any) => missingProperties(s, value, doc, at));
    return each.reduce((a: string[], b: string[]) => (b.length < a.length ? b : a));
  }
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => missingProperties(schema?.items, item, doc, `${at}[${i}]`));
  if (typeof value !== "object" || !schema?.properties) return [];
  const record = value as Record<string, unknown>;
  return Object.entries(schema.properties).flatMap(([key, sub]) =>
    key in record ? missingProperties(sub, record[key], doc, `${at}.${key}`) : [`${at}.${key}`],
  );
}

test("every GET answer carries every property its response schema lists", async () => {
  const doc = (await get("/docs/json")).json();
  const acme = encodeURIComponent("https://news.test/acme-cuts");
  const entity = (await get(`/api/articles/${acme}`)).json().entityLinks.e2;
  const story = (await get("/api/stories")).json().items[0]?.id;
  assert.ok(entity && story, "the fixture store has an entity and a story");
  const samples: Record<string, string> = {
    "/api/stats": "/api/stats",
    "/api/search": "/api/search?q=Putin",
    "/api/articles/{id}": `/api/articles/${acme}`,
    "/api/entities": "/api/entities?name=smith",
    "/api/entities/{id}": `/api/entities/${entity}`,
    "/api/quotes": "/api/quotes?speaker=Putin",
    "/api/timeline": "/api/timeline?q=Putin",
    "/api/stories": "/api/stories",
    "/api/stories/{id}": `/api/stories/${story}`,
  };
  const getPaths = Object.keys(doc.paths).filter((p) => doc.paths[p].get).sort();
  assert.deepEqual(getPaths, Object.keys(samples).sort(), "a sample URL for every GET route");
  for (const [path, url] of Object.entries(samples)) {
    const r = await get(url);
    assert.equal(r.status, 200, url);
    const schema = doc.paths[path].get.responses["200"].content["application/json"].schema;
    const body = r.json();
    assert.ok(Object.keys(body).length > 0, url);
    assert.deepEqual(missingProperties(schema, body, doc), [], url);
  }
});
