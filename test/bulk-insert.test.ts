/**
 * insertBulk (src/store/bulk-insert.ts): rows go as one array a column and come back as written, array columns
 * included (text with quotes and backslashes; int4 signatures, unsigned 32-bit values stored as their signed
 * twins); a conflict skips the row or adds to the stored value as asked, and without an option it fails the statement.
 */
import assert from "node:assert/strict";
import { sql } from "kysely";
import { after, describe, test } from "node:test";
import { insertBulk } from "../src/store/bulk-insert.js";
import { openStore } from "../src/store/db.js";
import { targets } from "./support/store.js";

for (const target of targets()) {
  describe(`insertBulk (${target.name})`, () => {
    after(() => target.cleanup());

    test("array columns round-trip; conflicts are skipped, added up, or refused", async () => {
      const store = await openStore(await target.prepare(), { create: true });
      try {
        const db = store.db;
        // One article row for the fingerprint's foreign key.
        const { pk } = await db
          .insertInto("articles")
          .values({ article_id: "a", content_hash: "h", input_hash: "i", analysis_hash: "x", analyzer: "t", title: "A", language: "en", text: "t", blocks: "[]", analysis: "{}", authors: [] })
          .returning("pk")
          .executeTakeFirstOrThrow();
        const signature = [0, 1, -1, 2 ** 31 - 1, 4_294_967_295];
        await insertBulk(db, "article_fingerprints", [{ article_pk: Number(pk), exact_key: 'k "1" \\ k', signature }]);
        const fp = await db.selectFrom("article_fingerprints").selectAll().executeTakeFirstOrThrow();
        assert.equal(fp.exact_key, 'k "1" \\ k');
        assert.deepEqual(fp.signature, [0, 1, -1, 2 ** 31 - 1, -1], "uint32 values are stored as signed int4");

        await insertBulk(db, "story_terms", [{ term: "harbour", df: 2 }, { term: 'say "hi"', df: 1 }]);
        await insertBulk(db, "story_terms", [{ term: "harbour", df: 3 }, { term: "storm", df: 1 }], { onConflict: { target: "term", add: "df" } });
        const terms = await db.selectFrom("story_terms").select(["term", "df"]).orderBy("term").execute();
        assert.deepEqual(terms, [{ term: "harbour", df: 5 }, { term: 'say "hi"', df: 1 }, { term: "storm", df: 1 }]);

        await insertBulk(db, "article_bands", [{ band_key: 7, article_pk: Number(pk) }]);
        await insertBulk(db, "article_bands", [{ band_key: 7, article_pk: Number(pk) }, { band_key: 8, article_pk: Number(pk) }], { onConflict: "nothing" });
        assert.deepEqual((await db.selectFrom("article_bands").select("band_key").orderBy("band_key").execute()).map((r) => r.band_key), [7, 8]);

        await assert.rejects(insertBulk(db, "story_terms", [{ term: "storm", df: 1 }]), /duplicate key|unique/i);
        const { rows } = await sql<{ df: number }>`select df from story_terms where term = 'storm'`.execute(db);
        assert.deepEqual(rows, [{ df: 1 }], "the refused statement changed nothing");
        await insertBulk(db, "story_terms", []);
      } finally {
        await store.close();
      }
    });
  });
}
