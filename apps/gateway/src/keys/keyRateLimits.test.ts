// A key's rate limits in shares: two processes on one database never let a key past its limit, what a
// share did not use goes back, and limits past the limiter's 60 million a minute are counted in units.
import { consumeRateLimit, createDb, type DbHandle } from "@switchyard/db";
import { LEASE_SHARE } from "@switchyard/router";
import { afterAll, beforeAll, expect, it } from "vitest";
import { inUnits, KeyRateLimits } from "./keyRateLimits.ts";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createDb({ dataDir: "memory://" });
}, 60_000);
afterAll(async () => {
  await handle?.close();
});

const keyWith = (id: string, rpm: number) => ({ id, rpm, tpm: null });

it("keeps two processes' shares of a key within its limit together", async () => {
  const [a, b] = [new KeyRateLimits(handle.db), new KeyRateLimits(handle.db)];
  const key = keyWith("vk_shared", 600);
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: 1000 }, (_, i) => (i % 2 ? a : b).take(key, 10).then((o) => o.allowed)),
  );
  const seconds = (performance.now() - started) / 1000;
  const through = outcomes.filter(Boolean).length;
  // The bucket refills 10 a second while the burst runs; a share holds at most LEASE_SHARE of the limit.
  expect(through).toBeLessThanOrEqual(600 + Math.ceil(seconds * 10));
  expect(through).toBeGreaterThanOrEqual(600 - 2 * 600 * LEASE_SHARE);
  await Promise.all([a.close(), b.close()]);
});

it("gives back what a share did not use when it closes", async () => {
  const limits = new KeyRateLimits(handle.db);
  const key = keyWith("vk_returns", 6000);
  for (let i = 0; i < 20; i++) expect((await limits.take(key, 10)).allowed).toBe(true);
  await limits.close();
  // 20 taken, whatever share sizes they came in: the bucket has the rest (less a refill's rounding).
  const left = await consumeRateLimit(handle.db, {
    key: "vkey:vk_returns:rpm",
    limit: 6000,
    windowSeconds: 60,
  });
  expect(left.remaining).toBeGreaterThanOrEqual(6000 - 21);
});

it("keeps small limits as they are and counts large ones in units, rounding the cost up", () => {
  expect(inUnits(100_000, 250)).toEqual({ limit: 100_000, cost: 250, unit: 1 });
  expect(inUnits(60_000_000, 7)).toEqual({ limit: 60_000_000, cost: 7, unit: 1 });
  expect(inUnits(100_000_000, 7)).toEqual({ limit: 50_000_000, cost: 4, unit: 2 });
  expect(inUnits(1_000_000_000, 1)).toEqual({ limit: 58_823_529, cost: 1, unit: 17 });
});
