/**
 * Versioned migrations: each a numbered module here, applied in order, once, each in its own transaction, and
 * recorded in `newsgraph_migrations`. A store at an older version is brought up to date when it is opened.
 * Never edit a migration that has shipped: add the next one.
 */
import { type Kysely, sql } from "kysely";
import * as m001 from "./001_articles_entities.js";
import * as m002 from "./002_statements.js";
import * as m003 from "./003_search.js";
import * as m004 from "./004_stories.js";
import * as m005 from "./005_latency.js";
import * as m006 from "./006_analysis_text.js";
import * as m007 from "./007_stories_state.js";
import * as m008 from "./008_entity_profile.js";

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<any>): Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008].map((m) => m.migration);
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Any number: the key of the advisory lock that keeps two processes from migrating one server at once. */
const MIGRATION_LOCK = 7_260_310;

/** Applies every migration above the store's version, up to `target` (default: all). Returns the versions applied. */
export async function migrate(db: Kysely<any>, target: number = LATEST_VERSION): Promise<number[]> {
  // Under the lock too: two processes opening a new server database at once (workers) would otherwise race on
  // "create table if not exists", which is not safe against itself.
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await trx.schema
      .createTable("newsgraph_migrations")
      .ifNotExists()
      .addColumn("version", "integer", (c) => c.primaryKey())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("applied_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  });
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version > target) break;
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
      const done = await trx.selectFrom("newsgraph_migrations").select("version").where("version", "=", migration.version).executeTakeFirst();
      if (done) return;
      await migration.up(trx);
      await trx.insertInto("newsgraph_migrations").values({ version: migration.version, name: migration.name }).execute();
      applied.push(migration.version);
    });
  }
  return applied;
}

/** The store's schema version: the highest migration applied (0 for none). */
export async function schemaVersion(db: Kysely<any>): Promise<number> {
  const row = await db
    .selectFrom("newsgraph_migrations")
    .select((eb) => eb.fn.max<number>("version").as("v"))
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}
