import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_PATHS, type TestDatabase } from "../testSupport.ts";
import { PgIdempotencyStore } from "./pgIdempotencyStore.ts";

const options = { ttlMs: 24 * 3600_000, leaseMs: 30_000 };

describe.each(DATABASE_PATHS)("PgIdempotencyStore on $name", ({ open }) => {
  let t: TestDatabase;
  let clock = Date.parse("2026-11-25T12:00:00Z");
  let store: PgIdempotencyStore;
  beforeAll(async () => {
    t = await open();
    store = new PgIdempotencyStore(t.handle.db, { now: () => new Date(clock) });
  });
  afterAll(() => t.close());

  it("claims a new key, replays the stored response for the same request, and refuses a different one", async () => {
    expect(await store.claim("k1", "fp-a", options)).toEqual({ state: "claimed" });
    expect(await store.claim("k1", "fp-a", options)).toEqual({ state: "in_progress" });
    expect(await store.claim("k1", "fp-b", options)).toEqual({ state: "conflict" });

    await store.complete("k1", { id: "gen-1", choices: [{ message: { content: "hi" } }] });
    expect(await store.claim("k1", "fp-a", options)).toEqual({
      state: "replay",
      response: { id: "gen-1", choices: [{ message: { content: "hi" } }] },
    });
    expect(await store.claim("k1", "fp-b", options)).toEqual({ state: "conflict" });
  });

  it("lets a retry claim a key whose attempt failed and was released", async () => {
    expect(await store.claim("k2", "fp", options)).toEqual({ state: "claimed" });
    await store.release("k2");
    expect(await store.claim("k2", "fp", options)).toEqual({ state: "claimed" });
  });

  it("never releases a completed key", async () => {
    await store.claim("k3", "fp", options);
    await store.complete("k3", { ok: true });
    await store.release("k3");
    expect(await store.claim("k3", "fp", options)).toMatchObject({ state: "replay" });
  });

  it("hands a key whose owner died over once its lease runs out", async () => {
    expect(await store.claim("k4", "fp", options)).toEqual({ state: "claimed" });
    clock += options.leaseMs + 1;
    expect(await store.claim("k4", "fp", options)).toEqual({ state: "claimed" });
    expect(await store.claim("k4", "fp", options)).toEqual({ state: "in_progress" });
  });

  it("forgets completed keys after their time to live, and purges them", async () => {
    await store.claim("k5", "fp-old", options);
    await store.complete("k5", { old: true });
    clock += options.ttlMs + 1;
    expect(await store.claim("k5", "fp-new", options)).toEqual({ state: "claimed" });
    // k1 and k3 expired with it and go; k4 (leased then) and k5 (just claimed) stay
    expect(await store.purgeExpired()).toBeGreaterThanOrEqual(2);
    expect(await store.claim("k5", "fp-new", options)).toEqual({ state: "in_progress" });
  });

  it("gives a key to exactly one of many concurrent claimers", async () => {
    const results = await Promise.all(Array.from({ length: 25 }, () => store.claim("race", "fp", options)));
    expect(results.filter((r) => r.state === "claimed")).toHaveLength(1);
    expect(results.filter((r) => r.state === "in_progress")).toHaveLength(24);
  });

  it("keeps namespaces apart", async () => {
    const other = new PgIdempotencyStore(t.handle.db, {
      namespace: "todo:create",
      now: () => new Date(clock),
    });
    expect(await other.claim("race", "another-fp", options)).toEqual({ state: "claimed" });
  });
});
