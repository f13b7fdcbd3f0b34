// Idempotency across processes: two node processes share one Postgres (PGlite served over the wire)
// and send the same keyed request at the same time through the router on these stores; a third
// repeats it later.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type LocalProvider, startLocalProvider } from "@switchyard/local-provider";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startPgliteServer } from "../pgliteServer.ts";

const run = promisify(execFile);
const worker = fileURLToPath(new URL("./twoProcessReplay.worker.ts", import.meta.url));

let provider: LocalProvider;
let pg: Awaited<ReturnType<typeof startPgliteServer>>;
beforeAll(async () => {
  provider = await startLocalProvider();
  // Slow enough that the second process arrives while the first is still waiting upstream.
  provider.control.setFaults("primary", { firstTokenMs: 400 });
  pg = await startPgliteServer({ dataDir: "memory://" });
}, 60_000);
afterAll(async () => {
  await pg?.close();
  await provider?.close();
});

async function callFromProcess(key: string) {
  const { stdout } = await run(process.execPath, ["--import", "tsx", worker], {
    env: { ...process.env, DATABASE_URL: pg.url, LOCAL_PROVIDER_URL: provider.url, IDEMPOTENCY_KEY: key },
    timeout: 60_000,
  });
  return JSON.parse(stdout) as { id: string; text: string; replay: boolean; cost: number };
}

it("two processes sharing one Postgres make one upstream call for one key", async () => {
  const [a, b] = await Promise.all([callFromProcess("two-proc-1"), callFromProcess("two-proc-1")]);
  expect(a.id).toBe(b.id);
  expect(a.text).toBe(b.text);
  expect([a.replay, b.replay].sort()).toEqual([false, true]);
  const later = await callFromProcess("two-proc-1");
  expect(later).toMatchObject({ id: a.id, replay: true, cost: 0 });
  expect(provider.control.log({ idempotencyKey: "two-proc-1" })).toHaveLength(1);
}, 120_000);
