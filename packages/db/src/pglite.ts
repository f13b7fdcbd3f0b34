import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { isMemory } from "./paths.ts";

/** Opens (creating if missing) an embedded PGlite with pgvector loaded. */
export async function openPglite(dataDir: string): Promise<PGlite> {
  // PGlite does not create parent folders.
  if (!isMemory(dataDir)) await mkdir(dataDir, { recursive: true });
  // The options-object form: `new PGlite(dataDir, undefined)` would drop the extensions.
  const pg = new PGlite({ dataDir, extensions: { vector } });
  await pg.waitReady;
  return pg;
}
