// A process killed with SIGKILL in the middle of a request leaves a budget hold and an unfinished
// idempotency claim in Postgres. Neither is given away early, neither outlives its expiry: the hold is
// given back (nothing held until midnight) and the key can be claimed again once the lease runs out.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { type LocalProvider, startLocalProvider } from "@switchyard/local-provider";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type DbHandle } from "../client.ts";
import { startPgliteServer } from "../pgliteServer.ts";
import { budgetHolds, idempotencyKeys } from "../schema/index.ts";
import { PgBudgetStore } from "./pgBudgetStore.ts";
import { PgIdempotencyStore } from "./pgIdempotencyStore.ts";

const worker = fileURLToPath(new URL("./killedMidRequest.worker.ts", import.meta.url));
const later = (ms: number) => () => new Date(Date.now() + ms);

let provider: LocalProvider;
let pg: Awaited<ReturnType<typeof startPgliteServer>>;
let handle: DbHandle;
beforeAll(async () => {
  provider = await startLocalProvider();
  // The answer would take a minute: the process is killed long before.
  for (const endpoint of ["primary", "backup", "zdr"])
    provider.control.setFaults(endpoint, { firstTokenMs: 60_000 });
  pg = await startPgliteServer({ dataDir: "memory://" });
  handle = await createDb({ url: pg.url, cache: false });
}, 60_000);
afterAll(async () => {
  await handle?.close();
  await pg?.close();
  await provider?.close();
});

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the worker");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("gives back the budget a killed process held, after its expiry and not before", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", worker], {
    env: {
      ...process.env,
      DATABASE_URL: pg.url,
      LOCAL_PROVIDER_URL: provider.url,
      IDEMPOTENCY_KEY: "kill-1",
    },
    stdio: "ignore",
  });
  const exited = once(child, "exit");
  await until(async () => (await handle.db.select().from(budgetHolds)).length > 0);
  child.kill("SIGKILL");
  const [code, signal] = await exited;
  expect({ code, signal }).toEqual({ code: null, signal: "SIGKILL" });

  const day = new Date().toISOString().slice(0, 10);
  const budgets = new PgBudgetStore(handle.db);
  const held = await budgets.used("user:killed", day);
  expect(held).toBeGreaterThan(0);
  // Still within the dead request's deadline: nobody can tell it is dead yet, so nothing is given back.
  expect(await budgets.releaseExpiredHolds()).toBe(0);
  expect(await budgets.used("user:killed", day)).toBe(held);
  // Past it (the request's total timeout plus a minute): the hold is given back in full.
  const afterExpiry = new PgBudgetStore(handle.db, { now: later(10 * 60_000) });
  expect(await afterExpiry.releaseExpiredHolds()).toBe(1);
  expect(await budgets.used("user:killed", day)).toBe(0);
  expect(await handle.db.select().from(budgetHolds)).toEqual([]);

  // The killed request's key: in flight until its lease runs out, then a retry may run it.
  const keys = new PgIdempotencyStore(handle.db);
  const scoped = "kill-test:killed:kill-1";
  const options = { ttlMs: 24 * 3_600_000, leaseMs: 5 * 60_000 };
  const [row] = await handle.db.select().from(idempotencyKeys);
  expect(row).toMatchObject({ key: scoped, state: "in_progress" });
  expect(await keys.claim(scoped, row!.fingerprint, options)).toEqual({ state: "in_progress" });
  const retry = new PgIdempotencyStore(handle.db, { now: later(options.leaseMs + 1_000) });
  expect(await retry.claim(scoped, row!.fingerprint, options)).toMatchObject({ state: "claimed" });
}, 90_000);
