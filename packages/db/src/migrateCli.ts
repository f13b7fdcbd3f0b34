import { createDb } from "./client.ts";

// `pnpm --filter @switchyard/db migrate`: applies committed migrations to DATABASE_URL or the embedded PGlite.
try {
  const handle = await createDb({ cache: false });
  const ping = await handle.ping();
  console.log(
    JSON.stringify({
      target: handle.label,
      applied: handle.migrations?.applied ?? 0,
      total: handle.migrations?.total ?? 0,
      version: ping.version,
      vector: ping.vector,
    }),
  );
  await handle.close();
} catch (error) {
  console.error(`[db] migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
