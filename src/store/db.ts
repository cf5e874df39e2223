/**
 * Where the store lives and how to talk to it. One SQL dialect, PostgreSQL, two homes:
 *
 * - a data directory (default `./newsgraph-data`): embedded PGlite, created on first use, no setup;
 * - a `postgres://` URL: a PostgreSQL server, through node-postgres.
 *
 * Both go through Kysely's own PostgresDialect over a node-postgres Pool: for PGlite the pool is bridged by
 * PGlite's `node-postgres` adapter, so rows are parsed by the same type parsers and every query is the same code.
 * A PGlite directory is single-process: a lock file (`newsgraph.lock`) keeps a second newsgraph out while one runs.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Database } from "./schema.js";
import { LATEST_VERSION, migrate, schemaVersion } from "./migrations/index.js";

export const DEFAULT_DB_DIR = "./newsgraph-data";
/** The PGlite data directory inside a store directory: the store directory also holds the lock file. */
const PGDATA = "pgdata";
const LOCK_FILE = "newsgraph.lock";

/** A problem with the store that the user can act on: printed as one line, exit 1. */
export class StoreError extends Error {}

/** The store named does not exist yet (reading commands never create one). */
export class StoreMissingError extends StoreError {}

export type StoreKind = "pglite" | "postgres";

export interface Store {
  db: Kysely<Database>;
  kind: StoreKind;
  /** The directory (PGlite) or the URL without its password (server), for messages. */
  location: string;
  /** Bytes on disk: the data directory, or pg_database_size on a server. */
  sizeOnDisk(): Promise<number>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Create the store (and apply migrations) when it does not exist yet; reading commands pass false. */
  create?: boolean;
  /** Apply pending migrations (default true). Tests pass a target version to build an older schema. */
  migrateTo?: number;
}

/** The store the command line names: `--db`, else NEWSGRAPH_DB, else ./newsgraph-data. */
export function resolveTarget(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? (env.NEWSGRAPH_DB || DEFAULT_DB_DIR);
}

export function isServerUrl(target: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(target);
}

export async function openStore(target: string, options: OpenOptions = {}): Promise<Store> {
  const store = isServerUrl(target) ? await openServer(target) : await openPglite(target, options.create ?? false);
  try {
    const version = await schemaVersion(store.db).catch(() => 0); // 0 also when the migrations table is not there yet
    if (version > LATEST_VERSION) {
      throw new StoreError(
        `the store at ${store.location} has schema version ${version}, newer than this newsgraph knows (${LATEST_VERSION}); upgrade newsgraph`,
      );
    }
    await migrate(store.db, options.migrateTo);
  } catch (e) {
    await store.close();
    throw describeDbError(e, store.location);
  }
  return store;
}

/** pg returns int8 (counts) as strings and dates as local-time Date objects; we want numbers and ISO strings. */
const TYPES = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20) return (v: string) => Number(v); // int8: counts, ids (all far below 2^53)
    if (oid === 1082 || oid === 1114 || oid === 1184) return (v: string) => v; // date, timestamp(tz): text
    return pg.types.getTypeParser(oid, format ?? "text");
  },
} as unknown as pg.CustomTypesConfig;

async function openServer(url: string): Promise<Store> {
  const location = redact(url);
  const pool = new pg.Pool({ connectionString: url, max: 4, types: TYPES, connectionTimeoutMillis: 10_000 });
  pool.on("error", () => {}); // an idle client's error surfaces at its next query
  try {
    const client = await pool.connect();
    client.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw describeDbError(e, location);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "postgres",
    location,
    async sizeOnDisk() {
      const r = await sql<{ size: number }>`select pg_database_size(current_database())::int8 as size`.execute(db);
      return r.rows[0]?.size ?? 0;
    },
    close: once(() => db.destroy()),
  };
}

async function openPglite(dirArg: string, create: boolean): Promise<Store> {
  const dir = resolve(dirArg);
  const pgdata = join(dir, PGDATA);
  if (!existsSync(dir)) {
    if (!create) throw missing(dirArg);
    mkdirSync(dir, { recursive: true });
  } else if (!statSync(dir).isDirectory()) {
    throw new StoreError(`${dirArg} is a file, not a newsgraph store directory`);
  }
  // The lock first: what the directory holds is only looked at while no other newsgraph is creating it.
  const unlock = lock(dir, dirArg);
  const exists = existsSync(join(pgdata, "PG_VERSION"));
  if (!exists) {
    const entries = readdirSync(dir).filter((n) => n !== LOCK_FILE);
    if (entries.length > 0 || !create) {
      unlock();
      if (entries.length === 0) throw missing(dirArg);
      throw new StoreError(
        entries.includes(PGDATA)
          ? `the store at ${dirArg} is damaged: ${PGDATA}/PG_VERSION is missing (restore it from a backup, or move it away and ingest again)`
          : `${dirArg} is not a newsgraph store (it holds other files); name an empty or new directory with --db`,
      );
    }
  }
  let lite;
  try {
    // Loaded here, not at the top: commands that never open a store do not pay for the WASM module.
    const { PGlite } = await import("@electric-sql/pglite");
    const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
    lite = await withCapturedAbort(() => PGlite.create(pgdata, { extensions: { pg_trgm } }));
    await lite.query("select 1");
  } catch (e) {
    unlock();
    if (!exists) rmSync(pgdata, { recursive: true, force: true }); // no half-created store left behind
    throw new StoreError(
      exists
        ? `the store at ${dirArg} is damaged or not a PGlite data directory: ${firstLine(e)} (restore it from a backup, or move it away and ingest again)`
        : `cannot create a store at ${dirArg}: ${firstLine(e)}`,
    );
  }
  const { createPgConfig } = await import("@electric-sql/pglite/node-postgres");
  const pool = new pg.Pool({ ...(createPgConfig(lite) as unknown as pg.PoolConfig), max: 1, idleTimeoutMillis: 0, types: TYPES });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    kind: "pglite",
    location: dirArg,
    sizeOnDisk: () => directorySize(dir),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await db.destroy();
        await lite.close();
      } finally {
        unlock();
      }
    },
  };
}

function once(f: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= f());
}

function missing(dirArg: string): StoreMissingError {
  return new StoreMissingError(
    `no store at ${dirArg} yet; create one with \`newsgraph ingest <files|dirs> --db ${dirArg}\`` +
      (dirArg === DEFAULT_DB_DIR ? " (or name another with --db DIR, NEWSGRAPH_DB, or a postgres:// URL)" : ""),
  );
}

/**
 * Takes the store directory's lock file, or says who holds it. A lock whose process is gone (killed) is taken over.
 * Returns the function that releases it.
 */
function lock(dir: string, dirArg: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }) + "\n");
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off("exit", release);
        rmSync(path, { force: true });
      };
      process.on("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw new StoreError(`cannot lock the store at ${dirArg}: ${firstLine(e)}`);
      const holder = readLock(path);
      if (holder && holder.pid !== process.pid && alive(holder.pid)) {
        throw new StoreError(
          `the store at ${dirArg} is in use by another newsgraph process (pid ${holder.pid}, since ${holder.since}); ` +
            `wait for it to finish (an embedded store takes one process at a time; a postgres:// server takes many)`,
        );
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new StoreError(`cannot lock the store at ${dirArg}: another process keeps taking the lock`);
}

function readLock(path: string): { pid: number; since: string } | null {
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as { pid?: unknown; since?: unknown };
    return typeof parsed.pid === "number" ? { pid: parsed.pid, since: String(parsed.since) } : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite's WASM build reports a fatal start-up problem by aborting, which Emscripten may also print and turn into an
 * unhandled rejection; during the open we keep such a rejection from ending the process, and surface it as an error.
 */
async function withCapturedAbort<T>(open: () => Promise<T>): Promise<T> {
  let captured: unknown = null;
  const onRejection = (reason: unknown) => {
    captured ??= reason;
  };
  process.on("unhandledRejection", onRejection);
  try {
    const value = await open();
    if (captured) throw captured;
    return value;
  } finally {
    process.off("unhandledRejection", onRejection);
  }
}

async function directorySize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) total += await directorySize(full);
    else if (entry.isFile()) total += (await stat(full)).size;
  }
  return total;
}

/** A database error as one line the user can act on: login refused, server down, no such database. */
export function describeDbError(e: unknown, location: string): Error {
  if (e instanceof StoreError) return e;
  const err = e as { code?: string; message?: string; errors?: unknown[] };
  const message = firstLine(e);
  switch (err.code) {
    case "28P01":
    case "28000":
      return new StoreError(`the PostgreSQL server at ${location} refused the login: ${message}`);
    case "3D000":
      return new StoreError(`${message} on the PostgreSQL server at ${location}; create it first (createdb)`);
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return new StoreError(`cannot reach the PostgreSQL server at ${location}: ${message || err.code}`);
    case "42501":
      return new StoreError(`the PostgreSQL server at ${location} denied a permission newsgraph needs: ${message}`);
  }
  if (Array.isArray(err.errors) && err.errors.length > 0) return describeDbError(err.errors[0], location); // AggregateError (IPv4 + IPv6)
  return e instanceof Error ? e : new Error(message);
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ":***@");
  }
}

function firstLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return (m.split("\n")[0] ?? "").trim();
}
