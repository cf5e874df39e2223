import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/stages/time/eval/cli.js";
import { parseTimeml } from "../src/corpora/timeml.js";

const TML = `<?xml version="1.0" ?>
<TimeML>
<DOCID>demo</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-12-31" temporalFunction="false" functionInDocument="CREATION_TIME">2022-12-31</TIMEX3></DCT>
<TEXT>
Russia <EVENT eid="e1" class="OCCURRENCE">launched</EVENT> missiles on <TIMEX3 tid="t1" type="DATE" value="2022-12-29">Thursday</TIMEX3> &amp; said talks would last <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>. Yun Sun <EVENT eid="e2" class="REPORTING">agreed</EVENT> <TIMEX3 tid="t3" type="DATE" value="PAST_REF">recently</TIMEX3>.
</TEXT>
</TimeML>
`;

test("TimeML reading strips tags and keeps gold offsets", () => {
  const doc = parseTimeml(TML);
  assert.equal(doc.dct, "2022-12-31");
  assert.equal(doc.gold.length, 3);
  assert.equal(doc.text.slice(doc.gold[0]!.start, doc.gold[0]!.end), "Thursday");
  assert.ok(doc.text.includes("& said"));
});

test("eval timex scores a TimeML folder and writes TempEval-3 files", async () => {
  const dir = mkdtempSync(join(tmpdir(), "timex-"));
  const gold = join(dir, "gold");
  const out = join(dir, "out");
  mkdirSync(gold);
  writeFileSync(join(gold, "demo.tml"), TML);
  const lines: string[] = [];
  const log = console.log;
  console.log = (s: string) => lines.push(s);
  try {
    assert.equal(await main(["--timeml", gold, "--out", out, "--json"]), 0);
  } finally {
    console.log = log;
  }
  const [r] = JSON.parse(lines.join("\n"));
  assert.equal(r.gold, 3);
  assert.equal(r.system, 3);
  assert.equal(r.relaxed.f1, 1);
  assert.equal(r.valueF1, 1);
  const written = readFileSync(join(out, "demo.tml"), "utf8");
  assert.match(written, /<TIMEX3 tid="t1" type="DATE" value="2022-12-29">Thursday<\/TIMEX3>/);
  assert.match(written, /<DCT>/);
  assert.deepEqual(parseTimeml(written).gold.map((g) => g.value), ["2022-12-29", "P2W", "PAST_REF"]);
});

test("eval timex --half splits a folder by file-name hash into two disjoint halves", async () => {
  const dir = mkdtempSync(join(tmpdir(), "timex-half-"));
  for (let k = 0; k < 6; k++) writeFileSync(join(dir, `doc${k}.tml`), TML);
  const files: number[] = [];
  const log = console.log;
  const lines: string[] = [];
  console.log = (s: string) => lines.push(s);
  try {
    for (const half of ["even", "odd"]) {
      lines.length = 0;
      assert.equal(await main(["--timeml", dir, "--half", half, "--json"]), 0);
      files.push(JSON.parse(lines.join("\n"))[0].files);
    }
    assert.equal(await main(["--timeml", dir, "--half", "both"]), 2);
  } finally {
    console.log = log;
  }
  assert.equal(files[0]! + files[1]!, 6);
});
