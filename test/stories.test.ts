import assert from "node:assert/strict";
import { test } from "node:test";
import { datelineDate, detokenize, ecbArticle, isDateline, parseEcb } from "../src/corpora/ecbplus.js";
import { CLUSTER_DEFAULTS, latestYear, MAX_TERM, StoryClusterer } from "../src/stories/cluster.js";
import { bcubed, pairwise } from "../src/stories/eval/score.js";
import type { StoryDoc } from "../src/stories/story-doc.js";

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 4, 1);

function doc(id: string, title: string, body: string, entities: string[], day: number | null = 0, dates: string[] = []): StoryDoc {
  return { id, title, body, entities: entities.map((name) => ({ key: name.toLowerCase(), name, count: 2, inTitle: title.includes(name) })), dates, time: day === null ? null : T0 + day * DAY };
}

const quake = (id: string, day: number | null = 0) =>
  doc(id, "Earthquake strikes Turkey near Izmir", "A magnitude 7 earthquake struck western Turkey near Izmir, collapsing buildings; rescuers searched rubble for survivors.", ["Turkey", "Izmir", "AFAD"], day);
const otherQuake = (id: string, day = 0) =>
  doc(id, "Strong quake shakes Chile, Valparaiso port closed", "A strong earthquake shook central Chile on Tuesday; the port of Valparaiso was closed and the navy issued a tsunami warning, ONEMI said.", ["Chile", "Valparaiso", "ONEMI"], day);
const merger = (id: string) =>
  doc(id, "Acme agrees to buy Globex", "Acme Corp agreed to buy Globex for 4 billion dollars, the companies said, creating the largest maker of widgets.", ["Acme Corp", "Globex"]);

test("reports of one event join one story; another event of the same kind opens its own", () => {
  const c = new StoryClusterer();
  const a = c.add(quake("a"));
  const b = c.add(merger("b"));
  const a2 = c.add(quake("a2", 1));
  const q = c.add(otherQuake("q", 1));
  assert.equal(a.opened, true);
  assert.equal(b.opened, true);
  assert.equal(a2.story, a.story, "the second report of the Izmir quake joins it");
  assert.equal(a2.opened, false);
  assert.notEqual(q.story, a.story, "the Chile quake is another story");
  assert.notEqual(b.story, a.story);
});

test("the time term: the same words far apart in time are two stories; without dates they join", () => {
  const dated = new StoryClusterer();
  const first = dated.add(quake("a", 0));
  assert.notEqual(dated.add(quake("b", CLUSTER_DEFAULTS.windowDays + 5)).story, first.story, "outside the window");
  const undated = new StoryClusterer();
  const u = undated.add(quake("a", null));
  assert.equal(undated.add(quake("b", null)).story, u.story);
});

test("the threshold is the option's: above any score nothing joins", () => {
  const c = new StoryClusterer({ ...CLUSTER_DEFAULTS, threshold: 2 });
  c.add(quake("a"));
  assert.equal(c.add(quake("b")).opened, true);
});

test("clustering is deterministic, and a story restored from its state goes on as before", () => {
  const stream = [quake("a"), merger("b"), quake("c", 1), otherQuake("d", 1), merger("e")];
  const run = () => {
    const c = new StoryClusterer();
    return stream.map((d) => c.add(d).story);
  };
  assert.deepEqual(run(), run());
  const c = new StoryClusterer();
  for (const d of stream.slice(0, 3)) c.add(d);
  const states = c.takeChanged();
  const { docs } = c.takeFrequencyChanges();
  assert.equal(docs, 3);
  const df = new StoryClusterer();
  for (const d of stream.slice(0, 3)) df.add(d);
  const restored = new StoryClusterer(CLUSTER_DEFAULTS, () => "fresh");
  restored.restore(docs, df.takeFrequencyChanges().increments, states);
  assert.deepEqual(restored.takeChanged(), [], "what was loaded is not reported as changed");
  assert.equal(restored.add(quake("f", 1)).story, c.add(quake("f", 1)).story);
});

test("terms and entity keys longer than MAX_TERM are left out: they name no event, and the store could not index them", () => {
  const long = "x".repeat(MAX_TERM + 1);
  const kept = "y".repeat(MAX_TERM);
  const c = new StoryClusterer();
  c.add(doc("a", "Title", `${long} ${kept} harbour`, [long, "Izmir"]));
  const terms = c.takeFrequencyChanges().increments.map(([t]) => t);
  assert.ok(terms.some((t) => t.endsWith(kept)), "a term of MAX_TERM characters is kept");
  assert.ok(terms.includes("entities|izmir"));
  assert.ok(!terms.some((t) => t.includes(long)), "none longer");
});

test("a story's label names its main entities first", () => {
  const c = new StoryClusterer();
  const s = c.add(quake("a")).story;
  c.add(quake("b"));
  assert.match(c.label(s), /^(Turkey|Izmir|AFAD), /);
});

test("B3 and pairwise scores: perfect, all in one, all apart", () => {
  const gold = new Map([["a", "x"], ["b", "x"], ["c", "y"], ["d", "y"]]);
  assert.deepEqual(bcubed(gold, gold), { precision: 1, recall: 1, f1: 1 });
  const one = new Map([...gold.keys()].map((k) => [k, "s"]));
  assert.equal(bcubed(one, gold).precision, 0.5);
  assert.equal(bcubed(one, gold).recall, 1);
  assert.equal(pairwise(one, gold).precision, 2 / 6);
  const apart = new Map([...gold.keys()].map((k) => [k, k]));
  assert.equal(bcubed(apart, gold).recall, 0.5);
  assert.equal(pairwise(apart, gold).f1, 0);
  assert.throws(() => bcubed(new Map([["a", "s"]]), gold), /no response for b/);
});

test("ECB+ token XML is rebuilt as prose, its web address dropped, the sub-topic from the file name", () => {
  const tok = (id: number, sentence: number, text: string) => `<token t_id="${id}" sentence="${sentence}" number="0">${text}</token>`;
  const words: Array<[number, string]> = [[0, "http"], [0, ":"], [0, "//x.com"], [1, "Inmate"], [1, "escapes"], [2, "``"], [2, "He"], [2, "fled"], [2, ","], [2, "''"], [2, "police"], [2, "said"], [2, "."]];
  const xml = ['<Document doc_name="3_1ecbplus.xml">', ...words.map(([sentence, text], i) => tok(i + 1, sentence, text)), "</Document>"].join("\n");
  const d = parseEcb("3_1ecbplus.xml", xml);
  assert.deepEqual(d.sentences, ["Inmate escapes", '"He fled," police said.']);
  assert.equal(d.topic, "3");
  assert.equal(d.subtopic, "3/ecbplus");
  assert.equal(detokenize(["It", "'s", "(", "big", ")", "today", "."]), "It's (big) today.");
  assert.throws(() => parseEcb("notes.xml", xml), /not an ECB\+ document name/);
});

test("ECB+ publication-time lines are the page's metadata: out of the prose, their first full date the publication date", () => {
  const tok = (id: number, sentence: number, text: string) => `<token t_id="${id}" sentence="${sentence}" number="0">${text}</token>`;
  const lines = ["May 2 , 2013 , 1 : 12 PM", "Lawyer : Lindsay Lohan checks into rehab", "Updated 4 : 08 p. m. ET", "Lindsay Lohan has checked into rehab ."];
  const xml = lines.flatMap((line, s) => line.split(" ").map((t, i) => tok(100 * s + i, s, t)));
  const d = parseEcb("1_2ecbplus.xml", ['<Document doc_name="1_2ecbplus.xml">', ...xml, "</Document>"].join("\n"));
  // Before, the date line was the headline and both lines were prose.
  assert.deepEqual(d.sentences, ["Lawyer: Lindsay Lohan checks into rehab", "Lindsay Lohan has checked into rehab."]);
  assert.deepEqual(d.datelines, ["May 2, 2013, 1: 12 PM", "Updated 4: 08 p. m. ET"]);
  assert.equal(d.published, "2013-05-02");
  const article = ecbArticle(d);
  assert.equal(article.title, "Lawyer: Lindsay Lohan checks into rehab");
  assert.equal(article.published, "2013-05-02");
  // A full date the page ran into the headline.
  const one = (line: string) => line.split(" ").map((t, i) => tok(i, 0, t)).join("\n");
  const run = parseEcb("11_2ecbplus.xml", one("27 / 09 / 2013 - Turkmenistan to hold elections"));
  assert.deepEqual([run.sentences, run.published], [["Turkmenistan to hold elections"], "2013-09-27"]);
  const plain = parseEcb("11_5ecbplus.xml", one("On October 1 - 2 Ashgabat hosts a seminar ."));
  assert.deepEqual([plain.sentences, plain.published], [["On October 1 - 2 Ashgabat hosts a seminar."], null]);
});

test("what a publication-time line is, and the date it gives", () => {
  for (const line of [
    "May 2, 2013, 1: 12 PM",
    "Updated: May 24, 2005, 3: 23 PM ET",
    "Posted on Thu Jun 13, 2013 08: 45 AM PDT",
    "26 September 2013, 10: 00 (GMT+05: 00)",
    "WASHINGTON, DC, April 28, 2009",
    "Reuters Sep 18, 2013, 02. 16PM IST",
    "SUNNYVALE, Calif. —9 / 29 / 2013",
    "Last updated 13: 26 14 / 09 / 2013",
    "12: 52 p. m. EDT May 2, 2013",
    "Published: 2012. 08. 08 09: 01 AM",
    "APR 28",
  ]) assert.ok(isDateline(line), line);
  for (const line of [
    "Interior and Commerce Secretaries Must Act by May 9",
    "Colts beat Chiefs 20 - 13 to clinch playoff berth",
    "Jackson is due in court Feb. 17.",
    "Parliament has 125 seats.",
    "Obama Signs Bill May 5",
  ]) assert.ok(!isDateline(line), line);
  const dates: Array<[string, string | null]> = [
    ["Posted on Thu Jun 13, 2013 08: 45 AM PDT", "2013-06-13"],
    ["16 September 2013 Last updated at 12: 42 GMT", "2013-09-16"],
    ["Last updated 13: 26 14 / 09 / 2013", "2013-09-14"],
    ["04 / 28 / 09 07: 35 PM ET", "2009-04-28"],
    ["Article posted on 08. 07. 2012", "2012-07-08"],
    ["2013 - 09 - 26", "2013-09-26"],
    ["APR 28", null],
    ["Updated 9: 06 AM", null],
  ];
  for (const [line, date] of dates) assert.equal(datelineDate(line), date, line);
});

test("the latest year an article refers to: the newest four-digit year among its dates, null without one", () => {
  assert.equal(latestYear(["2005", "2005-06", "2013", "2013-05", "1998"]), 2013);
  assert.equal(latestYear([]), null);
});

test("the year term: the same report referring to another year is penalized; without years it is not", () => {
  const strict = { ...CLUSTER_DEFAULTS, yearConflict: 2 };
  const hired = (id: string, year: string | null) => ({ ...quake(id, null), dates: year ? [year] : [] });
  const c = new StoryClusterer(strict);
  const a = c.add(hired("a", "2005"));
  assert.notEqual(c.add(hired("b", "2008")).story, a.story, "a latest year the story's members do not refer to");
  assert.equal(c.add(hired("c", "2005")).story, a.story, "the same year");
  assert.equal(c.add(hired("d", null)).story, a.story, "no year: no conflict");
  const off = new StoryClusterer({ ...strict, yearConflict: 0 });
  const o = off.add(hired("a", "2005"));
  assert.equal(off.add(hired("b", "2008")).story, o.story, "yearConflict 0: the term plays no part");
});

test("a story's years are saved and restored; a state saved before the year term loads with none", () => {
  const strict = { ...CLUSTER_DEFAULTS, yearConflict: 2 };
  const dated = (id: string, year: string) => ({ ...quake(id, null), dates: [year] });
  const c = new StoryClusterer(strict);
  c.add(dated("a", "2005"));
  const [state] = c.takeChanged();
  assert.deepEqual(state!.years, [[2005, 1]]);
  const { docs, increments } = c.takeFrequencyChanges();
  const restored = new StoryClusterer(strict, () => "fresh");
  restored.restore(docs, increments, [state!]);
  assert.equal(restored.add(dated("b", "2008")).story, "fresh", "the restored story still knows its year");
  const legacy = new StoryClusterer(strict, () => "fresh");
  const { years: _dropped, ...old } = state!;
  legacy.restore(docs, increments, [old]);
  assert.equal(legacy.add(dated("b", "2008")).story, state!.id, "no years saved: no conflict");
});

test("addAs joins the given story without a decision and returns the features of each candidate before it", () => {
  const c = new StoryClusterer();
  assert.deepEqual(c.addAs(quake("a"), "gold-1"), [], "no story yet");
  const [f, ...rest] = c.addAs({ ...quake("b"), dates: ["2013"] }, "gold-2");
  assert.equal(rest.length, 0);
  assert.equal(f!.story, "gold-1");
  assert.equal(f!.features.length, 5, "four cosines and the year conflict");
  assert.ok(f!.features[0]! > 0.5, "the same words: a high body cosine");
  assert.equal(f!.features[4], 0, "the story has no dated member: no conflict");
  const third = c.addAs({ ...quake("c"), dates: ["2005"] }, "gold-1");
  assert.deepEqual(third.map((x) => x.story), ["gold-1", "gold-2"], "every candidate, oldest first");
  assert.equal(third[1]!.features[4], 1, "gold-2's only dated member refers to 2013");
  assert.equal(c.add(quake("d")).story, "gold-1", "the stories are the clusterer's own");
});

test("the one-article term: a story of one article needs the threshold plus `singleton`; a larger story only the threshold", () => {
  // A report of the Izmir quake with other words: its score against the first report is what the bars are set from.
  const other = (id: string) => ({ ...quake(id, null), title: "Izmir quake: buildings collapse", body: "Rescuers searched collapsed buildings in Izmir after the earthquake in Turkey, AFAD said." });
  const open = new StoryClusterer({ ...CLUSTER_DEFAULTS, singleton: 0, threshold: -1 });
  open.add(quake("a", null));
  const score = open.add(other("b")).score;
  assert.ok(score > 0.2, "a fair score");
  const options = { ...CLUSTER_DEFAULTS, threshold: score - 0.01, singleton: 0.02 };
  const none = new StoryClusterer({ ...options, singleton: 0 });
  const a0 = none.add(quake("a", null));
  assert.equal(none.add(other("b")).story, a0.story, "without the term: the score reaches the threshold, it joins");
  const strict = new StoryClusterer(options);
  const a = strict.add(quake("a", null));
  const b = strict.add(other("b"));
  assert.equal(b.opened, true, "against one article the same score falls short by the penalty: it opens a story");
  assert.notEqual(b.story, a.story);
  assert.ok(Math.abs(b.score - (score - 0.02)) < 1e-9, "the penalty is taken off the score");
  // Against two articles the penalty is not taken: a story the first report's copy joined (without a decision),
  // its bar set 0.01 under the score there, so a penalty of 0.02 would keep the article out.
  const twoOf = (o: typeof options) => {
    const c = new StoryClusterer(o);
    const first = c.add(quake("a", null));
    assert.equal(c.joinStory(first.story, quake("a2", null)), true);
    return { c, first };
  };
  const expected = twoOf({ ...options, singleton: 0, threshold: -1 }).c.add(other("b")).score;
  const two = twoOf({ ...options, threshold: expected - 0.01 });
  const joined = two.c.add(other("b"));
  assert.equal(joined.score, expected, "a two-article story: no penalty");
  assert.equal(joined.story, two.first.story, "and it joins");
  assert.equal(CLUSTER_DEFAULTS.singleton > 0, true, "the default has the term");
});
