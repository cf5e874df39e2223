import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import { gunzipWhole } from "../src/core/gunzip.js";

// Compressible and incompressible data, well past the 16 KB default chunk.
const data = Buffer.concat([Buffer.alloc(300_000, 7), randomBytes(100_000)]);

test("gunzipWhole inflates into one buffer of exactly the original bytes", () => {
  const out = gunzipWhole(gzipSync(data, { level: 9 }));
  assert.equal(out.length, data.length);
  assert.ok(out.equals(data));
});

test("gunzipWhole fails on a corrupt size trailer as gunzipSync does, and inflates empty input to nothing", () => {
  const gz = gzipSync(data);
  gz.writeUInt32LE(1000, gz.length - 4); // zlib checks the trailer's size: no silent truncation to 1,000 bytes
  assert.throws(() => gunzipSync(gz));
  assert.throws(() => gunzipWhole(gz));
  assert.equal(gunzipWhole(gzipSync(Buffer.alloc(0))).length, 0);
});
