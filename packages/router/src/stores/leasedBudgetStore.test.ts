// Budgets in leases: a busy scope asks the shared store a few times instead of once per request, the cap
// still holds across processes sharing the store, and a small cap is still counted request by request.
import { describe, expect, it } from "vitest";
import { LEASE_MS, LEASE_SHARE, LeasedBudgetStore } from "./leasedBudgetStore.ts";
import { MemoryBudgetStore } from "./memoryBudgetStore.ts";
import type { BudgetScope, BudgetStore } from "./types.ts";

const day = "2026-12-03";

/** The shared store, counting the reservations it is asked for. */
function sharedStore() {
  const store = new MemoryBudgetStore();
  const asked: number[] = [];
  const counting: BudgetStore = {
    reserve: (scopes, usd, d, o) => {
      asked.push(usd);
      return store.reserve(scopes, usd, d, o);
    },
    settle: (r, usd) => store.settle(r, usd),
    used: (s, d) => store.used(s, d),
    releaseExpiredHolds: () => store.releaseExpiredHolds(),
  };
  return { store: counting, asked };
}

/** n requests at once: reserve `estimate`, then settle at `actual`; how many got a reservation. */
async function requests(
  store: BudgetStore,
  scopes: BudgetScope[],
  n: number,
  estimate: number,
  actual: number,
) {
  const outcomes = await Promise.all(
    Array.from({ length: n }, async () => {
      const result = await store.reserve(scopes, estimate, day, { holdMs: 60_000 });
      if (!result.ok) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
      await store.settle(result.reservation, actual);
      return true;
    }),
  );
  return outcomes.filter(Boolean).length;
}

describe("LeasedBudgetStore", () => {
  it("reserves a busy scope in a few leases, and the shared store ends with what the requests cost", async () => {
    const shared = sharedStore();
    const leased = new LeasedBudgetStore(shared.store);
    const scopes = [{ scope: "vkey:busy", limitUsd: 100 }];
    let through = 0;
    for (let wave = 0; wave < 10; wave++) through += await requests(leased, scopes, 100, 0.001, 0.0004);
    await leased.flush();
    expect(through).toBe(1000);
    expect(shared.asked.length).toBeLessThan(100);
    expect(Math.max(...shared.asked)).toBeLessThanOrEqual(100 * LEASE_SHARE);
    expect(await shared.store.used("vkey:busy", day)).toBeCloseTo(1000 * 0.0004, 9);
  });

  it("never lets two processes on one store spend past the cap together", async () => {
    const shared = sharedStore();
    const [a, b] = [new LeasedBudgetStore(shared.store), new LeasedBudgetStore(shared.store)];
    const scopes = [{ scope: "vkey:shared", limitUsd: 1 }];
    const [throughA, throughB] = await Promise.all([
      requests(a, scopes, 300, 0.01, 0.01),
      requests(b, scopes, 300, 0.01, 0.01),
    ]);
    await Promise.all([a.flush(), b.flush()]);
    // 100 requests fit; a lease holds at most a twentieth of the cap, and near the cap requests
    // reserve their own estimate, so what one process holds and does not use is all that can be lost.
    expect(throughA + throughB).toBeLessThanOrEqual(100);
    expect(throughA + throughB).toBeGreaterThanOrEqual(100 - 2 * 100 * LEASE_SHARE);
    expect(await shared.store.used("vkey:shared", day)).toBeLessThanOrEqual(1 + 1e-9);
  });

  it("counts a cap smaller than a lease request by request", async () => {
    const shared = sharedStore();
    const leased = new LeasedBudgetStore(shared.store);
    const scopes = [{ scope: "vkey:small", limitUsd: 0.0002 }];
    const through = await requests(leased, scopes, 10, 0.00005, 0.00003);
    // A lease of one request, each: every one was reserved at its own estimate.
    expect(through).toBe(4);
    expect(shared.asked.filter((usd) => usd !== 0.00005)).toEqual([]);
    await leased.flush();
    expect(await shared.store.used("vkey:small", day)).toBeCloseTo(4 * 0.00003, 12);
  });

  // A quarter of a lease apart, and a little over one (a lease renewed only when it ran out would just
  // have gone each time).
  it.each([
    { gapMs: LEASE_MS / 4, n: 8 },
    { gapMs: LEASE_MS * 1.05, n: 4 },
  ])(
    "takes the next lease ahead of a caller $gapMs ms apart, so no request after its first waits for the store",
    async ({ gapMs, n }) => {
      const shared = sharedStore();
      // The shared store answers only between this caller's requests: one that needs it hangs meanwhile.
      let storeOpen = true;
      const parked: (() => void)[] = [];
      const gated: BudgetStore = {
        ...shared.store,
        reserve: async (...args) => {
          while (!storeOpen) await new Promise<void>((resolve) => parked.push(resolve));
          return shared.store.reserve(...args);
        },
      };
      const openStore = (open: boolean) => {
        storeOpen = open;
        if (open) for (const resume of parked.splice(0)) resume();
      };
      const leased = new LeasedBudgetStore(gated);
      const scopes = [{ scope: "vkey:steady", limitUsd: 100 }];
      const waited: boolean[] = [];
      for (let i = 0; i < n; i++) {
        openStore(i === 0);
        const pending = leased.reserve(scopes, 0.001, day, { holdMs: 60_000 });
        const first = await Promise.race([pending, sleep(100).then(() => "hung" as const)]);
        waited.push(first === "hung");
        openStore(true);
        const result = await pending;
        if (result.ok) await leased.settle(result.reservation, 0.001);
        await sleep(gapMs);
      }
      expect(waited).toEqual(Array(n).fill(false));
      await leased.flush();
      expect(await shared.store.used("vkey:steady", day)).toBeCloseTo(n * 0.001, 12);
    },
  );
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
