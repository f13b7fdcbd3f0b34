// The apps' background refresh: applies the stored prices at once, syncs first only when told to,
// and a store that fails leaves the router's prices as they were.
import { describe, expect, it } from "vitest";
import { parseRouterEnv } from "../config.ts";
import { catalogRefreshPlan, startCatalogRefresh } from "./catalogRefresh.ts";
import { type CatalogPriceStore, MemoryCatalogPriceStore, type PriceRecord } from "./catalogSync.ts";

const record: PriceRecord = {
  id: "openai/gpt-4o",
  price: { inputPerMTokens: 3, outputPerMTokens: 12 },
  contextWindow: null,
  supports: null,
  effectiveFrom: new Date("2026-12-01T00:00:00Z"),
  source: "test",
};

describe("catalogRefreshPlan", () => {
  it("syncs hourly online, never offline, unless the interval is set", () => {
    expect(catalogRefreshPlan(parseRouterEnv({})).syncEveryMs).toBe(0);
    expect(catalogRefreshPlan(parseRouterEnv({ OPENROUTER_API_KEY: "k" })).syncEveryMs).toBe(3_600_000);
    const off = catalogRefreshPlan(
      parseRouterEnv({ OPENROUTER_API_KEY: "k", SWITCHYARD_CATALOG_SYNC_MINUTES: "0" }),
    );
    expect(off.syncEveryMs).toBe(0);
    expect(off.url).toBe("https://openrouter.ai/api/v1/models");
  });
});

describe("startCatalogRefresh", () => {
  it("applies what the store holds without syncing when sync is off", async () => {
    const store = new MemoryCatalogPriceStore();
    await store.record([record], {
      at: new Date(),
      source: "test",
      ok: true,
      models: 1,
      changed: 1,
      error: null,
    });
    const applied: PriceRecord[][] = [];
    const refresh = startCatalogRefresh({
      store,
      apply: (records) => applied.push([...records]),
      plan: { syncEveryMs: 0, url: "http://127.0.0.1:1/never" },
    });
    await refresh.refresh();
    refresh.stop();
    expect(applied.at(-1)).toEqual([record]);
    expect(store.runs).toHaveLength(1);
  });

  it("keeps the last good prices when the store cannot be read", async () => {
    const broken: CatalogPriceStore = {
      current: () => Promise.reject(new Error("database down")),
      history: async () => [],
      record: async () => {},
      lastRuns: async () => ({ last: null, lastGood: null }),
    };
    const warnings: unknown[] = [];
    let applied = 0;
    const refresh = startCatalogRefresh({
      store: broken,
      apply: () => applied++,
      plan: { syncEveryMs: 0, url: "http://127.0.0.1:1/never" },
      logger: { warn: (obj: unknown) => void warnings.push(obj) } as never,
    });
    await refresh.refresh();
    refresh.stop();
    expect(applied).toBe(0);
    expect(warnings.length).toBeGreaterThan(0);
  });
});
