// What keeps the stores right when a process dies or a step fails: claim holders, a write committed
// with its key's completion, the purge of expired keys, and budget holds given back after they expire.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgets, idempotencyKeys } from "../schema/index.ts";
import { DATABASE_PATHS, type TestDatabase } from "../testing/testDatabases.ts";
import { PgBudgetStore } from "./pgBudgetStore.ts";
import { ClaimLostError, PgIdempotencyStore } from "./pgIdempotencyStore.ts";
import { maintainStores, startStoreMaintenance } from "./storeMaintenance.ts";

const options = { ttlMs: 3_600_000, leaseMs: 30_000 };
const holderOf = (claim: Awaited<ReturnType<PgIdempotencyStore["claim"]>>) =>
  claim.state === "claimed" ? claim.holder : "not-claimed";

describe.each(DATABASE_PATHS)("crash safety on $name", ({ open }) => {
  let t: TestDatabase;
  // Years ahead of the real clock, so the maintenance run on the real clock expires none of these rows.
  let clock = Date.parse("2030-01-01T00:00:00Z");
  const now = () => new Date(clock);
  beforeAll(async () => {
    t = await open();
  });
  afterAll(() => t.close());

  const limitOf = async (scope: string) =>
    (await t.handle.db.select().from(budgets).where(eq(budgets.scope, scope)))[0]?.limitUsd;

  it("lets only the claim's holder complete or release a key", async () => {
    const store = new PgIdempotencyStore(t.handle.db, { namespace: "holders", now });
    const dead = holderOf(await store.claim("h", "fp", options));
    clock += options.leaseMs + 1; // the holder died; another caller takes the key over
    const live = holderOf(await store.claim("h", "fp", options));
    expect(await store.complete("h", dead, { from: "dead" })).toBe(false);
    expect(await store.release("h", dead)).toBe(false);
    expect(await store.claim("h", "fp", options)).toEqual({ state: "in_progress" });
    expect(await store.complete("h", live, { from: "live" })).toBe(true);
    expect(await store.claim("h", "fp", options)).toEqual({ state: "replay", response: { from: "live" } });
  });

  it("commits a write with its key's completion, or neither", async () => {
    const store = new PgIdempotencyStore(t.handle.db, { namespace: "writes", now });
    const write = (scope: string) => async (tx: typeof t.handle.db) => {
      await tx.insert(budgets).values({ scope, limitUsd: 1 });
      return { scope };
    };
    // A failure between the write and the completion: both roll back, the holder may release.
    const first = holderOf(await store.claim("w1", "fp", options));
    await expect(
      store.completeWith("w1", first, async (tx) => {
        await write("user:w1")(tx);
        throw new Error("injected between write and complete");
      }),
    ).rejects.toThrow("injected");
    expect(await limitOf("user:w1")).toBeUndefined();
    expect(await store.release("w1", first)).toBe(true);
    const second = holderOf(await store.claim("w1", "fp", options));
    expect(await store.completeWith("w1", second, write("user:w1"))).toEqual({ scope: "user:w1" });
    expect(await store.claim("w1", "fp", options)).toEqual({
      state: "replay",
      response: { scope: "user:w1" },
    });

    // A holder whose claim was taken over writes nothing.
    const stale = holderOf(await store.claim("w2", "fp", options));
    clock += options.leaseMs + 1;
    await store.claim("w2", "fp", options);
    await expect(store.completeWith("w2", stale, write("user:w2"))).rejects.toBeInstanceOf(ClaimLostError);
    expect(await limitOf("user:w2")).toBeUndefined();
  });

  it("purges expired keys of every namespace and nothing else", async () => {
    const short = { ttlMs: 60_000, leaseMs: 60_000 };
    const router = new PgIdempotencyStore(t.handle.db, { namespace: "purge-router", now });
    const todo = new PgIdempotencyStore(t.handle.db, { namespace: "purge-todo:u1", now });
    await router.complete("old", holderOf(await router.claim("old", "fp", short)), { old: 1 });
    await todo.complete("old", holderOf(await todo.claim("old", "fp", short)), { old: 2 });
    await todo.claim("stuck", "fp", short); // never completed: expires too
    clock += 30_000;
    await router.complete("young", holderOf(await router.claim("young", "fp", short)), { young: 1 });
    await todo.claim("running", "fp", short);
    clock += 30_001; // the first three are past their time to live; "young" and "running" are not
    const before = await namespacesLeft();
    // The run at start-up is on the real clock, years behind this test's: none of these are expired yet.
    const maintenance = startStoreMaintenance(t.handle.db);
    expect(await maintenance.started).toMatchObject({ releasedHolds: 0 });
    maintenance.stop();
    expect(await namespacesLeft()).toEqual(before);
    expect(await maintainStores(t.handle.db, now())).toMatchObject({ purgedKeys: 3, releasedHolds: 0 });
    expect(await namespacesLeft()).toEqual(["purge-router/young", "purge-todo:u1/running"]);
    expect(await router.claim("young", "fp", short)).toEqual({ state: "replay", response: { young: 1 } });
    expect(await todo.claim("running", "fp", short)).toEqual({ state: "in_progress" });
  });

  it("gives back a budget hold nobody settled once it expires, and only that one", async () => {
    const store = new PgBudgetStore(t.handle.db, { now });
    const scopes = [{ scope: "user:held", limitUsd: 1 }];
    const day = "2026-12-03";
    const crashed = await store.reserve(scopes, 0.6, day, { holdMs: 60_000 });
    const running = await store.reserve(scopes, 0.3, day, { holdMs: 600_000 });
    if (!crashed.ok || !running.ok) throw new Error("both holds must fit");
    expect((await store.reserve(scopes, 0.2, day)).ok).toBe(false);
    clock += 60_001;
    expect(await store.releaseExpiredHolds()).toBe(1);
    expect(await store.used("user:held", day)).toBeCloseTo(0.3, 10);
    await store.settle(running.reservation, 0.1);
    expect(await store.used("user:held", day)).toBeCloseTo(0.1, 10);
    // The request that outlived its hold still pays its cost, and only that.
    await store.settle(crashed.reservation, 0.05);
    expect(await store.used("user:held", day)).toBeCloseTo(0.15, 10);
    expect(await store.releaseExpiredHolds()).toBe(0);
  });

  async function namespacesLeft(): Promise<string[]> {
    const rows = await t.handle.db
      .select({ namespace: idempotencyKeys.namespace, key: idempotencyKeys.key })
      .from(idempotencyKeys)
      .where(sql`${idempotencyKeys.namespace} like 'purge-%'`);
    return rows.map((r) => `${r.namespace}/${r.key}`).sort();
  }
});
