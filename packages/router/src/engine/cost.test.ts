// The cost table: for each pricing case, the router's figure for an OpenRouter answer equals what
// @pydantic/genai-prices computes from the same answer (its own usage extractor and calcPrice).
import { calcPrice, extractUsage, findProvider } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { buildCatalog } from "../catalog/loadCatalog.ts";
import { costFromUsage } from "./cost.ts";

const catalog = buildCatalog();
const openRouter = findProvider({ providerId: "openrouter" })!;

function libraryCost(model: string, usage: Record<string, unknown>): number {
  const extracted = extractUsage(openRouter, { model, usage }, "chat");
  const price = calcPrice(extracted.usage, model, { provider: openRouter });
  if (!price) throw new Error(`genai-prices has no price for ${model}`);
  return price.total_price;
}

const cases: { name: string; model: string; usage: Record<string, unknown> }[] = [
  {
    name: "plain",
    model: "meta-llama/llama-3.1-8b-instruct",
    usage: { prompt_tokens: 1_200, completion_tokens: 300 },
  },
  {
    name: "cached read",
    model: "openai/gpt-4o-mini",
    usage: { prompt_tokens: 5_000, completion_tokens: 200, prompt_tokens_details: { cached_tokens: 4_096 } },
  },
  {
    name: "cache write",
    model: "anthropic/claude-haiku-4.5",
    usage: {
      prompt_tokens: 9_000,
      completion_tokens: 150,
      prompt_tokens_details: { cached_tokens: 2_000, cache_write_tokens: 6_500 },
    },
  },
  {
    name: "reasoning",
    model: "perplexity/sonar-deep-research",
    usage: {
      prompt_tokens: 800,
      completion_tokens: 5_000,
      completion_tokens_details: { reasoning_tokens: 4_200 },
    },
  },
  {
    name: "reasoning at the output rate (no rate of its own)",
    model: "anthropic/claude-haiku-4.5",
    usage: {
      prompt_tokens: 800,
      completion_tokens: 5_000,
      completion_tokens_details: { reasoning_tokens: 4_200 },
    },
  },
  {
    name: "image input",
    model: "openai/gpt-4o",
    usage: { prompt_tokens: 1_105, completion_tokens: 90, prompt_tokens_details: { image_tokens: 765 } },
  },
  {
    name: "long context",
    model: "anthropic/claude-sonnet-4.5",
    usage: {
      prompt_tokens: 250_000,
      completion_tokens: 2_000,
      prompt_tokens_details: { cached_tokens: 100_000, cache_write_tokens: 50_000 },
    },
  },
];

describe("cost of an OpenRouter answer", () => {
  it.each(cases)("$name: the router's price equals genai-prices' to the micro-dollar", ({ model, usage }) => {
    const catalogModel = catalog.models.find((m) => m.id === model)!;
    const figures = costFromUsage(catalogModel, usage as never);
    const expected = libraryCost(model, usage);
    expect(expected).toBeGreaterThan(0);
    expect(Math.round(figures.pricedCostUsd * 1e6)).toBe(Math.round(expected * 1e6));
    expect(figures.pricedCostUsd).toBeCloseTo(expected, 12);
    expect(figures.costUsd).toBe(figures.pricedCostUsd);
    expect(figures.upstreamCostUsd).toBeNull();
  });

  it("records each token kind apart", () => {
    const model = catalog.models.find((m) => m.id === "anthropic/claude-haiku-4.5")!;
    const figures = costFromUsage(model, {
      prompt_tokens: 9_000,
      completion_tokens: 150,
      prompt_tokens_details: {
        cached_tokens: 2_000,
        cache_write_tokens: 6_500,
        image_tokens: 10,
        audio_tokens: 5,
      },
      completion_tokens_details: { reasoning_tokens: 100 },
    });
    expect(figures).toMatchObject({
      promptTokens: 9_000,
      completionTokens: 150,
      cachedTokens: 2_000,
      cacheWriteTokens: 6_500,
      reasoningTokens: 100,
      imageTokens: 10,
      audioTokens: 5,
      images: null,
    });
  });

  it("provider-reported cost: charges the upstream's usage.cost and keeps the library's price beside it", () => {
    const model = catalog.models.find((m) => m.id === "openai/gpt-4o-mini")!;
    const usage = {
      prompt_tokens: 5_000,
      completion_tokens: 200,
      prompt_tokens_details: { cached_tokens: 4_096 },
      cost: 0.000_51,
    };
    const figures = costFromUsage(model, usage);
    expect(figures.costUsd).toBe(0.000_51);
    expect(figures.upstreamCostUsd).toBe(0.000_51);
    expect(Math.round(figures.pricedCostUsd * 1e6)).toBe(Math.round(libraryCost(model.id, usage) * 1e6));
  });

  it("an image model adds its per-image price to the tokens", () => {
    const model = catalog.models.find((m) => m.id === "google/gemini-2.5-flash-image")!;
    const usage = { prompt_tokens: 20, completion_tokens: 1_290 };
    const figures = costFromUsage(model, usage, 1);
    expect(figures.images).toBe(1);
    expect(figures.pricedCostUsd).toBeCloseTo(libraryCost(model.id, usage) + 0.039, 12);
  });
});
