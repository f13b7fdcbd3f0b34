// Virtual keys in Postgres: shown once, stored as a hash, found only by the whole key, listed without
// secrets, revoked once; and the token-bucket costs the gateway's tokens-per-minute limit takes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "../client.ts";
import { chargeRateLimit, consumeRateLimit } from "../rateLimits/index.ts";
import { gatewayKeys, users } from "../schema/index.ts";
import {
  createGatewayKey,
  findGatewayKey,
  listGatewayKeys,
  revokeGatewayKey,
  VIRTUAL_KEY_PREFIX,
} from "./gatewayKeyStore.ts";

describe("gateway keys", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createDb({ dataDir: "memory://" });
    await handle.db.insert(users).values({ id: "owner-1", name: "Owner", email: "owner@example.com" });
  }, 60_000);
  afterAll(async () => {
    await handle?.close();
  });

  it("shows the key once and keeps only its hash; the whole key finds it, nothing else does", async () => {
    const { key, secret } = await createGatewayKey(handle.db, {
      name: "ci",
      ownerId: "owner-1",
      allowedModels: ["fast"],
      dailyUsd: 1,
      rpm: 10,
    });
    expect(secret.startsWith(VIRTUAL_KEY_PREFIX)).toBe(true);
    expect(secret.length).toBeGreaterThan(30);
    const [row] = await handle.db.select().from(gatewayKeys);
    expect(JSON.stringify(row)).not.toContain(secret.slice(VIRTUAL_KEY_PREFIX.length));
    expect(row?.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await findGatewayKey(handle.db, secret)).toMatchObject({
      id: key.id,
      allowedModels: ["fast"],
      dailyUsd: 1,
    });
    expect(await findGatewayKey(handle.db, `${secret}x`)).toBeNull();
    expect(await findGatewayKey(handle.db, "sk-other")).toBeNull();
    expect((await listGatewayKeys(handle.db))[0]).not.toHaveProperty("keyHash");
    expect(await revokeGatewayKey(handle.db, key.id)).toBe(true);
    expect(await revokeGatewayKey(handle.db, key.id)).toBe(false);
    expect(await revokeGatewayKey(handle.db, "not-a-key\u0000")).toBe(false);
    expect((await findGatewayKey(handle.db, secret))?.revokedAt).toBeInstanceOf(Date);
  });

  it("a cost takes that many units at once; a charge may overdraw the bucket, which later requests wait out", async () => {
    const now = new Date("2026-12-03T10:00:00Z");
    const rule = { key: "vkey:t:tpm", limit: 100, windowSeconds: 60, now };
    expect(await consumeRateLimit(handle.db, { ...rule, cost: 60 })).toMatchObject({
      allowed: true,
      remaining: 40,
    });
    expect((await consumeRateLimit(handle.db, { ...rule, cost: 50 })).allowed).toBe(false);
    expect((await consumeRateLimit(handle.db, { ...rule, cost: 101 })).allowed).toBe(false);
    await chargeRateLimit(handle.db, { ...rule, cost: 90 });
    const denied = await consumeRateLimit(handle.db, { ...rule, cost: 1 });
    // 150 units taken of 100: 51 must refill (0.6 s each) before one more fits.
    expect(denied).toMatchObject({ allowed: false, retryAfterSeconds: 31 });
  });
});
