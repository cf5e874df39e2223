import { test } from "node:test";
import assert from "node:assert/strict";
import { main } from "../src/stages/amounts/eval/cli.js";
import { fixture } from "./support/paths.js";

// A hand-written MEANTIME file: "# 13 billion" (the corpus's pound sign), "3.5 %", "120 points", "2,000 jobs",
// "twelve new jets", "US$ 5 million" and a bare index level "682.60" (index points); the last sentence
// holds no markable, so it is outside the annotated part and not tagged. It has a folder of its own because the
// entities test scores every file below fixtures/meantime.
const dir = fixture("meantime-values");

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const [log, error] = [console.log, console.error];
  console.log = (s: string) => out.push(s);
  console.error = (s: string) => err.push(s);
  try {
    return { code: await main(argv), out: out.join("\n"), err: err.join("\n") };
  } finally {
    [console.log, console.error] = [log, error];
  }
}

test("eval amounts scores VALUE markables: counts by their number, measures with their unit", async () => {
  const { code, out } = await run(["--meantime", dir, "--json", "--errors", "5"]);
  assert.equal(code, 0);
  const r = JSON.parse(out);
  assert.equal(r.files, 1);
  assert.equal(r.exact.gold, 7);
  assert.equal(r.exact.system, 7);
  assert.equal(r.exact.all.p, 1);
  assert.equal(r.exact.all.r, 1);
  assert.deepEqual([r.exact.byType.MONEY.f1, r.exact.byType.PERCENT.f1, r.exact.byType.QUANTITY.f1], [1, 1, 1]);
  // Our own extents ("2,000 jobs", "twelve new jets") are not MEANTIME's.
  assert.equal(r.raw.all.p, 5 / 7);
  assert.equal(r.overlap.all.r, 1);
  assert.deepEqual(r.errors, []);
});

test("eval amounts: help, and one-line usage errors with exit code 2", async () => {
  const help = await run(["--help"]);
  assert.equal(help.code, 0);
  assert.match(help.out, /^Usage: newsgraph eval amounts/);
  assert.match(help.out, /Examples:/);
  for (const argv of [[], ["--meantime"], ["--meantime", dir, "--half", "both"], ["--meantime", dir, "--errors", "x"], ["--bogus"], ["--meantime", "/nonexistent"]]) {
    const r = await run(argv);
    assert.equal(r.code, 2, argv.join(" "));
    assert.equal(r.err.split("\n").length, 1);
  }
});
