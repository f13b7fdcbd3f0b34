// The catalog sync: OpenRouter's listing shape into dated price records, the router taking them
// without a restart, the past never rewritten, and a failed sync keeping the last good catalog.
import { findProvider } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";
import { MemoryCatalogPriceStore, syncCatalog } from "./catalogSync.ts";
import { syncedModels } from "./openRouterListing.ts";

/** Two entries as OpenRouter's GET /api/v1/models writes them (USD per token, as strings). */
function listing(haikuPrompt: string) {
  return {
    data: [
      {
        id: "anthropic/claude-3-haiku",
        canonical_slug: "anthropic/claude-3-haiku",
        name: "Anthropic: Claude 3 Haiku",
        context_length: 200000,
        architecture: {
          modality: "text+image->text",
          input_modalities: ["text", "image"],
          tokenizer: "Claude",
        },
        pricing: {
          prompt: haikuPrompt,
          completion: "0.00000125",
          request: "0",
          image: "0.0004",
          input_cache_read: "0.00000003",
          input_cache_write: "0.0000003",
        },
        top_provider: { context_length: 200000, max_completion_tokens: 4096, is_moderated: true },
        supported_parameters: ["max_tokens", "temperature", "tools", "tool_choice", "stop"],
      },
      {
        id: "openrouter/auto",
        context_length: 2000000,
        architecture: { input_modalities: ["text"] },
        pricing: { prompt: "-1", completion: "-1" },
      },
      { id: "broken/entry", pricing: "free" },
    ],
  };
}

const answer =
  (body: unknown, status = 200) =>
  async () =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("OpenRouter's listing", () => {
  it("prices per million tokens and reads capabilities; a varying price or a bad entry is skipped", () => {
    const [haiku, ...rest] = syncedModels(listing("0.00000025"));
    expect(rest).toEqual([]);
    expect(haiku).toEqual({
      id: "anthropic/claude-3-haiku",
      price: {
        inputPerMTokens: 0.25,
        outputPerMTokens: 1.25,
        cacheReadPerMTokens: 0.03,
        cacheWritePerMTokens: 0.3,
      },
      contextWindow: 200000,
      supports: {
        input: ["text", "image"],
        tools: true,
        structuredOutputs: false,
        reasoning: false,
        maxOutputTokens: 4096,
      },
    });
  });
});

describe("syncCatalog", () => {
  const h = useHarness({ freshRouter: { accounts: ["local"] } });

  it("reads the local provider's listing in OpenRouter's shape and the router takes it at once", async () => {
    const store = new MemoryCatalogPriceStore();
    const { run } = await syncCatalog({ store, url: `${h.provider.url}/openrouter-like/api/v1/models` });
    expect(run).toMatchObject({ ok: true, error: null });
    expect(run.models).toBeGreaterThanOrEqual(5);
    expect(run.changed).toBe(run.models);
    // The local listing names its own models; the router maps them through its routes' upstream ids.
    expect(h.router.applyCatalogPrices(await store.current())).toBeGreaterThanOrEqual(4);
    const llama = h.router.catalogModels().find((m) => m.id === "meta-llama/llama-3.1-8b-instruct");
    expect(llama?.price).toMatchObject({ inputPerMTokens: 0.02, outputPerMTokens: 0.05 });
    expect(llama?.syncedAt).toBe(run.at.toISOString());
    // Syncing the same listing again adds no record.
    expect(
      (await syncCatalog({ store, url: `${h.provider.url}/openrouter-like/api/v1/models` })).run.changed,
    ).toBe(0);
  });

  it("keeps every price with its effective_from; requests use the new one, rows keep what they paid", async () => {
    const store = new MemoryCatalogPriceStore();
    const t1 = new Date("2026-11-01T00:00:00Z");
    const t2 = new Date("2026-12-01T00:00:00Z");
    await syncCatalog({ store, fetch: answer(listing("0.00000025")), now: t1 });
    h.router.applyCatalogPrices(await store.current());
    const request = {
      model: "anthropic/claude-3-haiku",
      messages: [{ role: "user" as const, content: "hi" }],
    };
    const before = await h.router.chat(request, { maxPrice: { prompt: 0.3 } });

    const { run } = await syncCatalog({ store, fetch: answer(listing("0.0000005")), now: t2 });
    expect(run.changed).toBe(1);
    const history = await store.history("anthropic/claude-3-haiku");
    expect(history.map((r) => [r.effectiveFrom, r.price.inputPerMTokens])).toEqual([
      [t1, 0.25],
      [t2, 0.5],
    ]);
    h.router.applyCatalogPrices(await store.current());
    // max_price and sort: "price" read the synced price.
    await expect(h.router.chat(request, { maxPrice: { prompt: 0.3 } })).rejects.toMatchObject({
      code: "no_candidate",
    });
    const after = await h.router.chat(request);
    // Prompt tokens at their price then; the answer's 1.25 per million did not change.
    const promptRate = (r: typeof before) =>
      ((r.routing.pricedCostUsd ?? 0) - ((r.routing.completionTokens ?? 0) * 1.25) / 1e6) /
      (r.routing.promptTokens ?? 1);
    expect(promptRate(before)).toBeCloseTo(0.25e-6, 12);
    expect(promptRate(after)).toBeCloseTo(0.5e-6, 12);
  });

  it("merges the price library's update: long-context rates the listing does not carry", async () => {
    const openrouter = structuredClone(findProvider({ providerId: "openrouter" })!);
    const haiku = openrouter.models.find((m) => m.id === "anthropic/claude-3-haiku")!;
    haiku.prices = {
      input_mtok: { base: 0.25, tiers: [{ start: 100_000, price: 0.5 }] },
      output_mtok: { base: 1.25, tiers: [{ start: 100_000, price: 2.5 }] },
    };
    const fetchBoth = async (url: string | URL | Request) =>
      String(url).includes("genai-prices")
        ? Response.json([openrouter])
        : Response.json(listing("0.00000025"));
    const store = new MemoryCatalogPriceStore();
    await syncCatalog({ store, fetch: fetchBoth as typeof fetch, libraryUpdate: true });
    const [record] = await store.current();
    expect(record?.price).toEqual({
      inputPerMTokens: 0.25,
      outputPerMTokens: 1.25,
      cacheReadPerMTokens: 0.03,
      cacheWritePerMTokens: 0.3,
      longContext: { aboveInputTokens: 100_000, inputPerMTokens: 0.5, outputPerMTokens: 2.5 },
    });
  });

  it("a synced model takes the listing's capabilities: image input makes it a vision model", async () => {
    const before = h.router.catalogModels().find((m) => m.id === "01-ai/yi-large");
    expect(before).toMatchObject({ supports: null, capabilities: ["chat"] });
    h.router.applyCatalogPrices([
      {
        id: "01-ai/yi-large",
        price: { inputPerMTokens: 3, outputPerMTokens: 3 },
        contextWindow: 32_768,
        supports: { input: ["text", "image"], tools: true, structuredOutputs: false, reasoning: false },
        effectiveFrom: new Date(),
        source: "test",
      },
    ]);
    const after = h.router.catalogModels().find((m) => m.id === "01-ai/yi-large");
    expect(after).toMatchObject({
      capabilities: ["chat", "vision"],
      contextWindow: 32_768,
      supports: { tools: true },
    });
  });

  it("a failed sync adds nothing but the failed run: the last good catalog stays", async () => {
    const store = new MemoryCatalogPriceStore();
    await syncCatalog({ store, fetch: answer(listing("0.00000025")) });
    const failed = await syncCatalog({ store, fetch: answer({ error: "down" }, 503) });
    expect(failed.run).toMatchObject({ ok: false, error: "the listing answered HTTP 503" });
    const garbled = await syncCatalog({ store, fetch: answer({ models: [] }) });
    expect(garbled.run.ok).toBe(false);
    expect((await store.current()).map((r) => r.price.inputPerMTokens)).toEqual([0.25]);
    const { last, lastGood } = await store.lastRuns();
    expect(last?.ok).toBe(false);
    expect(lastGood?.ok).toBe(true);
  });
});
