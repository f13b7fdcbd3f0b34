import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_PATHS, type TestDatabase } from "../testSupport.ts";
import { PgBudgetStore } from "./pgBudgetStore.ts";

const day = "2026-11-25";

describe.each(DATABASE_PATHS)("PgBudgetStore on $name", ({ open }) => {
  let t: TestDatabase;
  let store: PgBudgetStore;
  beforeAll(async () => {
    t = await open();
    store = new PgBudgetStore(t.handle.db);
  });
  afterAll(() => t.close());

  it("never overspends when 100 requests race for a nearly spent budget", async () => {
    const scopes = [{ scope: "app:race", limitUsd: 1 }];
    const first = await store.reserve(scopes, 0.95, day);
    if (!first.ok) throw new Error("the first reservation must fit");
    await store.settle(first.reservation, 0.95);

    const results = await Promise.all(Array.from({ length: 100 }, () => store.reserve(scopes, 0.01, day)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(await store.used("app:race", day)).toBeCloseTo(1, 10);
    const refused = results.find((r) => !r.ok);
    expect(refused).toMatchObject({ ok: false, exceeded: { scope: "app:race", limitUsd: 1 } });
  });

  it("reserves in every scope or in none", async () => {
    const scopes = [
      { scope: "app:todo", limitUsd: 10 },
      { scope: "user:u1", limitUsd: 0.05 },
    ];
    const ok = await store.reserve(scopes, 0.04, day);
    expect(ok.ok).toBe(true);
    const refused = await store.reserve(scopes, 0.04, day);
    expect(refused).toEqual({ ok: false, exceeded: { scope: "user:u1", limitUsd: 0.05, usedUsd: 0.04 } });
    expect(await store.used("app:todo", day)).toBeCloseTo(0.04, 10);
  });

  it("replaces the estimate with the actual cost on settle, and frees it all on failure", async () => {
    const scopes = [{ scope: "feature:ask", limitUsd: 1 }];
    const a = await store.reserve(scopes, 0.5, day);
    const b = await store.reserve(scopes, 0.3, day);
    if (!a.ok || !b.ok) throw new Error("both reservations must fit");
    expect(await store.used("feature:ask", day)).toBeCloseTo(0.8, 10);

    await store.settle(a.reservation, 0.12);
    await store.settle(b.reservation, 0);
    expect(await store.used("feature:ask", day)).toBeCloseTo(0.12, 10);
  });

  it("counts each day on its own", async () => {
    expect(await store.used("app:race", "2026-11-26")).toBe(0);
    const next = await store.reserve([{ scope: "app:race", limitUsd: 1 }], 0.5, "2026-11-26");
    expect(next.ok).toBe(true);
  });
});
