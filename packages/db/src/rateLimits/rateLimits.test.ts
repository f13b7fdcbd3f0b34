// The Postgres token bucket on both database paths: bursts, refill, denials with Retry-After, a
// concurrent burst that takes exactly the limit, and purging full buckets.
import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "../schema/index.ts";
import { DATABASE_PATHS, type TestDatabase } from "../testing/testDatabases.ts";
import { consumeRateLimit, purgeRateLimits, refundRateLimit } from "./consumeRateLimit.ts";

describe.each(DATABASE_PATHS)("rate limits on $name", ({ open }) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await open();
  }, 60_000);
  afterAll(async () => {
    await test?.close();
  });

  it("allow a burst of the limit, then deny with the seconds until one more fits", async () => {
    const { db } = test.handle;
    const now = new Date("2026-12-03T10:00:00Z");
    const rule = { key: "user:u1:images", limit: 3, windowSeconds: 60, now };
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await consumeRateLimit(db, rule));
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    // One request's share of 60 s at 3 per window is 20 s.
    expect(decisions[3]?.retryAfterSeconds).toBe(20);
    expect(decisions[0]?.retryAfterSeconds).toBe(0);
  });

  it("refill at limit per window: one more after a third of it, a full burst after all of it", async () => {
    const { db } = test.handle;
    const start = Date.parse("2026-12-03T11:00:00Z");
    const at = (seconds: number) => ({
      key: "ip:203.0.113.7",
      limit: 3,
      windowSeconds: 60,
      now: new Date(start + seconds * 1000),
    });
    for (let i = 0; i < 3; i++) expect((await consumeRateLimit(db, at(0))).allowed).toBe(true);
    expect((await consumeRateLimit(db, at(19))).allowed).toBe(false);
    expect(await consumeRateLimit(db, at(20))).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    expect((await consumeRateLimit(db, at(20))).allowed).toBe(false);
    const later = [];
    for (let i = 0; i < 4; i++) later.push((await consumeRateLimit(db, at(80))).allowed);
    expect(later).toEqual([true, true, true, false]);
  });

  it("keys are independent", async () => {
    const { db } = test.handle;
    const now = new Date("2026-12-03T12:00:00Z");
    expect((await consumeRateLimit(db, { key: "k:a", limit: 1, windowSeconds: 10, now })).allowed).toBe(true);
    expect((await consumeRateLimit(db, { key: "k:a", limit: 1, windowSeconds: 10, now })).allowed).toBe(
      false,
    );
    expect((await consumeRateLimit(db, { key: "k:b", limit: 1, windowSeconds: 10, now })).allowed).toBe(true);
  });

  it("200 concurrent requests against a limit of 25 get exactly 25 through", async () => {
    const { db } = test.handle;
    const rule = { key: "user:u2:burst", limit: 25, windowSeconds: 3600 };
    const decisions = await Promise.all(Array.from({ length: 200 }, () => consumeRateLimit(db, rule)));
    const allowed = decisions.filter((d) => d.allowed);
    expect(allowed).toHaveLength(25);
    expect(allowed.map((d) => d.remaining).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i),
    );
    expect(decisions.filter((d) => !d.allowed).every((d) => d.retryAfterSeconds >= 1)).toBe(true);
  });

  it("a refund gives back what a share took and did not use, never more than a full bucket", async () => {
    const { db } = test.handle;
    const now = new Date("2026-12-03T13:00:00Z");
    const rule = { key: "vkey:share", limit: 10, windowSeconds: 60, now };
    expect(await consumeRateLimit(db, { ...rule, cost: 8 })).toMatchObject({ allowed: true, remaining: 2 });
    await refundRateLimit(db, { ...rule, cost: 5 });
    expect(await consumeRateLimit(db, rule)).toMatchObject({ allowed: true, remaining: 6 });
    await refundRateLimit(db, { ...rule, cost: 50 });
    expect(await consumeRateLimit(db, { ...rule, cost: 10 })).toMatchObject({ allowed: true, remaining: 0 });
    expect((await consumeRateLimit(db, rule)).allowed).toBe(false);
  });

  it("purge deletes only buckets that are full again", async () => {
    const { db } = test.handle;
    const now = new Date("2027-01-01T00:00:00Z");
    await consumeRateLimit(db, { key: "purge:short", limit: 2, windowSeconds: 1, now });
    await consumeRateLimit(db, { key: "purge:long", limit: 2, windowSeconds: 3600, now });
    const purged = await purgeRateLimits(db, { now: new Date(now.getTime() + 60_000) });
    expect(purged).toBeGreaterThanOrEqual(1);
    const left = await db
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(like(rateLimits.key, "purge:%"));
    expect(left).toEqual([{ key: "purge:long" }]);
    const again = await consumeRateLimit(db, { key: "purge:long", limit: 2, windowSeconds: 3600, now });
    expect(again).toMatchObject({ allowed: true, remaining: 0 });
  });

  it("reject a rule it cannot count", async () => {
    const { db } = test.handle;
    await expect(consumeRateLimit(db, { key: "", limit: 1, windowSeconds: 1 })).rejects.toThrow();
    await expect(consumeRateLimit(db, { key: "k", limit: 0, windowSeconds: 1 })).rejects.toThrow();
    await expect(consumeRateLimit(db, { key: "k", limit: 10_000_000, windowSeconds: 1 })).rejects.toThrow(
      RangeError,
    );
  });
});
