import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { sql } from "kysely";
import { agrees, mergeKey } from "../src/store/cross-entities.js";
import { publishedDate, timexRange } from "../src/store/dates.js";
import { openStore, type Store } from "../src/store/db.js";
import { formatRows } from "../src/store/format.js";
import { ingest } from "../src/store/ingest.js";
import { LATEST_VERSION, schemaVersion } from "../src/store/migrations/index.js";
import { entity, quotes, QUOTE_COLUMNS, search, SEARCH_COLUMNS, stats, timeline } from "../src/store/queries/index.js";
import { analyzerFor, ARTICLES, targets, writeJsonl, type ArticleSpec } from "./support/store.js";

const work = mkdtempSync(join(tmpdir(), "ng-store-input-"));
const input = writeJsonl(work, "articles.jsonl", ARTICLES, ["not json at all"]);
const analyze = analyzerFor(ARTICLES);

for (const target of targets()) {
  describe(`store on ${target.name}`, { concurrency: false }, () => {
    let location = "";
    let store: Store;
    after(async () => {
      await store?.close();
      target.cleanup();
    });

    test("an older schema (migration 1 only) is brought up to date, its rows kept and searchable", async () => {
      location = await target.prepare();
      const old = await openStore(location, { create: true, migrateTo: 1 });
      assert.equal(await schemaVersion(old.db), 1);
      await sql`insert into articles (article_id, content_hash, input_hash, analysis_hash, analyzer, title, language, text, blocks, analysis)
        values (${"old-1"}, ${"h"}, ${"i"}, ${"a"}, ${"old"}, ${"Zebras escape the zoo"}, ${"en"}, ${"Zebras escape the zoo\n\nThree zebras ran."}, ${"[]"}, ${"{}"})`.execute(old.db);
      await old.close();
      store = await openStore(location);
      assert.equal(await schemaVersion(store.db), LATEST_VERSION);
      const hits = await search(store.db, { query: "zebra" });
      assert.deepEqual(hits.map((h) => h.id), ["old-1"]);
      await store.db.deleteFrom("articles").where("article_id", "=", "old-1").execute();
    });

    test("search ranks by title and lead: a title match comes before an older article that says it more often further down", async () => {
      const body = "Markets moved.\n\nTraders waited." + "\n\nThe walrus count rose again.".repeat(6);
      const rows = [
        ["rank-body", "Markets move", "2024-05-02", `Markets move\n\n${body}`],
        ["rank-title", "Walrus spotted in harbour", "2020-01-01", "Walrus spotted in harbour\n\nA boat crew saw it.\n\nIt left later."],
        ["rank-lead", "Harbour news", "2022-01-01", "Harbour news\n\nA walrus was seen near the pier.\n\nIt swam off."],
      ];
      for (const [id, title, date, text] of rows) {
        await sql`insert into articles (article_id, content_hash, input_hash, analysis_hash, analyzer, title, language, published, published_date, text, blocks, analysis)
          values (${id}, ${id}, ${"i"}, ${"a"}, ${"test"}, ${title}, ${"en"}, ${date}, ${date}, ${text}, ${"[]"}, ${"{}"})`.execute(store.db);
      }
      try {
        const hits = await search(store.db, { query: "walrus" });
        assert.deepEqual(hits.map((h) => h.id), ["rank-title", "rank-lead", "rank-body"], "title, then lead, then the rest of the text");
        assert.ok(hits[0]!.score > hits[1]!.score && hits[1]!.score > hits[2]!.score);
        assert.match(hits[2]!.snippet, /\*\*walrus\*\*/, "snippets still come from the whole text");
      } finally {
        await store.db.deleteFrom("articles").where("article_id", "like", "rank-%").execute();
      }
    });

    test("an interrupted ingest keeps whole batches; running it again finishes the rest without duplicates", async () => {
      const controller = new AbortController();
      const first = await ingest(store, [input], { analyze, batchSize: 2, signal: controller.signal, onProgress: () => controller.abort() });
      assert.equal(first.interrupted, true);
      assert.equal(first.new, 2);
      assert.equal((await stats(store)).articles, 2);
      const second = await ingest(store, [input], { analyze, batchSize: 2 });
      assert.equal(second.interrupted, false);
      assert.deepEqual([second.read, second.new, second.updated, second.unchanged, second.failed], [4, 2, 0, 2, 1]);
      assert.deepEqual(second.failures.map((f) => f.origin), [`${input}:5`]);
      assert.match(second.failures[0]!.reason, /not JSON/);
      assert.equal((await stats(store)).articles, 4);
    });

    test("re-ingesting never duplicates: unchanged, forced, changed text, same text under another id", async () => {
      const again = await ingest(store, [input], { analyze });
      assert.deepEqual([again.new, again.updated, again.unchanged], [0, 0, 4]);
      const forced = await ingest(store, [input], { analyze, force: true });
      assert.deepEqual([forced.new, forced.updated, forced.unchanged], [0, 0, 4], "same analysis: unchanged");

      const changed: ArticleSpec[] = ARTICLES.map((a) => ({ ...a }));
      changed[0] = {
        ...ARTICLES[0]!,
        paragraphs: [ARTICLES[0]!.paragraphs[0]!, "\"These are very hard decisions,\" Smith told reporters in Berlin."],
        quotes: [ARTICLES[0]!.quotes![0]!, { ...ARTICLES[0]!.quotes![1]!, text: "These are very hard decisions," }],
      };
      const changedInput = writeJsonl(work, "changed.jsonl", changed);
      const updated = await ingest(store, [changedInput], { analyze: analyzerFor(changed) });
      assert.deepEqual([updated.new, updated.updated, updated.unchanged], [0, 1, 3]);
      const q = await quotes(store.db, { about: "decisions" });
      assert.deepEqual(q.map((r) => r.text), ["These are very hard decisions,"], "the old quote is replaced, not kept beside the new");

      // The same text read from a plain-text file (no url, another id): the stored article, updated, not a new one.
      const moved = writeJsonl(work, "moved.jsonl", [{ ...changed[1]!, url: null, source: "Campus Times" }]);
      const same = await ingest(store, [moved], { analyze: analyzerFor([changed[1]!]) });
      assert.equal(same.new, 0);
      assert.equal(same.updated + same.unchanged, 1);
      assert.equal((await stats(store)).articles, 4);
      // Back to the original inputs.
      const back = await ingest(store, [input], { analyze });
      assert.equal(back.new, 0);
      assert.equal((await stats(store)).articles, 4);
    });

    test("search: ranked, stemmed, highlighted; filters by date and source; nothing is an empty array", async () => {
      const hits = await search(store.db, { query: "job cuts" });
      assert.deepEqual(new Set(hits.map((h) => h.title)), new Set(["Acme to cut 1,200 jobs", "Acme chief defends cuts"]));
      assert.ok(hits.every((h) => h.snippet.includes("**")), "snippets highlight the words");
      assert.deepEqual(hits.map((h) => h.rank), [1, 2]);
      assert.deepEqual((await search(store.db, { query: "acme", from: "2023-04" })).map((h) => h.title), ["Acme chief defends cuts"]);
      assert.deepEqual((await search(store.db, { query: "acme", to: "2023-03" })).map((h) => h.title), ["Acme to cut 1,200 jobs"]);
      assert.deepEqual((await search(store.db, { query: "sleep", source: "campus times" })).length, 1);
      assert.deepEqual(await search(store.db, { query: "sleep", source: "Daily Planet" }), []);
      assert.deepEqual(await search(store.db, { query: "xylophone" }), []);
      assert.deepEqual(await search(store.db, { query: "acme -defended" }).then((h) => h.map((x) => x.title)), ["Acme to cut 1,200 jobs"]);
      assert.equal((await search(store.db, { query: "acme", limit: 1 })).length, 1);
    });

    test("cross-article entities: one Acme John Smith over two articles; the MIT professor and a bare Smith stay apart", async () => {
      const johns = await entity(store.db, "John Smith");
      assert.equal(johns.length, 2);
      const [acme, professor] = johns;
      assert.equal(acme!.articles, 2);
      assert.deepEqual(acme!.titles, ["chief executive"]);
      assert.deepEqual(acme!.affiliations, ["Acme Corp"]);
      assert.equal(acme!.quotes, 2);
      assert.equal(acme!.first_seen, "2023-03-02");
      assert.equal(acme!.last_seen, "2023-06-01");
      assert.equal(acme!.type, "PERSON");
      assert.deepEqual(acme!.appears_with[0], { id: acme!.appears_with[0]!.id, name: "Acme Corp", type: "ORG", articles: 2 });
      assert.equal(professor!.articles, 1);
      assert.deepEqual(professor!.affiliations, ["MIT"]);
      // "Smith": the Acme one (called Smith in an article) and the bare Smith; never the professor, never one record.
      const smiths = await entity(store.db, "smith");
      assert.equal(smiths.length, 2);
      assert.ok(!smiths.some((s) => s.id === professor!.id));
      assert.ok(smiths.some((s) => s.id === acme!.id));
      const bare = smiths.find((s) => s.id !== acme!.id)!;
      assert.equal(bare.name, "Smith");
      assert.equal(bare.articles, 1);
      assert.deepEqual(await entity(store.db, "Nobody Atall"), []);
      const acmeCorp = await entity(store.db, "ACME CORP");
      assert.equal(acmeCorp.length, 1);
      assert.equal(acmeCorp[0]!.articles, 2);
      // Every article-level entity is linked to its record.
      const unlinked = await store.db.selectFrom("article_entities").select("pk").where("entity_pk", "is", null).execute();
      assert.equal(unlinked.length, 0);
    });

    test("quotes: by speaker (any name), about a term, by date and source", async () => {
      const all = await quotes(store.db);
      assert.equal(all.length, 4);
      assert.deepEqual(all.map((q) => q.published), ["2023-07-01", "2023-05-10", "2023-03-02", "2023-03-02"], "newest first");
      const john = await quotes(store.db, { speaker: "John Smith" });
      assert.equal(john.length, 3, "both John Smiths: the name is ambiguous");
      const smith = await quotes(store.db, { speaker: "Smith" });
      assert.deepEqual(smith.map((q) => q.text).sort(), ["Acme Corp will cut about 1,200 jobs by the spring of 2023", "These are hard decisions,", "the market would recover in 2024"]);
      const acme = await quotes(store.db, { speaker: "John Smith", source: "daily planet" });
      assert.deepEqual(acme.map((q) => q.kind), ["indirect", "direct"]);
      assert.deepEqual(acme.map((q) => q.cue), ["said", "told"]);
      assert.deepEqual((await quotes(store.db, { about: "sleeping" })).map((q) => q.speaker), ["John Smith"]);
      assert.deepEqual((await quotes(store.db, { from: "2023-06", to: "2023-12-31" })).map((q) => q.source), ["Wire"]);
      assert.deepEqual(await quotes(store.db, { speaker: "Vladimir Putin" }), []);
    });

    test("timeline: by the time referred to, not publication; by term and entity; date filters", async () => {
      const rows = await timeline(store.db);
      assert.deepEqual(rows.map((r) => r.value), ["2023-01", "2023-SP", "2023-03-02", "2023-05-08", "2024"]);
      assert.equal(rows[0]!.published, "2023-06-01", "January comes first though its article came out in June");
      assert.equal(rows[1]!.date, "2023-03-01");
      assert.equal(rows[1]!.until, "2023-06-01");
      assert.equal(rows[1]!.speaker, "John Smith");
      assert.match(rows[1]!.statement, /^Acme Corp will cut about 1,200 jobs/);
      const john = await timeline(store.db, { entity: "John Smith" });
      assert.deepEqual(john.map((r) => r.value), ["2023-01", "2023-SP", "2023-03-02", "2023-05-08"], "not the bare Smith's 2024");
      assert.deepEqual((await timeline(store.db, { term: "market" })).map((r) => r.value), ["2024"]);
      assert.deepEqual((await timeline(store.db, { from: "2023-05", to: "2023-12" })).map((r) => r.value), ["2023-SP", "2023-05-08"]);
      assert.deepEqual(await timeline(store.db, { entity: "Nobody Atall" }), []);
    });

    test("stats: counts and size on disk", async () => {
      const s = await stats(store);
      assert.equal(s.articles, 4);
      assert.equal(s.quotes, 4);
      assert.equal(s.timexes, 5);
      assert.equal(s.sources, 3);
      assert.equal(s.article_entities, 8);
      assert.equal(s.entities, 6, "Acme Corp, Acme John Smith, Berlin, MIT John Smith, MIT, bare Smith");
      assert.equal(s.first_published, "2023-03-02");
      assert.ok(s.size_bytes > 0);
      assert.equal(s.schema_version, LATEST_VERSION);
    });

    test("a failing analysis fails that article alone, with its file and line", async () => {
      const extra: ArticleSpec = { ...ARTICLES[3]!, title: "An article nobody can analyze", url: "https://news.test/broken" };
      const path = writeJsonl(work, "broken.jsonl", [extra]);
      const summary = await ingest(store, [path, input], { analyze: (a) => (a.title === extra.title ? (() => { throw new Error("boom"); })() : analyze(a)) });
      assert.equal(summary.failed, 2);
      const reasons = new Map(summary.failures.map((f) => [f.origin, f.reason]));
      assert.equal(reasons.get(`${path}:1`), "analysis failed: boom");
      assert.match(reasons.get(`${input}:5`) ?? "", /not JSON/);
      assert.equal(summary.unchanged, 4);
      assert.equal((await stats(store)).articles, 4);
    });

    test("a store written by a newer newsgraph is refused, not taken for damaged", async () => {
      await store.db.insertInto("newsgraph_migrations").values({ version: 99, name: "from the future" }).execute();
      await store.close();
      await assert.rejects(openStore(location), /has schema version 99, newer than this newsgraph knows \(\d+\); upgrade newsgraph/);
    });
  });
}

test("formats: JSON is an array of plain objects, CSV a header and quoted rows, a table aligned columns", () => {
  const rows = [{ rank: 1, title: 'Say "hi", world', snippet: "a\nb", tags: ["x", "y"], none: null }];
  const columns = ["rank", "title", "snippet", "tags", "none"];
  assert.deepEqual(JSON.parse(formatRows(rows, columns, "json")), rows);
  assert.equal(formatRows([], columns, "json"), "[]\n");
  assert.equal(formatRows(rows, columns, "csv"), 'rank,title,snippet,tags,none\r\n1,"Say ""hi"", world","a\nb",x; y,\r\n');
  assert.equal(formatRows([], columns, "csv"), "rank,title,snippet,tags,none\r\n");
  const table = formatRows([...rows, { rank: 10, title: "short", snippet: "s", tags: [], none: null }], columns, "table").split("\n");
  assert.match(table[0]!, /^RANK {2}TITLE {12}SNIPPET {2}TAGS {2}NONE$/);
  assert.equal(table[1]!.indexOf("Say"), table[0]!.indexOf("TITLE"));
  assert.equal(table[2]!.indexOf("short"), table[0]!.indexOf("TITLE"));
  const narrow = formatRows([{ a: "x".repeat(200), b: "y" }], ["a", "b"], "table", { width: 40 }).split("\n");
  assert.ok(narrow.every((l) => [...l].length <= 40), "fits the terminal");
  assert.match(narrow[1]!, /…/);
  assert.deepEqual(SEARCH_COLUMNS.slice(0, 3), ["rank", "score", "published"]);
  assert.ok(QUOTE_COLUMNS.includes("speaker"));
});

test("TIMEX3 values as date ranges: days, months, years, weeks, quarters, halves, seasons, decades; none for the rest", () => {
  const r = (type: string, value: string) => {
    const range = timexRange(type, value);
    return range ? `${range.start}/${range.end}` : null;
  };
  assert.equal(r("DATE", "2022-12-31"), "2022-12-31/2023-01-01");
  assert.equal(r("TIME", "2022-12-30T15:00"), "2022-12-30/2022-12-31");
  assert.equal(r("TIME", "2022-12-30TMO"), "2022-12-30/2022-12-31");
  assert.equal(r("DATE", "2023-02"), "2023-02-01/2023-03-01");
  assert.equal(r("DATE", "2023"), "2023-01-01/2024-01-01");
  assert.equal(r("DATE", "2023-W01"), "2023-01-02/2023-01-09");
  assert.equal(r("DATE", "2020-W53-5"), "2021-01-01/2021-01-02");
  assert.equal(r("DATE", "2023-Q4"), "2023-10-01/2024-01-01");
  assert.equal(r("DATE", "2023-H1"), "2023-01-01/2023-07-01");
  assert.equal(r("DATE", "2022-WI"), "2022-12-01/2023-03-01");
  assert.equal(r("DATE", "199"), "1990-01-01/2000-01-01");
  assert.equal(r("DATE", "19"), "1900-01-01/2000-01-01");
  // The last day there is: its range ends on 10000-01-01 (found by the fuzzer: toISOString wrote "+010000-01").
  assert.equal(r("DATE", "9999-12-31"), "9999-12-31/10000-01-01");
  assert.equal(r("TIME", "9999-12-31T22:00"), "9999-12-31/10000-01-01");
  assert.equal(r("DATE", "9999"), "9999-01-01/10000-01-01");
  assert.equal(r("DATE", "0050"), "0050-01-01/0051-01-01");
  for (const v of ["0000", "0000-01", "000", "PAST_REF", "PRESENT_REF", "XXXX-12-25", "XXXX-WXX-5", "2023-02-30", "2023-13"]) assert.equal(r("DATE", v), null, v);
  assert.equal(r("DURATION", "P10M"), null);
  assert.equal(r("SET", "P1Y"), null);
  assert.equal(publishedDate("2023-03-14T09:30:00Z"), "2023-03-14");
  assert.equal(publishedDate("2023-03"), "2023-03-01");
  assert.equal(publishedDate(null), null);
  assert.equal(publishedDate("0000-01-01"), null);
});

test("cross-article keys: a person by first and last name; a one-word name never; countries by code", () => {
  assert.equal(mergeKey({ name: "Donald J. Trump", type: "PERSON" }), "PERSON:donald trump");
  assert.equal(mergeKey({ name: "Mr. Donald Trump Jr.", type: "PERSON" }), "PERSON:donald trump");
  assert.equal(mergeKey({ name: "José Álvarez", type: "PERSON" }), "PERSON:jose alvarez");
  assert.equal(mergeKey({ name: "Trump", type: "PERSON" }), null);
  assert.equal(mergeKey({ name: "Mrs. Clinton", type: "PERSON" }), null, "an honorific and a surname is still one name");
  assert.notEqual(mergeKey({ name: "Hillary Clinton", type: "PERSON" }), mergeKey({ name: "Bill Clinton", type: "PERSON" }));
  assert.equal(mergeKey({ name: "U.S.", type: "GPE" }), mergeKey({ name: "United States", type: "GPE" }));
  assert.equal(mergeKey({ name: "ACME Corp.", type: "ORG" }), mergeKey({ name: "Acme Corp", type: "ORG" }));
  assert.notEqual(mergeKey({ name: "Apple", type: "ORG" }), mergeKey({ name: "Apple", type: "PRODUCT" }));
  assert.equal(agrees({ titles: ["chief executive"], affiliations: ["Acme"] }, { titles: ["professor"], affiliations: ["MIT"] }), false);
  assert.equal(agrees({ titles: ["President"], affiliations: ["Russia"] }, { titles: ["Russian President"], affiliations: ["Kremlin"] }), true);
  assert.equal(agrees({ titles: ["Foreign Secretary"], affiliations: ["UK"] }, { titles: ["Prime Minister"], affiliations: ["UK"] }), true);
  assert.equal(agrees({ titles: [], affiliations: [] }, { titles: ["professor"], affiliations: ["MIT"] }), true);
});
