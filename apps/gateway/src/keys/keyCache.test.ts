// The key cache: one query per key a second, shared by concurrent lookups; misses and failures are
// asked again at once; a key in use is read again ahead of time, so a steady caller never waits.
import { type GatewayKey, gatewayKeyHash } from "@switchyard/db";
import { expect, it } from "vitest";
import { cachedKeyLookup } from "./keyCache.ts";

const key = { id: "vk_1" } as GatewayKey;
const knownHash = gatewayKeyHash("sk-sy-known");

it("asks once per key within the time to live, again after it; never keeps a miss", async () => {
  let clock = 0;
  const asked: string[] = [];
  const lookup = cachedKeyLookup(
    async (hash) => {
      asked.push(hash);
      return hash === knownHash ? key : null;
    },
    1000,
    () => clock,
  );
  await Promise.all([lookup("sk-sy-known"), lookup("sk-sy-known"), lookup("sk-sy-known")]);
  expect(asked).toEqual([knownHash]);
  clock = 999;
  expect(await lookup("sk-sy-known")).toBe(key);
  expect(asked).toHaveLength(1);
  clock = 1000;
  await lookup("sk-sy-known");
  expect(asked).toHaveLength(2);
  expect(await lookup("sk-sy-unknown")).toBeNull();
  expect(await lookup("sk-sy-unknown")).toBeNull();
  expect(asked.filter((h) => h !== knownHash)).toHaveLength(2);
  // Not a virtual key at all: no query.
  expect(await lookup("Bearer nonsense")).toBeNull();
  expect(asked).toHaveLength(4);
});

it("forgets a lookup that failed", async () => {
  let calls = 0;
  const lookup = cachedKeyLookup(async () => {
    calls += 1;
    if (calls === 1) throw new Error("database away");
    return key;
  });
  await expect(lookup("sk-sy-known")).rejects.toThrow("database away");
  expect(await lookup("sk-sy-known")).toBe(key);
});

it("reads a key in use again before its time is up, so a steady caller never waits; a revocation shows", async () => {
  let revoked: Date | null = null;
  let reads = 0;
  const lookup = cachedKeyLookup(async () => {
    reads += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { ...key, revokedAt: revoked };
  }, 100);
  await lookup("sk-sy-known");
  const waited: boolean[] = [];
  for (let i = 0; i < 12; i++) {
    await new Promise((resolve) => setTimeout(resolve, 40));
    if (i === 8) revoked = new Date();
    const pending = lookup("sk-sy-known");
    // A cached key is an answer already there: it wins the race against one queued after it.
    waited.push((await Promise.race([pending, Promise.resolve("waited")])) === "waited");
  }
  expect(waited.every((w) => !w)).toBe(true);
  expect(reads).toBeGreaterThan(3);
  expect((await lookup("sk-sy-known"))?.revokedAt).toEqual(revoked);
});
