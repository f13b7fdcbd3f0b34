import { describe, expect, it } from "vitest";
import { MemoryBudgetStore } from "./memoryBudgetStore.ts";
import { MemoryIdempotencyStore } from "./memoryIdempotencyStore.ts";

describe("MemoryIdempotencyStore", () => {
  const opts = { ttlMs: 1_000, leaseMs: 100 };

  it("claims, reports in-progress and conflicts, then replays once completed", async () => {
    const store = new MemoryIdempotencyStore();
    expect(await store.claim("k", "fp1", opts)).toEqual({ state: "claimed" });
    expect(await store.claim("k", "fp1", opts)).toEqual({ state: "in_progress" });
    expect(await store.claim("k", "fp2", opts)).toEqual({ state: "conflict" });
    await store.complete("k", { answer: 42 });
    expect(await store.claim("k", "fp1", opts)).toEqual({ state: "replay", response: { answer: 42 } });
  });

  it("frees a released key and takes over an expired lease or record", async () => {
    let now = 0;
    const store = new MemoryIdempotencyStore(() => now);
    await store.claim("a", "fp", opts);
    await store.release("a");
    expect(await store.claim("a", "fp", opts)).toEqual({ state: "claimed" });
    now = 150; // lease over: the first owner is presumed dead
    expect(await store.claim("a", "fp", opts)).toEqual({ state: "claimed" });
    await store.complete("a", { ok: true });
    now = 2_000; // record expired
    expect(await store.claim("a", "other", opts)).toEqual({ state: "claimed" });
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
});
