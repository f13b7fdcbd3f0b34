import { dbEnv } from "./env.ts";
import { startPgliteServer } from "./pgliteServer.ts";

// `pnpm --filter @switchyard/db serve`: one embedded database that both apps reach through DATABASE_URL.
const env = dbEnv();
const server = await startPgliteServer({ port: env.PGLITE_PORT });
console.log(`[db] ${server.label}; migrations applied: ${server.migrations?.applied ?? 0}`);
console.log(`[db] DATABASE_URL=${server.url}`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`[db] ${signal}: closing`);
  await server.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));
