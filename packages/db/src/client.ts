import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Database } from "./database.ts";
import { markSingleSession, resultRows } from "./database.ts";
import { dbEnv } from "./env.ts";
import { pgliteLabel, postgresLabel } from "./label.ts";
import { applyMigrations, type MigrationResult } from "./migrate.ts";
import { defaultDataDir, defaultMigrationsFolder, isMemory } from "./paths.ts";
import { openPglite } from "./pglite.ts";
import * as schema from "./schema/index.ts";

export interface CreateDbOptions {
  /** A Postgres URL; defaults to DATABASE_URL. When neither is set, the embedded PGlite is used. */
  url?: string;
  /** The PGlite data folder (or `memory://`); defaults to SWITCHYARD_DATA_DIR, then `<repo>/.data/pglite`. */
  dataDir?: string;
  /** The committed SQL migrations; defaults to SWITCHYARD_MIGRATIONS_DIR, then `<repo>/packages/db/drizzle`. */
  migrationsFolder?: string;
  /** Apply migrations before returning (default true). */
  migrate?: boolean;
  /** Reuse one instance per target in this process (default true; `memory://` is never shared). */
  cache?: boolean;
  /** Environment to read instead of process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface DbPing {
  ok: boolean;
  /** e.g. "PostgreSQL 16.4", or "PostgreSQL 18.6 (PGlite 0.5.14)" for the embedded engine. */
  version?: string;
  /** The pgvector extension version, e.g. "0.8.7". */
  vector?: string;
  error?: string;
}

export interface DbHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** Human text for the UI: "embedded PGlite (./.data/pglite)" or "Postgres at host:5432/db". */
  label: string;
  /** What start-up migration did; undefined when `migrate: false`. */
  migrations?: MigrationResult;
  ping(): Promise<DbPing>;
  close(): Promise<void>;
}

const cacheKey = Symbol.for("switchyard.db.instances");
type Cache = Map<string, Promise<DbHandle>>;
// On globalThis so Next's dev hot reload, which re-evaluates modules, never opens PGlite twice.
function instances(): Cache {
  const g = globalThis as { [cacheKey]?: Cache };
  g[cacheKey] ??= new Map();
  return g[cacheKey];
}

/** Opens the database (embedded PGlite or a Postgres server) and brings its schema up to date. */
export function createDb(opts: CreateDbOptions = {}): Promise<DbHandle> {
  try {
    return openOrReuse(opts);
  } catch (error) {
    // Configuration errors reject like every other failure, so `.catch()` sees them too.
    return Promise.reject(error);
  }
}

function openOrReuse(opts: CreateDbOptions): Promise<DbHandle> {
  const env = dbEnv(opts.env);
  const url = opts.url ?? env.DATABASE_URL;
  const dataDir = opts.dataDir ?? defaultDataDir(env.SWITCHYARD_DATA_DIR);
  const key = url ? `postgres:${url}` : `pglite:${dataDir}`;
  const shared = (opts.cache ?? true) && (url !== undefined || !isMemory(dataDir));

  const cache = instances();
  const existing = shared ? cache.get(key) : undefined;
  if (existing) return existing;

  const open = async (): Promise<DbHandle> => {
    const handle = url ? openPostgres(url, env.DATABASE_POOL_MAX) : await openEmbedded(dataDir);
    const close = handle.close;
    handle.close = async () => {
      if (shared) cache.delete(key);
      await close();
    };
    if (opts.migrate ?? true) {
      try {
        const folder = opts.migrationsFolder ?? defaultMigrationsFolder(env.SWITCHYARD_MIGRATIONS_DIR);
        handle.migrations = await applyMigrations(handle.db, folder);
      } catch (error) {
        await handle.close();
        throw error;
      }
    }
    if (handle.kind === "postgres") {
      // DATABASE_URL may point at the embedded PGlite served by `pnpm --filter @switchyard/db serve`.
      const { version } = await handle.ping();
      if (version?.includes("PGlite")) handle.label = postgresLabel(url ?? "", { servedPglite: true });
    }
    return handle;
  };

  const pending = open();
  if (shared) {
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

async function openEmbedded(dataDir: string): Promise<DbHandle> {
  const client = await openPglite(dataDir);
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  markSingleSession(db);
  return {
    db,
    kind: "pglite",
    label: pgliteLabel(dataDir),
    ping: () => ping(db),
    close: () => client.close(),
  };
}

function openPostgres(url: string, poolMax: number): DbHandle {
  // Notices such as "extension vector already exists, skipping" are noise on every start-up.
  const client = postgres(url, { max: poolMax, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    label: postgresLabel(url),
    ping: () => ping(db),
    close: () => client.end({ timeout: 5 }),
  };
}

async function ping(db: Database): Promise<DbPing> {
  try {
    const [row] = resultRows<{ version: string; vector: string | null }>(
      await db.execute(
        sql`select version() as version, (select extversion from pg_extension where extname = 'vector') as vector`,
      ),
    );
    // "PostgreSQL 18.6 (PGlite 0.5.14) on wasm32-unknown-emscripten, compiled by …" -> before " on ".
    const version = row?.version.split(" on ")[0];
    return { ok: true, version, vector: row?.vector ?? undefined };
  } catch (error) {
    // A message for the health route, never a stack.
    return { ok: false, error: error instanceof Error ? error.message : "unreachable" };
  }
}
