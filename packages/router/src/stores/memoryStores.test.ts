import { describe, expect, it } from "vitest";
import { MemoryBudgetStore } from "./memoryBudgetStore.ts";
import { MemoryIdempotencyStore } from "./memoryIdempotencyStore.ts";

describe("MemoryIdempotencyStore", () => {
  const opts = { ttlMs: 1_000, leaseMs: 100 };

  const holderOf = (claim: Awaited<ReturnType<MemoryIdempotencyStore["claim"]>>) =>
    claim.state === "claimed" ? claim.holder : "not-claimed";

  it("claims, reports in-progress and conflicts, then replays once completed", async () => {
    const store = new MemoryIdempotencyStore();
    const claim = await store.claim("k", "fp1", opts);
    expect(claim).toMatchObject({ state: "claimed" });
    expect(await store.claim("k", "fp1", opts)).toEqual({ state: "in_progress" });
    expect(await store.claim("k", "fp2", opts)).toEqual({ state: "conflict" });
    await store.complete("k", holderOf(claim), { answer: 42 });
    expect(await store.claim("k", "fp1", opts)).toEqual({ state: "replay", response: { answer: 42 } });
  });

  it("frees a released key and takes over an expired lease or record", async () => {
    let now = 0;
    const store = new MemoryIdempotencyStore(() => now);
    await store.release("a", holderOf(await store.claim("a", "fp", opts)));
    expect(await store.claim("a", "fp", opts)).toMatchObject({ state: "claimed" });
    now = 150; // lease over: the first owner is presumed dead
    const second = await store.claim("a", "fp", opts);
    expect(second).toMatchObject({ state: "claimed" });
    await store.complete("a", holderOf(second), { ok: true });
    now = 2_000; // record expired
    expect(await store.claim("a", "other", opts)).toMatchObject({ state: "claimed" });
  });

  it("lets only the claim's holder complete or release it", async () => {
    let now = 0;
    const store = new MemoryIdempotencyStore(() => now);
    const dead = holderOf(await store.claim("h", "fp", opts));
    now = 150; // the first holder's lease ran out and another caller took the key over
    const live = holderOf(await store.claim("h", "fp", opts));
    expect(await store.complete("h", dead, { from: "dead" })).toBe(false);
    expect(await store.release("h", dead)).toBe(false);
    expect(await store.claim("h", "fp", opts)).toEqual({ state: "in_progress" });
    expect(await store.complete("h", live, { from: "live" })).toBe(true);
    expect(await store.release("h", live)).toBe(false); // a completed key is never released
    expect(await store.claim("h", "fp", opts)).toEqual({ state: "replay", response: { from: "live" } });
  });

  it("purges expired records and nothing else", async () => {
    let now = 0;
    const store = new MemoryIdempotencyStore(() => now);
    await store.complete("old", holderOf(await store.claim("old", "fp", opts)), { old: true });
    now = 600;
    await store.complete("young", holderOf(await store.claim("young", "fp", opts)), { young: true });
    await store.claim("running", "fp", opts);
    now = 1_100; // "old" is past its time to live; "young" and "running" are not
    expect(await store.purgeExpired()).toBe(1);
    expect(await store.claim("young", "fp", opts)).toEqual({ state: "replay", response: { young: true } });
    expect(await store.claim("old", "fp-new", opts)).toMatchObject({ state: "claimed" });
  });
});

describe("MemoryBudgetStore", () => {
  it("reserves in every scope or in none, and settles to the actual cost", async () => {
    const store = new MemoryBudgetStore();
    const scopes = [
      { scope: "app:todo", limitUsd: 1 },
      { scope: "user:u1", limitUsd: 0.1 },
    ];
    const ok = await store.reserve(scopes, 0.08, "2026-01-01");
    expect(ok.ok).toBe(true);
    const over = await store.reserve(scopes, 0.05, "2026-01-01");
    expect(over).toEqual({ ok: false, exceeded: { scope: "user:u1", limitUsd: 0.1, usedUsd: 0.08 } });
    expect(await store.used("app:todo", "2026-01-01")).toBeCloseTo(0.08);
    if (ok.ok) await store.settle(ok.reservation, 0.01);
    expect(await store.used("user:u1", "2026-01-01")).toBeCloseTo(0.01);
    expect(await store.used("user:u1", "2026-01-02")).toBe(0);
  });

  it("gives back a hold that was never settled once it expires, and only that one", async () => {
    let now = 0;
    const store = new MemoryBudgetStore(() => now);
    const scopes = [{ scope: "user:u2", limitUsd: 1 }];
    const crashed = await store.reserve(scopes, 0.6, "2026-01-01", { holdMs: 1_000 });
    const running = await store.reserve(scopes, 0.3, "2026-01-01", { holdMs: 5_000 });
    if (!crashed.ok || !running.ok) throw new Error("both holds must fit");
    now = 2_000;
    expect(await store.releaseExpiredHolds()).toBe(1);
    expect(await store.used("user:u2", "2026-01-01")).toBeCloseTo(0.3);
    await store.settle(running.reservation, 0.1);
    expect(await store.used("user:u2", "2026-01-01")).toBeCloseTo(0.1);
    // A request that outlived its hold still pays what it cost, and no more.
    await store.settle(crashed.reservation, 0.05);
    expect(await store.used("user:u2", "2026-01-01")).toBeCloseTo(0.15);
  });
});
