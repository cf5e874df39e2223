import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { evaluatePolnear } from "../src/stages/quotes/eval/cli.js";
import { fixture } from "./support/paths.js";

test("eval quotes --every N: every N-th text in name order, the slice train:quotes holds out", () => {
  const root = mkdtempSync(join(tmpdir(), "polnear-every-"));
  for (const sub of ["text", "attributions"]) mkdirSync(join(root, sub));
  for (const name of ["a", "b", "c", "d", "e"]) {
    copyFileSync(fixture("polnear", "text", "bridge-story.txt"), join(root, "text", `${name}.txt`));
    copyFileSync(fixture("polnear", "attributions", "bridge-story_a1b2.ann"), join(root, "attributions", `${name}_a1b2.ann`));
  }
  const all = evaluatePolnear(root, null);
  const slice = evaluatePolnear(root, null, undefined, false, 2);
  assert.equal(all.texts, 5);
  assert.equal(slice.texts, 2); // b and d
  assert.equal(slice.score.exact.Content.gold * 5, all.score.exact.Content.gold * 2);
});

