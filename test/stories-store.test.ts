/**
 * Duplicates and stories in the store: linked at ingest (a re-post to its original, with its similarity; reports of
 * one event into one story, another event apart), compared per outlet, listed, and rebuilt the same.
 */
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { sql } from "kysely";
import { buildServer } from "../src/server/app.js";
import { openStore } from "../src/store/db.js";
import { ingest } from "../src/store/ingest.js";
import { stories, storyById } from "../src/store/queries/index.js";
import { rebuildStories } from "../src/store/stories/rebuild.js";
import { analyzerFor, targets, writeJsonl, type ArticleSpec } from "./support/store.js";
import { QUAKE_SENTENCES } from "./support/story-specs.js";

const original: ArticleSpec = {
  url: "https://wire.example/izmir-quake",
  source: "Wire",
  published: "2024-05-03",
  title: "Earthquake strikes Izmir, buildings collapse",
  paragraphs: [...QUAKE_SENTENCES, '"We are working without pause," said Mehmet Ersoy of AFAD.'],
  entities: [
    { id: "e1", name: "Izmir", type: "GPE", mentions: ["Izmir", "Izmir", "Izmir"] },
    { id: "e2", name: "AFAD", type: "ORG", mentions: ["AFAD", "AFAD"] },
    { id: "e3", name: "Mehmet Ersoy", type: "PERSON", mentions: ["Mehmet Ersoy"] },
  ],
  quotes: [{ text: "We are working without pause,", kind: "direct", cue: "said", speaker: "e3", speakerText: "Mehmet Ersoy" }],
  timexes: [{ text: "Friday", type: "DATE", value: "2024-05-03" }],
};

/** The wire story re-posted by an aggregator: its headline changed, a sentence dropped. */
const repost: ArticleSpec = {
  ...original,
  url: "https://aggregator.example/turkey-quake",
  source: "Aggregator",
  published: "2024-05-03",
  title: "Turkey quake: Izmir buildings collapse",
  paragraphs: original.paragraphs.filter((_, i) => i !== 4),
};

/** The same event in another outlet's own words, with a speaker the wire does not quote. */
const ownReport: ArticleSpec = {
  url: "https://daily.example/izmir",
  source: "Daily",
  published: "2024-05-04",
  title: "Izmir earthquake: rescuers search rubble for survivors",
  paragraphs: [
    "Rescue teams from AFAD pulled survivors from collapsed apartment blocks in Izmir after Friday's earthquake.",
    "The magnitude 7.1 quake collapsed buildings and injured hundreds of people across Izmir, officials said.",
    '"The city will rebuild," said Tunc Soyer, the mayor of Izmir, as aftershocks shook the rubble.',
  ],
  entities: [
    { id: "e1", name: "AFAD", type: "ORG", mentions: ["AFAD"] },
    { id: "e2", name: "Izmir", type: "GPE", mentions: ["Izmir", "Izmir", "Izmir"] },
    { id: "e3", name: "Tunc Soyer", type: "PERSON", mentions: ["Tunc Soyer"] },
  ],
  quotes: [{ text: "The city will rebuild,", kind: "direct", cue: "said", speaker: "e3", speakerText: "Tunc Soyer" }],
  timexes: [{ text: "Friday", type: "DATE", value: "2024-05-03" }],
};

/** Another event: a takeover, the same week. */
const takeover: ArticleSpec = {
  url: "https://wire.example/acme-globex",
  source: "Wire",
  published: "2024-05-04",
  title: "Acme agrees to buy Globex for $4bn",
  paragraphs: [
    "Acme Corp agreed to buy Globex for four billion dollars, creating the largest maker of industrial widgets.",
    "Shares in Globex rose sharply on the news, while analysts questioned the price Acme Corp had offered.",
  ],
  entities: [
    { id: "e1", name: "Acme Corp", type: "ORG", mentions: ["Acme Corp", "Acme Corp"] },
    { id: "e2", name: "Globex", type: "ORG", mentions: ["Globex", "Globex"] },
  ],
};

const SPECS = [original, takeover, repost, ownReport];

for (const target of targets()) {
  describe(`stories in the store (${target.name})`, () => {
    after(() => target.cleanup());

    test("a re-post links to the original, one event is one story across outlets, another is apart; rebuild agrees", async () => {
      const store = await openStore(await target.prepare(), { create: true });
      try {
        const dir = mkdtempSync(join(tmpdir(), "ng-stories-"));
        await ingest(store, [writeJsonl(dir, "a.jsonl", SPECS)], { analyze: analyzerFor(SPECS), workers: 0, batchSize: 2 });
        const rows = await store.db.selectFrom("articles").select(["article_id", "duplicate_of", "story_pk", "pk"]).orderBy("pk").execute();
        const by = new Map(rows.map((r) => [r.article_id, r]));
        const [o, t, r, d] = SPECS.map((s) => by.get(s.url!)!);
        assert.equal(r!.duplicate_of, o!.pk, "the re-post repeats the wire story");
        assert.equal(o!.duplicate_of, null);
        assert.equal(d!.duplicate_of, null, "an outlet's own report is no duplicate");
        assert.equal(r!.story_pk, o!.story_pk);
        assert.equal(d!.story_pk, o!.story_pk, "the Daily's report joins the story");
        assert.notEqual(t!.story_pk, o!.story_pk, "the takeover is another story");

        const detail = (await storyById(store.db, o!.story_pk!))!;
        assert.equal(detail.articles, 3);
        assert.equal(detail.duplicates, 1);
        const outlet = (name: string) => detail.outlets_coverage.find((c) => c.outlet === name)!;
        assert.deepEqual(outlet("Daily").only_quotes.map((q) => q.speaker), ["Tunc Soyer"]);
        assert.deepEqual(outlet("Daily").only_entities.map((e) => e.name), ["Tunc Soyer"]);
        assert.deepEqual(outlet("Wire").only_quotes, [], "the aggregator carries the wire's quote too");
        assert.deepEqual(outlet("Aggregator").articles[0]!.duplicate_of, original.url);
        assert.ok(outlet("Aggregator").articles[0]!.similarity! >= 0.5);
        assert.deepEqual(outlet("Wire").speakers, [{ name: "Mehmet Ersoy", entity: outlet("Wire").speakers[0]!.entity, quotes: 1 }]);
        assert.equal(detail.outlets_coverage[0]!.first_published, "2024-05-03", "outlets in order of publication");

        const list = await stories(store.db, { entity: "Tunc Soyer" });
        assert.deepEqual(list.map((s) => s.id), [o!.story_pk]);
        assert.deepEqual(await stories(store.db, { to: "2024-05-02" }), []);
        assert.equal(await storyById(store.db, 999_999), null);

        // The API: the list, one story, and what is not a story.
        const app = await buildServer({ store, analyze: analyzerFor(SPECS) });
        try {
          const page = (await app.inject("/api/stories?entity=AFAD")).json();
          assert.deepEqual(page.items.map((s: { id: number }) => s.id), [o!.story_pk]);
          assert.equal(page.next, null);
          const firstOnly = (await app.inject("/api/stories?limit=1")).json();
          assert.equal(firstOnly.items.length, 1);
          assert.equal(firstOnly.next, 1);
          const one = await app.inject(`/api/stories/${o!.story_pk}`);
          assert.equal(one.statusCode, 200);
          const body = one.json();
          assert.equal(body.duplicates, 1);
          assert.deepEqual(body.outlets.map((x: { outlet: string }) => x.outlet).sort(), ["Aggregator", "Daily", "Wire"]);
          assert.equal(body.outlets.find((x: { outlet: string }) => x.outlet === "Aggregator").articles[0].duplicateOf, original.url);
          assert.equal(body.headline, original.title, "the list's fields: the headline of its first article");
          assert.equal(page.items[0].headline, original.title);
          // The timeline by the time referred to: the wire's Friday, then the Daily's; the re-post's is its original's.
          assert.deepEqual(
            body.timeline.map((e: Record<string, unknown>) => [e.date, e.until, e.value, e.mod, e.when, e.outlet, e.articleId, e.title, e.published]),
            [
              ["2024-05-03", "2024-05-04", "2024-05-03", null, "Friday", "Wire", original.url, original.title, "2024-05-03"],
              ["2024-05-03", "2024-05-04", "2024-05-03", null, "Friday", "Daily", ownReport.url, ownReport.title, "2024-05-04"],
            ],
          );
          assert.equal(body.timeline[0].statement, QUAKE_SENTENCES[0]);

          // The article endpoint: the story each is in, the article a copy repeats, the copies of an original.
          const article = async (spec: ArticleSpec) => (await app.inject(`/api/articles/${encodeURIComponent(spec.url!)}`)).json();
          const copy = await article(repost);
          assert.deepEqual(copy.story, { id: o!.story_pk, label: detail.label, articles: 3 });
          const { similarity, ...repeated } = copy.duplicateOf;
          assert.deepEqual(repeated, { id: original.url, title: original.title, source: "Wire", published: "2024-05-03" });
          assert.ok(similarity >= 0.5 && similarity <= 1, `similarity ${similarity}`);
          assert.deepEqual(copy.duplicates, []);
          const wire = await article(original);
          assert.equal(wire.duplicateOf, null);
          assert.deepEqual(wire.duplicates, [{ id: repost.url, title: repost.title, source: "Aggregator", published: "2024-05-03", similarity }]);
          const other = await article(takeover);
          assert.deepEqual([other.story.id, other.story.articles, other.duplicateOf, other.duplicates], [t!.story_pk, 1, null, []]);
          // An unknown or non-numeric id names no story: 404 with the error shape, never a 400 or a 500.
          for (const id of ["999999", "abc", "0", "1.5", "-1", "99999999999999999999"]) {
            const res = await app.inject(`/api/stories/${id}`);
            assert.equal(res.statusCode, 404, id);
            assert.deepEqual(res.json(), { error: { status: 404, code: "not_found", message: `no story with id "${id}"` } }, id);
          }
        } finally {
          await app.close();
        }

        const rebuilt = await rebuildStories(store);
        assert.equal(rebuilt.articles, 4);
        assert.equal(rebuilt.duplicates, 1);
        const again = await store.db.selectFrom("articles").select(["article_id", "story_pk", "duplicate_of"]).orderBy("pk").execute();
        const same = (id: string) => again.find((a) => a.article_id === id)!.story_pk;
        assert.equal(same(repost.url!), same(original.url!));
        assert.equal(same(ownReport.url!), same(original.url!));
        assert.notEqual(same(takeover.url!), same(original.url!));
      } finally {
        await store.close();
      }
    });

    test("a batch whose stories fail to link is not stored either: each article goes in again, with its story", async () => {
      const store = await openStore(await target.prepare(), { create: true });
      process.env.NEWSGRAPH_TEST_FAIL_LINK = "1"; // the first batch's link fails once its rows are in
      try {
        const dir = mkdtempSync(join(tmpdir(), "ng-stories-"));
        const s = await ingest(store, [writeJsonl(dir, "a.jsonl", SPECS)], { analyze: analyzerFor(SPECS), workers: 0, batchSize: 2 });
        // The failed batch is written again article by article (the fault is spent), each with its story.
        assert.deepEqual([s.new, s.failed], [4, 0]);
        const rows = await store.db.selectFrom("articles").select(["article_id", "story_pk", "duplicate_of", "pk"]).orderBy("pk").execute();
        assert.deepEqual(rows.filter((r) => r.story_pk === null), [], "no article stored without its story");
        const by = new Map(rows.map((r) => [r.article_id, r]));
        assert.equal(by.get(repost.url!)!.duplicate_of, by.get(original.url!)!.pk);
        assert.equal(by.get(ownReport.url!)!.story_pk, by.get(original.url!)!.story_pk);
        assert.notEqual(by.get(takeover.url!)!.story_pk, by.get(original.url!)!.story_pk);
        // The rolled-back attempt left nothing behind: every story's count is its members, the stream counts four.
        const counts = await sql<{ stored: number; members: number }>`
          select s.article_count as stored, (select count(*)::int from articles a where a.story_pk = s.pk) as members from stories s`.execute(store.db);
        assert.deepEqual(counts.rows.filter((c) => c.stored !== c.members || c.members === 0), []);
        const stream = await sql<{ docs: number }>`select docs::int as docs from story_stream`.execute(store.db);
        assert.equal(stream.rows[0]!.docs, 4);
      } finally {
        delete process.env.NEWSGRAPH_TEST_FAIL_LINK;
        await store.close();
      }
    });
  });
}
