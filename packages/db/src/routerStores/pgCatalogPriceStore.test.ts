// The synced catalog in Postgres: a sync's records and run, price history kept, each model's newest
// record in effect, a failed sync leaving the last good prices, on both ways to reach a database.
import type { PriceRecord } from "@switchyard/router";
import { syncCatalog } from "@switchyard/router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_PATHS, type TestDatabase } from "../testing/testDatabases.ts";
import { PgCatalogPriceStore } from "./pgCatalogPriceStore.ts";

const listing = (prompt: string) => ({
  data: [
    {
      id: "openai/gpt-4o-mini",
      context_length: 128000,
      architecture: { input_modalities: ["text", "image", "file"] },
      pricing: { prompt, completion: "0.0000006", input_cache_read: "0.000000075" },
      supported_parameters: ["tools", "response_format", "structured_outputs"],
    },
    { id: "meta-llama/llama-3.1-8b-instruct", pricing: { prompt: "0.00000002", completion: "0.00000003" } },
  ],
});
const answer =
  (body: unknown, status = 200) =>
  async () =>
    new Response(JSON.stringify(body), { status });

describe.each(DATABASE_PATHS)("PgCatalogPriceStore on $name", ({ open }) => {
  let db: TestDatabase;
  let store: PgCatalogPriceStore;
  beforeAll(async () => {
    db = await open();
    store = new PgCatalogPriceStore(db.handle.db);
  });
  afterAll(() => db.close());

  it("adds a record per changed model, keeps the history and reads each model's newest", async () => {
    const t1 = new Date("2026-11-01T00:00:00Z");
    const t2 = new Date("2026-12-01T00:00:00Z");
    expect((await syncCatalog({ store, fetch: answer(listing("0.00000015")), now: t1 })).run.changed).toBe(2);
    expect((await syncCatalog({ store, fetch: answer(listing("0.00000015")), now: t2 })).run.changed).toBe(0);
    const t3 = new Date("2026-12-02T00:00:00Z");
    expect((await syncCatalog({ store, fetch: answer(listing("0.0000003")), now: t3 })).run.changed).toBe(1);
    const history = await store.history("openai/gpt-4o-mini");
    expect(history.map((r) => [r.effectiveFrom.toISOString(), r.price.inputPerMTokens])).toEqual([
      [t1.toISOString(), 0.15],
      [t3.toISOString(), 0.3],
    ]);
    const current = new Map((await store.current()).map((r: PriceRecord) => [r.id, r]));
    expect(current.get("openai/gpt-4o-mini")).toMatchObject({
      price: { inputPerMTokens: 0.3, outputPerMTokens: 0.6, cacheReadPerMTokens: 0.075 },
      contextWindow: 128000,
      supports: { input: ["text", "image", "file"], tools: true, structuredOutputs: true },
    });
    expect(current.get("meta-llama/llama-3.1-8b-instruct")).toMatchObject({
      contextWindow: null,
      supports: null,
    });
    // Read as of before the change: the old price.
    const then = await store.current(new Date("2026-12-01T12:00:00Z"));
    expect(then.find((r) => r.id === "openai/gpt-4o-mini")?.price.inputPerMTokens).toBe(0.15);
  });

  it("a failed sync is noted and the last good prices stay", async () => {
    const before = await store.current();
    const { run } = await syncCatalog({
      store,
      fetch: answer({}, 502),
      now: new Date("2026-12-03T00:00:00Z"),
    });
    expect(run.ok).toBe(false);
    expect(await store.current()).toEqual(before);
    const { last, lastGood } = await store.lastRuns();
    expect(last).toMatchObject({ ok: false, error: "the listing answered HTTP 502" });
    expect(lastGood).toMatchObject({ ok: true, changed: 1 });
  });
});
