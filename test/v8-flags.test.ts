/** The V8 settings every newsgraph process starts with (src/cli/v8-flags.ts). */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { DEFAULT_V8_FLAGS, v8FlagsToSet } from "../src/cli/v8-flags.js";

test("the inlining budget by default; NEWSGRAPH_V8_FLAGS replaces the list; node's own command line wins", () => {
  assert.deepEqual(v8FlagsToSet({}, []), ["--max-inlined-bytecode-size-cumulative=300"]);
  assert.deepEqual(v8FlagsToSet({ NEWSGRAPH_V8_FLAGS: "" }, []), []);
  assert.deepEqual(v8FlagsToSet({ NEWSGRAPH_V8_FLAGS: " --a=1  --b " }, []), ["--a=1", "--b"]);
  assert.deepEqual(v8FlagsToSet({}, ["--max-inlined-bytecode-size-cumulative=920"]), []);
  assert.deepEqual(v8FlagsToSet({}, ["--max_inlined_bytecode_size_cumulative=500"]), [], "V8 reads _ as -");
  assert.deepEqual(v8FlagsToSet({}, ["--max-old-space-size=4096"]), [...DEFAULT_V8_FLAGS]);
});

test("bin/newsgraph.js and the bench entry points set them before any module that does the work is evaluated", () => {
  const firstImport = (file: string) => /^import .*$/m.exec(readFileSync(new URL(`../../${file}`, import.meta.url), "utf8"))?.[0];
  assert.equal(firstImport("bin/newsgraph.js"), 'import "../dist/src/cli/v8-flags.js";');
  for (const bench of ["main", "store", "output-hash", "warmup", "api", "ingest-split"]) {
    assert.equal(firstImport(`src/bench/${bench}.ts`), 'import "../cli/v8-flags.js";', bench);
  }
});
