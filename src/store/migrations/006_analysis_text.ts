import { type Kysely, sql } from "kysely";
import type { Migration } from "./index.js";

/**
 * The article's Analysis and blocks as JSON text instead of jsonb (issue #10, the write path). No query looks inside
 * either: the article page reads the Analysis whole, and nothing reads `blocks`. jsonb made every write parse and
 * re-encode 10–40 KB of JSON inside PostgreSQL: on PGlite, where that work runs on the main thread in WebAssembly,
 * 3.7 ms of the 10.9 ms an article cost to write (drop-one experiment, docs/benchmarks.md); on a server 1.2 ms of
 * its 3.8 ms. The text is what JSON.stringify made (the analysis workers send it), so it is stored as is; a query
 * that ever needs to look inside can cast (`analysis::jsonb`). Rewrites the articles table once.
 */
export const migration: Migration = {
  version: 6,
  name: "analysis and blocks as JSON text",
  async up(db: Kysely<any>) {
    await sql`alter table articles alter column analysis type text using analysis::text, alter column blocks type text using blocks::text`.execute(db);
  },
};
