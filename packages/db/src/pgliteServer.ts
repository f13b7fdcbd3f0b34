import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { drizzle } from "drizzle-orm/pglite";
import type { Database } from "./database.ts";
import { pgliteLabel } from "./label.ts";
import { applyMigrations, type MigrationResult } from "./migrate.ts";
import { defaultDataDir, defaultMigrationsFolder } from "./paths.ts";
import { openPglite } from "./pglite.ts";
import * as schema from "./schema/index.ts";

export interface PgliteServerOptions {
  /** Defaults to SWITCHYARD_DATA_DIR, then `<repo>/.data/pglite`; `memory://` for tests. */
  dataDir?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  migrationsFolder?: string;
  /**
   * Client connections accepted at once. PGlite runs one query at a time whatever this is, and an open
   * transaction holds the other connections' queries until it ends; several are needed so two apps
   * (and a migration script) can be connected together.
   */
  maxConnections?: number;
}

export interface PgliteServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`, for DATABASE_URL. */
  url: string;
  port: number;
  label: string;
  migrations: MigrationResult;
  close(): Promise<void>;
}

/** Serves an embedded PGlite (with pgvector, migrated) over the Postgres wire on 127.0.0.1. */
export async function startPgliteServer(opts: PgliteServerOptions = {}): Promise<PgliteServer> {
  const dataDir = opts.dataDir ?? defaultDataDir(process.env.SWITCHYARD_DATA_DIR);
  const pg = await openPglite(dataDir);
  try {
    const db = drizzle({ client: pg, schema }) as unknown as Database;
    const migrations = await applyMigrations(
      db,
      opts.migrationsFolder ?? defaultMigrationsFolder(process.env.SWITCHYARD_MIGRATIONS_DIR),
    );
    const server = new PGLiteSocketServer({
      db: pg,
      host: "127.0.0.1",
      port: opts.port ?? 0,
      maxConnections: opts.maxConnections ?? 32,
    });
    await server.start();
    const port = Number(server.getServerConn().split(":").pop());
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
