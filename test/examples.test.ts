import assert from "node:assert/strict";
import { test } from "node:test";
import { analyze } from "../src/analyze.js";
import { readInput } from "../src/readers/index.js";
import { repoRoot } from "./support/paths.js";
import { validateAnalysis } from "./support/schema.js";
import { join } from "node:path";

test("examples: every article reads without error and its Analysis validates", async () => {
  let count = 0;
  for await (const item of readInput(join(repoRoot(), "examples"))) {
    assert.ok("article" in item, "error" in item ? `${item.error.origin.file}: ${item.error.message}` : "");
    const analysis = analyze(item.article);
    assert.deepEqual(validateAnalysis(analysis), [], item.article.origin);
    assert.ok(analysis.article.published, `${item.article.origin} has a publication date`);
    count++;
  }
  assert.equal(count, 121, "the seed and the 120 MEANTIME articles");
});
