// The key cache: one query per key a second, shared by concurrent lookups; misses and failures are
// asked again at once.
import type { GatewayKey } from "@switchyard/db";
import { expect, it } from "vitest";
import { cachedKeyLookup } from "./keyCache.ts";

const key = { id: "vk_1" } as GatewayKey;

it("asks once per key within the time to live, again after it; never keeps a miss", async () => {
  let clock = 0;
  const asked: string[] = [];
  const lookup = cachedKeyLookup(
    async (secret) => {
      asked.push(secret);
      return secret === "sk-sy-known" ? key : null;
    },
    1000,
    () => clock,
  );
  await Promise.all([lookup("sk-sy-known"), lookup("sk-sy-known"), lookup("sk-sy-known")]);
  expect(asked).toEqual(["sk-sy-known"]);
  clock = 999;
  expect(await lookup("sk-sy-known")).toBe(key);
  expect(asked).toHaveLength(1);
  clock = 1000;
  await lookup("sk-sy-known");
  expect(asked).toHaveLength(2);
  expect(await lookup("sk-sy-unknown")).toBeNull();
  expect(await lookup("sk-sy-unknown")).toBeNull();
  expect(asked.filter((s) => s === "sk-sy-unknown")).toHaveLength(2);
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
