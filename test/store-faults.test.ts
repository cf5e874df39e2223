/**
 * Faults of the store, on PGlite and (with NEWSGRAPH_TEST_PG) on the server, each in a store of its own:
 *
 * - a store made by an older newsgraph (schema at migration 2, or 3) is migrated when opened, its rows kept;
 * - a disk that fills during an ingest (simulated: NEWSGRAPH_TEST_FAIL_WRITE makes the transaction that would take
 *   the process past N written articles fail with PostgreSQL's disk-full error, after its rows went in): a clear
 *   message, exit 1, every article stored whole or not at all; ingesting again once there is room finishes the rest.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { sql } from "kysely";
import { openStore } from "../src/store/db.js";
import { LATEST_VERSION, schemaVersion } from "../src/store/migrations/index.js";
import { articleById, quotes, search } from "../src/store/queries/index.js";
import { assertWholeArticles, cli, generatedArticles, ownDatabase } from "./support/store.js";

const work = mkdtempSync(join(tmpdir(), "ng-faults-"));
const drops: (() => Promise<void>)[] = [];
after(async () => {
  for (const drop of drops) await drop();
  rmSync(work, { recursive: true, force: true });
});

let n = 0;
const homes: { name: string; skip: string | false; fresh(): Promise<string> }[] = [
  { name: "PGlite", skip: false, fresh: async () => join(work, `store-${n++}`) },
  {
    name: "the server",
    skip: process.env.NEWSGRAPH_TEST_PG ? false : "NEWSGRAPH_TEST_PG is unset: no PostgreSQL server",
    async fresh() {
      const own = (await ownDatabase(`faults${n++}`))!;
      drops.push(own.drop);
      return own.url;
    },
  },
];

for (const home of homes) {
  describe(`store faults on ${home.name}`, { skip: home.skip }, () => {
    for (const version of [2, 3, 4, 5]) {
      test(`a store at schema version ${version} is migrated when opened: its articles, entities and quotes kept and found`, async () => {
        const location = await home.fresh();
        const old = await openStore(location, { create: true, migrateTo: version });
        assert.equal(await schemaVersion(old.db), version);
        // Rows as that version's newsgraph wrote them (the columns it had).
        const text = "Zebras escape the zoo\n\n\"They ran fast,\" keeper Anna Berg said.";
        const article = await sql<{ pk: number }>`insert into articles (article_id, content_hash, input_hash, analysis_hash, analyzer, title, language, published, published_date, text, blocks, analysis)
          values (${"old-1"}, ${"h"}, ${"i"}, ${"a"}, ${"old"}, ${"Zebras escape the zoo"}, ${"en"}, ${"2005-03-01"}, ${"2005-03-01"}, ${text}, ${'[{"kind": "title", "start": 0, "end": 21}]'}, ${'{"schema": "old", "spans": [1, 2]}'}) returning pk`.execute(old.db);
        const articlePk = article.rows[0]!.pk;
        const entity = await sql<{ pk: number }>`insert into entities (type, name, merge_key) values (${"PERSON"}, ${"Anna Berg"}, ${"PERSON:anna berg"}) returning pk`.execute(old.db);
        const entityPk = entity.rows[0]!.pk;
        const ae = await sql<{ pk: number }>`insert into article_entities (article_pk, local_id, entity_pk, name, type, aliases, name_keys, mention_count)
          values (${articlePk}, ${"e1"}, ${entityPk}, ${"Anna Berg"}, ${"PERSON"}, ${["Anna Berg"]}, ${["anna berg", "berg"]}, ${1}) returning pk`.execute(old.db);
        await sql`insert into quotes (article_pk, local_id, kind, text, cue, speaker_article_entity_pk, speaker_entity_pk, speaker_text, start_offset, end_offset)
          values (${articlePk}, ${"q1"}, ${"direct"}, ${"They ran fast,"}, ${"said"}, ${ae.rows[0]!.pk}, ${entityPk}, ${"keeper Anna Berg"}, ${24}, ${38})`.execute(old.db);
        if (version >= 5) {
          // What version 5's newsgraph also wrote: the quote's date, the record's names.
          await sql`update quotes set published_date = ${"2005-03-01"}`.execute(old.db);
          await sql`insert into entity_names (name_key, entity_pk) values (${"anna berg"}, ${entityPk}), (${"berg"}, ${entityPk})`.execute(old.db);
        }
        await old.close();

        const store = await openStore(location);
        try {
          assert.equal(await schemaVersion(store.db), LATEST_VERSION);
          assert.deepEqual((await search(store.db, { query: "zebra" })).map((h) => h.id), ["old-1"], "the search columns are filled for old rows");
          // Migration 6: the Analysis and blocks kept as JSON text, the same values.
          assert.deepEqual((await articleById(store.db, "old-1"))?.analysis, { schema: "old", spans: [1, 2] });
          const raw = await sql<{ blocks: unknown; type: string }>`select blocks, pg_typeof(analysis)::text as type from articles`.execute(store.db);
          assert.deepEqual(raw.rows.map((r) => [JSON.parse(String(r.blocks)), r.type]), [[[{ kind: "title", start: 0, end: 21 }], "text"]]);
          const q = await quotes(store.db, { speaker: "Berg" });
          assert.deepEqual(q.map((r) => [r.text, r.speaker, r.article]), [["They ran fast,", "Anna Berg", "old-1"]]);
          assert.equal((await quotes(store.db, { about: "fast" })).length, 1);
          // Migration 5 fills what the speaker's quotes are found by: the quotes' dates and the records' names.
          assert.deepEqual(await store.db.selectFrom("quotes").select("published_date").execute(), [{ published_date: "2005-03-01" }]);
          assert.deepEqual(
            (await store.db.selectFrom("entity_names").select(["name_key", "entity_pk"]).orderBy("name_key").execute()).map((r) => [r.name_key, r.entity_pk]),
            [["anna berg", entityPk], ["berg", entityPk]],
          );
          assert.deepEqual((await quotes(store.db, { speaker: "Anna Berg", from: "2005-03", to: "2005-03" })).length, 1);
          assert.deepEqual(await quotes(store.db, { speaker: "Anna Berg", from: "2005-04" }), []);
        } finally {
          await store.close();
        }
      });
    }

    test("a disk that fills during ingest: a clear message, exit 1, no half-written article; with room again, ingest finishes the rest", { timeout: 120_000 }, async () => {
      const input = join(work, `disk-full-${n}.jsonl`);
      writeFileSync(input, generatedArticles(30, "full").join("\n") + "\n");
      const location = await home.fresh();
      const args = ["ingest", input, "--db", location, "--workers", "0", "--batch", "5", "--no-progress"];
      const full = await cli(args, { NEWSGRAPH_TEST_FAIL_WRITE: "12" });
      assert.equal(full.code, 1, full.stderr);
      assert.match(full.stderr, /ingest stopped into .*: 10 read, 10 new, 0 updated, 0 unchanged, 0 failed/);
      assert.match(full.stderr, /stopped: the store cannot take more \(could not extend file .*No space left on device.*\); every batch written so far is complete/);
      assert.doesNotMatch(full.stderr, /\n\s+at /, "no stack trace");

      const store = await openStore(location);
      try {
        await assertWholeArticles(store, 10);
      } finally {
        await store.close();
      }
      const again = await cli(args);
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stderr, /30 read, 20 new, 0 updated, 10 unchanged, 0 failed/);
      const done = await openStore(location);
      try {
        await assertWholeArticles(done, 30);
      } finally {
        await done.close();
      }
    });
  });
}

test("an article too large to analyze fails alone, saying so; the others are stored", { timeout: 60_000 }, async () => {
  const input = join(work, "huge.jsonl");
  const huge = JSON.stringify({ title: "Everything at once", text: "The council met again. ".repeat(100_000) });
  writeFileSync(input, [generatedArticles(2, "huge")[0], huge, generatedArticles(2, "huge")[1]].join("\n") + "\n");
  const r = await cli(["ingest", input, "--db", join(work, "huge-store"), "--workers", "0", "--no-progress"]);
  assert.equal(r.code, 0, r.stderr);
  // The readers refuse it (src/readers/article-id.ts), as they refuse a line that is not JSON: not read, failed.
  assert.match(r.stderr, /2 read, 2 new, 0 updated, 0 unchanged, 1 failed/);
  assert.match(r.stderr, /failed: .*huge\.jsonl:2: too large to analyze: 2\.3 million characters of text \(the limit is 2 million\)/);
});
