// The usage page by gateway virtual key: `?key=` narrows every figure to one key's rows, `?groupBy=key`
// splits the spend chart by key, and the key filter offers the keys seen in the window.
import { createDb, type DbHandle, llmCalls, type NewLlmCall } from "@switchyard/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { keyFilterOptions } from "./requestLog.ts";
import { spendOverTime } from "./spendOverTime.ts";
import { parseUsageQuery, usageWindow } from "./usageQuery.ts";
import { usageSummary } from "./usageSummary.ts";

const NOW = new Date("2026-12-03T12:30:00Z");
const window = usageWindow("24h", NOW);
let handle: DbHandle;

const row = (requestId: string, keyId: string | null, costUsd: number): NewLlmCall => ({
  requestId,
  kind: "request",
  operation: "chat",
  app: keyId ? "gateway" : "todo",
  userId: "u1",
  keyId,
  modelRequested: "fast",
  modelUsed: "anthropic/claude-3-haiku",
  outcome: "ok",
  costUsd,
  createdAt: new Date("2026-12-03T11:00:00Z"),
});

beforeAll(async () => {
  handle = await createDb({ dataDir: "memory://" });
  await handle.db
    .insert(llmCalls)
    .values([row("a1", "vk_a", 0.01), row("a2", "vk_a", 0.02), row("b1", "vk_b", 0.5), row("t1", null, 1)]);
}, 60_000);
afterAll(async () => {
  await handle?.close();
});

it("reads key and groupBy=key from the URL", () => {
  expect(parseUsageQuery(new URLSearchParams("key=vk_a&groupBy=key"))).toMatchObject({
    key: "vk_a",
    groupBy: "key",
  });
});

it("narrows the figures to one key and splits the spend by key", async () => {
  expect(await usageSummary(handle.db, window, { key: "vk_a" })).toMatchObject({
    requests: 2,
    costUsd: 0.03,
  });
  const spend = await spendOverTime(handle.db, window, {}, "key");
  // Biggest spender first; rows that came without a key (the apps' own) are "(none)".
  expect(spend.keys).toEqual(["(none)", "vk_b", "vk_a"]);
  expect(await keyFilterOptions(handle.db, window)).toEqual(["vk_a", "vk_b"]);
});
