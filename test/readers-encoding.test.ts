import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import type { Article } from "../src/core/article.js";
import { readBytes, readInput, type ReadItem } from "../src/readers/index.js";
import { repoRoot } from "./support/paths.js";

const articles = (items: ReadItem[]): Article[] => items.flatMap((i) => ("article" in i ? [i.article] : []));
const errors = (items: ReadItem[]): string[] => items.flatMap((i) => ("error" in i ? [i.error.message] : []));
const warnings = (items: ReadItem[]): string[] => items.flatMap((i) => ("warning" in i ? [`${i.warning.origin.file}: ${i.warning.message}`] : []));
const text = "José Müller\nJosé Müller opened a café in Köln for £2.\n";

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [join(repoRoot(), "bin", "newsgraph.js"), ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("byte-order marks: UTF-8, UTF-16 LE and BE are honoured", () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  const be = Buffer.from(le.subarray(2)).swap16();
  for (const [name, bytes] of [
    ["utf8-bom.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ["utf16le.txt", le],
    ["utf16be.txt", Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
  ] as const) {
    const items = readBytes(bytes, name);
    assert.deepEqual(errors(items), [], name);
    assert.deepEqual(warnings(items), [], name);
    assert.equal(articles(items)[0]?.title, "José Müller", name);
  }
});

test("a Latin-1 file is read as Windows-1252 with one warning for the file, not one per line", () => {
  const lines = ["José Müller", "José Müller opened a café in Köln for £2.", "Ein Grüß aus Köln.", "Noch ein Absatz über Straßen."];
  const items = readBytes(Buffer.from(lines.join("\n"), "latin1"), "latin1.txt");
  assert.deepEqual(warnings(items), ["latin1.txt: not valid UTF-8: decoded as windows-1252"]);
  assert.deepEqual(errors(items), []);
  const a = articles(items)[0]!;
  assert.equal(a.title, "José Müller");
  assert.deepEqual(a.paragraphs, lines.slice(1));
  assert.ok(!a.paragraphs.join("").includes("\uFFFD"));
});

test("UTF-8 with a few broken bytes stays UTF-8: bad bytes replaced, good accents kept, one warning", () => {
  const bytes = Buffer.concat([Buffer.from("Köln report\nThe café in Köln reopened. Bad "), Buffer.from([0xc3, 0x28]), Buffer.from(" byte.\n")]);
  const items = readBytes(bytes, "damaged.txt");
  assert.deepEqual(warnings(items), ["damaged.txt: invalid UTF-8: 1 bad byte(s) replaced by U+FFFD"]);
  assert.equal(articles(items)[0]!.paragraphs[0], "The café in Köln reopened. Bad \uFFFD( byte.");
});

test("HTML <meta charset> is honoured; a wrong UTF-8 declaration falls back to what the bytes are", () => {
  const page = (meta: string) =>
    Buffer.from(`<html><head>${meta}<title>Caf\u00e9</title></head><body><p>Jos\u00e9 M\u00fcller opened a caf\u00e9 in K\u00f6ln on Monday morning.</p></body></html>`, "latin1");
  const declared = readBytes(page('<meta charset="iso-8859-1">'), "declared.html");
  assert.deepEqual(warnings(declared), []);
  assert.match(articles(declared)[0]!.paragraphs[0]!, /^José Müller opened a café in Köln/);
  const wrong = readBytes(page('<meta charset="utf-8">'), "wrong.html");
  assert.deepEqual(warnings(wrong), ["wrong.html: declared UTF-8 but is not: decoded as windows-1252"]);
  assert.match(articles(wrong)[0]!.paragraphs[0]!, /^José Müller/);
});

test("not text: NUL bytes and binary signatures are one 'not a text file' error; .html.gz and .jsonl.gz are read", () => {
  const cases: Array<[string, Buffer, string]> = [
    ["ls", Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]), "not a text file (ELF executable)"],
    ["image.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "not a text file (PNG image)"],
    ["photo.txt", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), "not a text file (JPEG image)"],
    ["doc.txt", Buffer.from("%PDF-1.7\n%âãÏÓ\n"), "not a text file (PDF document)"],
    ["a.jsonl", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), "not a text file (ZIP archive)"],
    ["notes.txt.gz", gzipSync("Title\nBody."), "not a text file (gzip archive; .html.gz and .jsonl.gz are read)"],
    ["nul.txt", Buffer.from("Title\nBody\u0000with a NUL.\n"), "not a text file (NUL bytes)"],
  ];
  for (const [name, bytes, message] of cases) assert.deepEqual(readBytes(bytes, name).map((i) => ("error" in i ? i.error.message : "article")), [message], name);
  const jsonl = readBytes(gzipSync('{"title":"Zipped","text":"Read from gzip."}\n'), "a.jsonl.gz");
  assert.deepEqual(articles(jsonl).map((a) => a.title), ["Zipped"]);
});

test("analyze: binary files fail (exit 1 alone), good files in the same run still come out, skipped files are counted", async () => {
  const dir = mkdtempSync(join(tmpdir(), "ng-enc-"));
  writeFileSync(join(dir, "a.txt"), Buffer.from("Café news\nThe café opened in Köln.\n", "latin1"));
  writeFileSync(join(dir, "b.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
  writeFileSync(join(dir, "c.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dir, "d.pdf"), "%PDF-1.4");
  const r = cli(["analyze", dir, "--format", "jsonl"]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).article.title, "Café news");
  assert.match(r.stderr, /warning: .*a\.txt: not valid UTF-8: decoded as windows-1252\n/);
  assert.equal(r.stderr.match(/warning/g)?.length, 1, "one warning, not one per line");
  assert.match(r.stderr, /b\.txt: not a text file \(PNG image\)/);
  assert.match(r.stderr, /2 file\(s\) skipped for their extension/);
  assert.match(r.stderr, /1 article\(s\) analyzed, 1 input error\(s\)/);
  assert.equal(cli(["analyze", join(dir, "b.txt")]).code, 1);
  const items: ReadItem[] = [];
  for await (const item of readInput(dir)) items.push(item);
  assert.equal(items.filter((i) => "skipped" in i).length, 2);
});
