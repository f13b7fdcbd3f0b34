import { drizzle } from "drizzle-orm/pglite";
import type { Database } from "./database.ts";
import { pgliteLabel } from "./label.ts";
import { applyMigrations, type MigrationResult } from "./migrate.ts";
import { defaultDataDir, defaultMigrationsFolder } from "./paths.ts";
import { openPglite } from "./pglite.ts";
import * as schema from "./schema/index.ts";
import { serveOverWire } from "./wire/wireServer.ts";

export interface PgliteServerOptions {
  /** Defaults to SWITCHYARD_DATA_DIR, then `<repo>/.data/pglite`; `memory://` for tests. */
  dataDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  migrationsFolder?: string;
  /** Apply migrations before serving (default true); tests of concurrent start-up turn it off. */
  migrate?: boolean;
  /**
   * Client connections accepted at once. PGlite runs one batch at a time whatever this is, and an open
   * transaction holds the other connections until it ends (see wire/sessionQueue.ts).
   */
  maxConnections?: number;
}

export interface PgliteServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, for DATABASE_URL. */
  url: string;
  port: number;
  label: string;
  /** Undefined when started with `migrate: false`. */
  migrations?: MigrationResult;
  close(): Promise<void>;
}

/** Serves an embedded PGlite (with pgvector, migrated) over the Postgres wire on 127.0.0.1. */
export async function startPgliteServer(opts: PgliteServerOptions = {}): Promise<PgliteServer> {
  const dataDir = opts.dataDir ?? defaultDataDir(process.env.SWITCHYARD_DATA_DIR);
  const pg = await openPglite(dataDir);
  try {
    const db = drizzle({ client: pg, schema }) as unknown as Database;
    const migrations =
      (opts.migrate ?? true)
        ? await applyMigrations(
            db,
            opts.migrationsFolder ?? defaultMigrationsFolder(process.env.SWITCHYARD_MIGRATIONS_DIR),
          )
        : undefined;
    const server = await serveOverWire(pg, opts.port ?? 0, opts.maxConnections ?? 32);
    const port = server.port;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      label: `${pgliteLabel(dataDir)} served on 127.0.0.1:${port}`,
      migrations,
      close: async () => {
        await server.stop();
        await pg.close();
      },
    };
  } catch (error) {
    await pg.close();
    throw error;
  }
}
