// Rate limits across processes: two node processes on one Postgres (PGlite served over the wire), each
// with its own connection pool, burst at the same key at the same moment; together they get the limit.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startPgliteServer } from "../pgliteServer.ts";

const run = promisify(execFile);
const worker = fileURLToPath(new URL("./twoProcessRateLimit.worker.ts", import.meta.url));

let pg: Awaited<ReturnType<typeof startPgliteServer>>;
beforeAll(async () => {
  pg = await startPgliteServer({ dataDir: "memory://" });
}, 60_000);
afterAll(async () => {
  await pg?.close();
});

async function burstFromProcess(requests: number, limit: number, startAt: number) {
  const { stdout } = await run(process.execPath, ["--import", "tsx", worker], {
    env: {
      ...process.env,
      DATABASE_URL: pg.url,
      RATE_LIMIT: String(limit),
      REQUESTS: String(requests),
      START_AT: String(startAt),
    },
    timeout: 60_000,
  });
  return (JSON.parse(stdout) as { allowed: number }).allowed;
}

it("two processes bursting 60 requests each at a limit of 40 get 40 through between them", async () => {
  const startAt = Date.now() + 8_000;
  const [a, b] = await Promise.all([burstFromProcess(60, 40, startAt), burstFromProcess(60, 40, startAt)]);
  console.log(`two processes, 120 requests, limit 40: ${a} + ${b} = ${a + b} allowed`);
  expect(a + b).toBe(40);
}, 120_000);
