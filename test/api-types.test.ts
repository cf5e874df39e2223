/** web/src/api-schema.ts is what `npm run gen:api-types` writes from the route schemas as they are now. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { API_SCHEMA_FILE, apiTypesSource } from "../src/server/gen/api-types.js";

test("the UI's API types are generated from the current route schemas (run `npm run gen:api-types` if this fails)", async () => {
  const generated = await apiTypesSource();
  assert.match(generated, /export interface paths/);
  assert.match(generated, /"\/api\/stories\/\{id\}"/);
  assert.ok(readFileSync(API_SCHEMA_FILE, "utf8") === generated, `${API_SCHEMA_FILE} is stale: run npm run gen:api-types`);
});
