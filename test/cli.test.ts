import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fixture, repoRoot } from "./support/paths.js";

const bin = join(repoRoot(), "bin", "newsgraph.js");
const seed = fixture("seed", "000_dbf82c7d13769c2b.txt");

function cli(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tmp(name: string, content: string | Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), "ng-cli-")), name);
  writeFileSync(path, content);
  return path;
}

test("--help on every command, with examples; usage errors exit 2 without a stack trace", () => {
  for (const args of [["--help"], ["analyze", "--help"], ["eval", "--help"]]) {
    const r = cli(args);
    assert.equal(r.code, 0, args.join(" "));
    assert.match(r.stdout, /Usage: newsgraph/);
  }
  assert.match(cli(["analyze", "--help"]).stdout, /Examples:/);
  for (const args of [["frobnicate"], ["analyze"], ["analyze", seed, "--format", "xml"], ["analyze", seed, "--bogus"]]) {
    const r = cli(args);
    assert.equal(r.code, 2, args.join(" "));
    assert.match(r.stderr, /^newsgraph: /);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test("analyze --format json prints one Analysis; several inputs print an array; jsonl one per line", () => {
  const one = cli(["analyze", seed]);
  assert.equal(one.code, 0);
  const analysis = JSON.parse(one.stdout);
  assert.equal(analysis.schema, "newsgraph.analysis/1");
  assert.equal(analysis.article.source, "CNN");

  const two = tmp("two.jsonl", '{"title":"A","text":"First."}\n{"title":"B","text":"Second."}\n');
  const many = JSON.parse(cli(["analyze", two]).stdout);
  assert.ok(Array.isArray(many));
  assert.deepEqual(many.map((a: { article: { title: string } }) => a.article.title), ["A", "B"]);

  const lines = cli(["analyze", two, "--format", "jsonl"]).stdout.trim().split("\n");
  assert.deepEqual(lines.map((l) => JSON.parse(l).article.title), ["A", "B"]);
});

test("analyze --format text shows blocks; stdin and --published work", () => {
  const text = cli(["analyze", seed, "--format", "text"]);
  assert.match(text.stdout, /## Blocks/);
  assert.match(text.stdout, /related {3}ANALYSIS \| Xi Jinping/);
  const piped = cli(["analyze", "-", "--published", "2024-05-01"], "A title\nA body line.\n");
  assert.equal(piped.code, 0);
  assert.equal(JSON.parse(piped.stdout).article.published, "2024-05-01");
  const kept = cli(["analyze", seed, "--published", "2000-01-01"]);
  assert.equal(JSON.parse(kept.stdout).article.published, "2022-12-31", "--published only fills a missing date");
});

test("bad input: errors name the file and line, good articles are still analyzed, exit codes are honest", () => {
  const missing = cli(["analyze", "/no/such/file.txt"]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /\/no\/such\/file\.txt: cannot read: no such file/);

  const empty = cli(["analyze", tmp("empty.txt", "")]);
  assert.equal(empty.code, 1);
  assert.match(empty.stderr, /empty\.txt: empty input/);

  const mixed = tmp("mixed.jsonl", '{"title":"Good","text":"Fine."}\nnot json\n{"title":"No text"}\n');
  const r = cli(["analyze", mixed, "--format", "jsonl"]);
  assert.equal(r.code, 0);
  assert.equal(r.stdout.trim().split("\n").length, 1);
  assert.match(r.stderr, /mixed\.jsonl:2: not JSON/);
  assert.match(r.stderr, /mixed\.jsonl:3: article has no text/);
  assert.equal(cli(["analyze", mixed, "--strict"]).code, 1);

  const badUtf8 = tmp("bad.txt", Buffer.concat([Buffer.from("Title\nGood line.\nBad "), Buffer.from([0xc3, 0x28]), Buffer.from(" line.\n")]));
  const u = cli(["analyze", badUtf8]);
  assert.equal(u.code, 0);
  assert.match(u.stderr, /warning: .*bad\.txt: not valid UTF-8: decoded as windows-1252/);
  assert.equal(JSON.parse(u.stdout).article.title, "Title");

  const both = cli(["analyze", "/no/such/dir", seed, "--format", "jsonl"]);
  assert.equal(both.code, 0, "one unreadable input does not fail the others");
  assert.equal(both.stdout.trim().split("\n").length, 1);
});

test("analyze over many inputs on the worker pool: the same bytes, in input order, as on the main thread", () => {
  // 120 MEANTIME articles, a bad line among them, and the seed after: more than a handful, so --workers 2 uses the pool.
  const meantime = fixture("..", "..", "examples", "meantime", "meantime-en.jsonl");
  const mixed = tmp("mixed.jsonl", readFileSync(meantime, "utf8").split("\n").slice(0, 30).join("\n") + "\nnot json\n");
  for (const format of ["jsonl", "json", "text"]) {
    const args = ["analyze", mixed, meantime, seed, "--format", format];
    const here = cli([...args, "--workers", "0"]);
    const pooled = cli([...args, "--workers", "2"]);
    assert.equal(here.code, 0, here.stderr);
    assert.equal(pooled.code, 0, pooled.stderr);
    assert.equal(pooled.stdout, here.stdout, `--format ${format}: same output`);
    assert.equal(pooled.stderr, here.stderr);
  }
  assert.equal(cli(["analyze", seed, "--workers", "x"]).code, 2);
});
