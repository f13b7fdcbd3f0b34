// Test helpers for the db package's tests: both ways to open a throwaway database, seeded random
// vectors, and the count of committed migrations. Imported by *.test.ts files only.
import { readFileSync } from "node:fs";
import path from "node:path";
import { seededRandom } from "@switchyard/local-provider/seededRandom";
import { createDb, type DbHandle } from "../client.ts";
import { defaultMigrationsFolder } from "../paths.ts";
import { startPgliteServer } from "../pgliteServer.ts";
import { EMBEDDING_DIMENSIONS } from "../schema/index.ts";

export function randomVector(seed: number, dimensions = EMBEDDING_DIMENSIONS): number[] {
  const next = seededRandom(seed);
  return Array.from({ length: dimensions }, () => next() * 2 - 1);
}

/** `base` moved a little in a random direction: close in cosine distance, not identical. */
export function near(base: number[], seed: number, amount = 0.3): number[] {
  const noise = randomVector(seed, base.length);
  return base.map((v, i) => v + amount * (noise[i] ?? 0));
}

export interface TestDatabase {
  handle: DbHandle;
  close(): Promise<void>;
}

/** The two ways tests reach a database: in-process PGlite, and PGlite over the wire via postgres.js. */
export const DATABASE_PATHS = [
  {
    name: "embedded PGlite",
    open: async (): Promise<TestDatabase> => {
      const handle = await createDb({ dataDir: "memory://" });
      return { handle, close: () => handle.close() };
    },
  },
  {
    name: "PGlite served over the wire, through postgres.js",
    open: async (): Promise<TestDatabase> => {
      const server = await startPgliteServer({ dataDir: "memory://" });
      const handle = await createDb({ url: server.url, cache: false });
      return {
        handle,
        close: async () => {
          await handle.close();
          await server.close();
        },
      };
    },
  },
] as const;

/** How many migrations are committed, from drizzle-kit's journal. */
export function committedMigrations(): number {
  const journal = JSON.parse(
    readFileSync(path.join(defaultMigrationsFolder(), "meta", "_journal.json"), "utf8"),
  );
  return (journal as { entries: unknown[] }).entries.length;
}
