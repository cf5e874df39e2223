import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { test } from "node:test";
import type { Article } from "../src/core/article.js";
import { readBytes, readInput, type ReadItem } from "../src/readers/index.js";
import { spawnSync } from "node:child_process";
import { analyze } from "../src/analyze.js";
import { fixture, repoRoot } from "./support/paths.js";
import { validateAnalysis } from "./support/schema.js";

const bytes = (s: string): Uint8Array => Buffer.from(s, "utf8");
const articles = (items: ReadItem[]): Article[] => items.flatMap((i) => ("article" in i ? [i.article] : []));
const warnings = (items: ReadItem[]): string[] =>
  items.flatMap((i) => ("article" in i ? (i.warnings ?? []).map((w) => `${w.origin.file}:${w.origin.line ?? ""} ${w.message}`) : []));
const errors = (items: ReadItem[]): string[] => items.flatMap((i) => ("error" in i ? [`${i.error.origin.file}:${i.error.origin.line ?? ""} ${i.error.message}`] : []));

async function collect(path: string, stdin?: NodeJS.ReadableStream): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readInput(path, stdin)) items.push(item);
  return items;
}

test("dump: the seed record gives date, section, headline, byline and paragraphs", async () => {
  const items = await collect(fixture("seed", "000_dbf82c7d13769c2b.txt"));
  assert.deepEqual(errors(items), []);
  const [a] = articles(items);
  assert.ok(a);
  assert.equal(a.published, "2022-12-31");
  assert.equal(a.section, "Politics");
  assert.equal(a.title, "Putin Invites Xi Jinping to Moscow in 2023, Says Russian-Chinese Relations Best Ever");
  assert.deepEqual(a.authors, ["Melissa Velsquez Loaiza"]);
  assert.equal(a.byline, "Melissa Velsquez Loaiza");
  assert.equal(a.paragraphs.length, 28);
  assert.ok(a.paragraphs[0]!.startsWith("(CNN) An online meeting"));
});

test("dump: many records in one file; a date line whose rest is text starts the text", () => {
  const text = [
    " date 2023-03-01 World",
    "First headline",
    "By Jane Doe",
    "First paragraph of one.",
    " date 2023-03-02",
    "Second headline",
    "Only paragraph, no byline here.",
    " date 2023-03 Officials said on Monday that the plan would go ahead.",
    "The plan was announced in March.",
  ].join("\n");
  const [a, b, c] = articles(readBytes(bytes(text), "many.txt"));
  assert.deepEqual([a?.title, a?.section, a?.authors, a?.paragraphs], ["First headline", "World", ["Jane Doe"], ["First paragraph of one."]]);
  assert.deepEqual([b?.title, b?.section, b?.published, b?.paragraphs], ["Second headline", null, "2023-03-02", ["Only paragraph, no byline here."]]);
  assert.equal(c?.published, "2023-03");
  assert.equal(c?.section, null);
  assert.equal(c?.title, "Officials said on Monday that the plan would go ahead.");
  assert.equal(c?.origin, "many.txt:8");
});

test("plain text: first line is the title; blank lines separate hard-wrapped paragraphs", () => {
  const [a] = articles(readBytes(bytes("Ad sales boost profits\n\nThe company said\nprofits rose.\n\nShares fell.\n"), "bbc.txt"));
  assert.equal(a?.title, "Ad sales boost profits");
  assert.deepEqual(a?.paragraphs, ["The company said profits rose.", "Shares fell."]);
  const [b] = articles(readBytes(bytes("Title\nLine one.\nLine two.\n"), "t.txt"));
  assert.deepEqual(b?.paragraphs, ["Line one.", "Line two."]);
});

test("JSON Lines: fields, aliases, authors, unknown fields kept under extra", () => {
  const lines = [
    JSON.stringify({ title: "T1", text: "P1\nP2", published: "2024-01-02", url: "https://example.com/a", source: "Ex", authors: ["A B"], section: "S", language: "en", tags: ["x"] }),
    JSON.stringify({ title: "T2", body: "Body.", date: "2024-02-03", author: "By C D and E F" }),
  ].join("\n");
  const [a, b] = articles(readBytes(bytes(lines), "in.jsonl"));
  assert.equal(a?.id, "https://example.com/a");
  assert.deepEqual(a?.paragraphs, ["P1", "P2"]);
  assert.deepEqual(a?.extra, { tags: ["x"] });
  assert.deepEqual([a?.source, a?.section, a?.published, a?.authors], ["Ex", "S", "2024-01-02", ["A B"]]);
  assert.deepEqual([b?.title, b?.published, b?.authors, b?.paragraphs], ["T2", "2024-02-03", ["C D", "E F"], ["Body."]]);
  assert.match(b?.id ?? "", /^[0-9a-f]{16}$/);
});

test("JSON Lines: a line that is not JSON or has no text is an error naming the line; the rest is read", () => {
  const lines = ['{"title":"ok","text":"fine."}', "{not json", '{"title":"no text"}', '["array"]', '{"title":"ok2","text":"also fine."}'].join("\n");
  const items = readBytes(bytes(lines), "bad.jsonl");
  assert.deepEqual(articles(items).map((a) => a.title), ["ok", "ok2"]);
  const errs = errors(items);
  assert.equal(errs.length, 3);
  assert.match(errs[0]!, /^bad\.jsonl:2 not JSON/);
  assert.match(errs[1]!, /^bad\.jsonl:3 article has no text/);
  assert.match(errs[2]!, /^bad\.jsonl:4 expected a JSON object/);
});

test("ids are stable: the same content gives the same id, other content another", () => {
  const one = articles(readBytes(bytes("Title\nBody one."), "a.txt"))[0]!.id;
  const again = articles(readBytes(bytes("Title\nBody one."), "b.txt"))[0]!.id;
  const other = articles(readBytes(bytes("Title\nBody two."), "a.txt"))[0]!.id;
  assert.equal(one, again);
  assert.notEqual(one, other);
});

test("stdin: '-' reads the stream and detects the format from its content", async () => {
  const items = await collect("-", Readable.from([Buffer.from(' date 2022-01-01 World\nHeadline\nA paragraph.\n')]));
  assert.equal(articles(items)[0]?.title, "Headline");
  const json = await collect("-", Readable.from([Buffer.from('{"title":"J","text":"x."}\n')]));
  assert.equal(articles(json)[0]?.title, "J");
});

test("directories are walked recursively in name order; hidden, unknown and README files are passed over", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ng-dir-"));
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "b.txt"), "B title\nB body.");
  writeFileSync(join(dir, "sub", "a.jsonl"), '{"title":"A","text":"a."}\n');
  writeFileSync(join(dir, ".hidden.txt"), "H\nh.");
  writeFileSync(join(dir, "image.png"), "\u0089PNG");
  writeFileSync(join(dir, "README.TXT"), "About this corpus\nNot an article.");
  const items = await collect(dir);
  assert.deepEqual(articles(items).map((a) => a.title), ["B title", "A"]);
  assert.deepEqual(errors(items), []);
});

test("bad input: unreadable path, empty file, invalid UTF-8", async () => {
  assert.match(errors(await collect("/no/such/file.txt"))[0]!, /no such file/);
  assert.match(errors(readBytes(bytes("\n \n"), "empty.txt"))[0]!, /^empty\.txt: empty input/);
  const bad = Buffer.concat([Buffer.from('{"title":"ok","text":"fine."}\n{"title":"b'), Buffer.from([0xff, 0xfe]), Buffer.from('","text":"x."}\n')]);
  // Not UTF-8 and no multi-byte UTF-8 anywhere: read as Windows-1252 (0xff 0xfe = "ÿþ"), one warning for the file, no error.
  const items = readBytes(bad, "bad-utf8.jsonl");
  assert.deepEqual(errors(items), []);
  assert.deepEqual(items.flatMap((i) => ("warning" in i ? [`${i.warning.origin.file} ${i.warning.message}`] : [])), ["bad-utf8.jsonl not valid UTF-8: decoded as windows-1252"]);
  assert.deepEqual(articles(items).map((a) => a.title), ["ok", "b\u00ff\u00fe"]);
});

test("publication dates are normalized to ISO 8601, keeping their precision", () => {
  const lines = [
    { title: "a", text: "x.", published: "2023-03" },
    { title: "b", text: "x.", published: "March 14, 2023" },
    { title: "c", text: "x.", published: "Tue, 14 Mar 2023 10:00:00 GMT" },
    { title: "d", text: "x.", published: "someday" },
  ].map((o) => JSON.stringify(o)).join("\n");
  const got = articles(readBytes(bytes(lines), "d.jsonl"));
  assert.deepEqual(got.map((a) => a.published), ["2023-03", "2023-03-14", "2023-03-14T10:00:00Z", null]);
  assert.deepEqual(got[3]?.extra, { publishedRaw: "someday" });
});

test("a date outside the years 0000-9999 or a short year still gives a contract date or null (found by npm run fuzz)", () => {
  const lines = [
    { title: "a", text: "x.", published: 100 }, // Date.parse("100") is the year 100: a number is no date, and said so
    { title: "b", text: "x.", published: "Tue, 14 Mar 275760 10:00:00 GMT" },
    { title: "c", text: "x.", published: "March 14, 275760" },
    { title: "d", text: "x.", published: "0100-01-01" },
  ].map((o) => JSON.stringify(o)).join("\n");
  const items = readBytes(bytes(lines), "d.jsonl");
  const got = articles(items);
  assert.deepEqual(got.map((a) => a.published), [null, null, null, "0100-01-01"]);
  assert.deepEqual(got[2]?.extra, { publishedRaw: "March 14, 275760" });
  assert.deepEqual(warnings(items), [
    "d.jsonl:1 published is a number, expected a string: left out",
    'd.jsonl:2 published "Tue, 14 Mar 275760 10:00:00 GMT" is no date (year 275760): left empty',
    'd.jsonl:3 published "March 14, 275760" is no date (year 275760): left empty',
  ]);
});

test("an impossible or unreadable date is a warning naming file and line, never kept; good articles still come out", () => {
  const lines = [
    { title: "a", text: "x.", published: "2022-13-45" },
    { title: "b", text: "x.", published: "2022-02-30" },
    { title: "c", text: "x.", published: "yesterday" },
    { title: "d", text: "x.", published: "2024-02-29" },
    { title: "e", text: "x.", published: "Feb 30, 2022" },
    { title: "f", text: "x.", published: "2022-06-01T25:00:00Z" },
    { title: "g", text: "x.", published: "31-12-2022" },
    { title: "h", text: "x.", published: "05-06-2022" },
  ].map((o) => JSON.stringify(o)).join("\n");
  const items = readBytes(bytes(lines), "dates.jsonl");
  assert.deepEqual(errors(items), []);
  assert.deepEqual(articles(items).map((a) => a.published), [null, null, null, "2024-02-29", null, null, "2022-12-31", null]);
  assert.deepEqual(articles(items)[1]?.extra, { publishedRaw: "2022-02-30" }, "the given text is kept aside, not as the date");
  assert.deepEqual(warnings(items), [
    'dates.jsonl:1 published "2022-13-45" is no date (month 13): left empty',
    'dates.jsonl:2 published "2022-02-30" is no date (February 2022 has 28 days, not 30): left empty',
    'dates.jsonl:3 published "yesterday" is not a date newsgraph reads (expected YYYY-MM-DD or e.g. "Dec 31, 2022"): left empty',
    'dates.jsonl:5 published "Feb 30, 2022" is no date (February 2022 has 28 days, not 30): left empty',
    'dates.jsonl:6 published "2022-06-01T25:00:00Z" is no date (no such clock time): left empty',
    'dates.jsonl:8 published "05-06-2022" is ambiguous: day-month or month-day; write it as YYYY-MM-DD: left empty',
  ]);
});

test("dump headers: an impossible date is a warning; another date form is read as a date, never taken for the title", () => {
  const dump = [
    " date 2022-02-30 Politics", "First headline", "Body one.",
    " date 31-12-2022 Politics", "Second headline", "Body two.",
    " date Dec 31, 2022 World", "Third headline", "Body three.",
    " date 31 December 2022", "Fourth headline", "Body four.",
    " date yesterday Politics", "Fifth headline", "Body five.",
  ].join("\n");
  const items = readBytes(bytes(dump), "d.txt");
  const got = articles(items);
  assert.deepEqual(got.map((a) => [a.title, a.published, a.section]), [
    ["First headline", null, "Politics"],
    ["Second headline", "2022-12-31", "Politics"],
    ["Third headline", "2022-12-31", "World"],
    ["Fourth headline", "2022-12-31", null],
    ["Fifth headline", null, "Politics"],
  ]);
  assert.deepEqual(warnings(items), [
    'd.txt:1 published "2022-02-30" is no date (February 2022 has 28 days, not 30): left empty',
    'd.txt:13 published "yesterday" is not a date newsgraph reads (expected YYYY-MM-DD or e.g. "Dec 31, 2022"): left empty',
  ]);
  // A file that opens with another date form is still a dump, not plain text titled " date ...".
  assert.deepEqual(articles(readBytes(bytes(" date Dec 31, 2022 Politics\nHeadline\nBody."), "e.txt")).map((a) => [a.title, a.published]), [["Headline", "2022-12-31"]]);
});

test("JSON Lines: a field of the wrong type is reported as that; a text that is no string is an error, the others come out", () => {
  const lines = [
    { title: "ok", text: "Fine." },
    { title: "n", text: 12345 },
    { title: "b", body: ["a", "b"] },
    { title: 7, text: "First line.\nSecond line.", authors: ["A B", 3], section: { a: 1 } },
  ].map((o) => JSON.stringify(o)).join("\n");
  const items = readBytes(bytes(lines), "t.jsonl");
  assert.deepEqual(errors(items), ["t.jsonl:2 text is a number, expected a string", "t.jsonl:3 body is an array, expected a string"]);
  assert.deepEqual(articles(items).map((a) => [a.title, a.authors, a.section]), [["ok", [], null], ["First line.", ["A B"], null]]);
  assert.deepEqual(warnings(items), [
    "t.jsonl:4 title is a number, expected a string: left out",
    "t.jsonl:4 authors holds a number, expected strings: left out",
    "t.jsonl:4 section is an object, expected a string: left out",
  ]);
});

test("JSON Lines: unknown fields reach the Analysis under article.extra, which the schema takes", () => {
  const line = JSON.stringify({ title: "T", text: "Acme hired Jane Doe on Monday.", id: 7, tags: ["x"], meta: { wordCount: 6 } });
  const [article] = articles(readBytes(bytes(line), "x.jsonl"));
  const a = analyze(article!);
  assert.deepEqual(a.article.extra, { id: 7, tags: ["x"], meta: { wordCount: 6 } });
  assert.deepEqual(validateAnalysis(JSON.parse(JSON.stringify(a))), []);
  const plain = analyze(articles(readBytes(bytes("Title\nBody."), "p.txt"))[0]!);
  assert.equal("extra" in plain.article, false, "no extra when there is nothing to keep");
});

test("CLI: --published with an impossible date exits 2; a warned article still comes out (exit 0), its warning on stderr", () => {
  const bin = join(repoRoot(), "bin", "newsgraph.js");
  const run = (args: string[], input?: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8" });
  for (const command of ["analyze", "ingest"]) {
    for (const bad of ["2022-13-45", "2022-02-30", "yesterday"]) {
      const r = run([command, "-", "--published", bad], "T\nBody.\n");
      assert.equal(r.status, 2, `${command} --published ${bad}`);
      assert.match(r.stderr, new RegExp(`--published .*${bad}`));
    }
  }
  const r = run(["analyze", "-", "--format", "jsonl"], [JSON.stringify({ title: "A", text: "One.", published: "2022-02-30" }), JSON.stringify({ title: "B", text: "Two." })].join("\n"));
  assert.equal(r.status, 0);
  assert.deepEqual(r.stdout.trim().split("\n").map((l) => JSON.parse(l).article.title), ["A", "B"]);
  assert.equal(r.stderr, 'newsgraph: warning: -:1: published "2022-02-30" is no date (February 2022 has 28 days, not 30): left empty\n');
});

test("a language that is no BCP 47 tag becomes \"en\", the raw value kept under extra (found by npm run fuzz)", () => {
  const lines = [
    { text: "x.", language: "en-GB" },
    { text: "x.", language: " de " },
    { text: "x.", language: "English" },
    { text: "x.", language: 7 },
    { text: "x.", language: "" },
  ].map((o) => JSON.stringify(o)).join("\n");
  const items = readBytes(bytes(lines), "l.jsonl");
  const got = articles(items);
  assert.deepEqual(got.map((a) => a.language), ["en-GB", "de", "en", "en", "en"]);
  assert.deepEqual([got[2]?.extra, got[3]?.extra], [{ languageRaw: "English" }, undefined]);
  assert.deepEqual(warnings(items), ["l.jsonl:4 language is a number, expected a string: left out"]);
});

test("a JSON Lines file above 16 MiB is read line by line: the same articles and errors as read whole", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ng-big-"));
  const file = join(dir, "big.jsonl");
  const body = "The council met on Monday. ".repeat(400);
  const parts: Buffer[] = [Buffer.from([0xef, 0xbb, 0xbf])];
  for (let i = 0; parts.reduce((n, b) => n + b.length, 0) < 17 * 1024 * 1024; i++) {
    parts.push(Buffer.from(JSON.stringify({ url: `https://big.test/${i}`, title: `Story ${i}`, text: `${body}${i}` }) + (i % 2 ? "\r\n" : "\n")));
    if (i === 3) parts.push(Buffer.from("not json\n\n"));
    if (i === 5) parts.push(Buffer.concat([Buffer.from('{"title": "Bad bytes", "text": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]));
  }
  parts.push(Buffer.from(JSON.stringify({ title: "Last, no newline", text: "The end." })));
  const all = Buffer.concat(parts);
  writeFileSync(file, all);
  const streamed = await collect(file);
  const whole = readBytes(all, file);
  assert.deepEqual(articles(streamed), articles(whole));
  assert.deepEqual(errors(streamed).sort(), errors(whole).sort());
  assert.equal(articles(streamed).at(-1)!.title, "Last, no newline");
});

test("wrapped paragraphs are joined, decided from the text; one paragraph per line stays so", () => {
  const para = (s: string) => articles(readBytes(bytes(s), "w.txt"))[0]!.paragraphs;
  // One paragraph per line, a blank line elsewhere in the file: each line is still a paragraph.
  assert.deepEqual(para("T\n\nFirst paragraph here.\nSecond paragraph here.\nEditor’s note: Donald Trump regularly\nincites violence.\n\nLast."), [
    "First paragraph here.", "Second paragraph here.", "Editor’s note: Donald Trump regularly incites violence.", "Last.",
  ]);
  // Text set to a fixed width: one paragraph per blank-line block, even where a line ends a sentence.
  const wrapped = "T\n\nThe council met on Monday to discuss the budget for the coming year, and\nits members agreed on most points. The mayor said the plan would\nbe ready by March, according to a statement released by her office\non Tuesday.\n\nSecond paragraph.";
  assert.deepEqual(para(wrapped), [
    "The council met on Monday to discuss the budget for the coming year, and its members agreed on most points. The mayor said the plan would be ready by March, according to a statement released by her office on Tuesday.",
    "Second paragraph.",
  ]);
  // Short paragraphs one per line, each ending its sentence, are not a fixed-width block.
  assert.deepEqual(para("T\n\nThe crowd cheered.\nThe mayor spoke.\nThe band played.\nThen it rained.\n\nEnd."), ["The crowd cheered.", "The mayor spoke.", "The band played.", "Then it rained.", "End."]);
  // A rule stands alone; a dump's lines are paragraphs unless a line stops mid-sentence.
  assert.deepEqual(para("T\n\nA paragraph.\n—-\nSign up to get an email."), ["A paragraph.", "—-", "Sign up to get an email."]);
  const dump = articles(readBytes(bytes(" date 2022-12-31 Politics\nHeadline\nThe minister said on Friday that the talks, which began in\nMay, would go on.\nA second paragraph.\n"), "d.txt"))[0]!;
  assert.deepEqual(dump.paragraphs, ["The minister said on Friday that the talks, which began in May, would go on.", "A second paragraph."]);
});

test("an article over 2 million characters fails alone with a clear error; the others in the same input come out", () => {
  const huge = "word ".repeat(420_000);
  const lines = [JSON.stringify({ title: "Small", text: "Fine." }), JSON.stringify({ title: "Huge", text: huge }), JSON.stringify({ title: "Also small", text: "Fine too." })].join("\n");
  const items = readBytes(bytes(lines), "big.jsonl");
  assert.deepEqual(articles(items).map((a) => a.title), ["Small", "Also small"]);
  assert.deepEqual(errors(items), ["big.jsonl:2 too large to analyze: 2.1 million characters of text (the limit is 2 million); split it into articles"]);
  const bin = join(repoRoot(), "bin", "newsgraph.js");
  const r = spawnSync(process.execPath, [bin, "analyze", "-", "--format", "jsonl"], { input: lines, encoding: "utf8" });
  assert.equal(r.status, 0, "good articles analyzed: exit 0");
  assert.equal(r.stdout.trim().split("\n").length, 2);
  assert.match(r.stderr, /-:2: too large to analyze/);
  const alone = spawnSync(process.execPath, [bin, "analyze", "-"], { input: `Huge\n${huge}`, encoding: "utf8" });
  assert.equal(alone.status, 1, "nothing could be analyzed: exit 1");
});
