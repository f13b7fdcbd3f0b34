// Prices from @pydantic/genai-prices, the data it bundles (no network), turned into the catalog's
// Price once per process so the request path never searches the library's model list.
import { findProvider, type ModelInfo, type ModelPrice, type TieredPrices } from "@pydantic/genai-prices";
import type { Price } from "./catalogSchema.ts";

/** The library's price keys the catalog carries, each to its Price field. */
const rateKeys = {
  input_mtok: "inputPerMTokens",
  output_mtok: "outputPerMTokens",
  cache_read_mtok: "cacheReadPerMTokens",
  cache_write_mtok: "cacheWritePerMTokens",
  output_reasoning_mtok: "reasoningPerMTokens",
} as const;
type RateKey = keyof typeof rateKeys;

export interface PricedModel {
  id: string;
  name: string | undefined;
  contextWindow: number | undefined;
  price: Price;
}

const isTiered = (v: unknown): v is TieredPrices => typeof v === "object" && v !== null && "tiers" in v;

/** The price in force now: the library keeps dated prices, the last one already started wins. */
export function currentPrices(model: ModelInfo, now: Date): ModelPrice {
  if (!Array.isArray(model.prices)) return model.prices;
  let current = model.prices[0]?.prices ?? {};
  for (const conditional of model.prices) {
    const c = conditional.constraint;
    if (c === undefined || (c.type === "start_date" && now >= new Date(c.start_date))) {
      current = conditional.prices;
    }
  }
  return current;
}

/**
 * The library's prices as a catalog Price, or null when it holds a price kind the router does not
 * charge (per-request fees, audio or image token rates) or more than one long-context threshold,
 * which the router would get wrong: such a model is left out rather than mispriced.
 */
export function toPrice(prices: ModelPrice): Price | null {
  const price: Price = { inputPerMTokens: 0, outputPerMTokens: 0 };
  let threshold: number | undefined;
  const long: Record<string, number> = {};
  for (const [key, value] of Object.entries(prices)) {
    // Only charged when a request asks the provider to search the web, which the router never does.
    if (value === undefined || key === "web_searches_kcount") continue;
    if (!(key in rateKeys)) return null;
    const field = rateKeys[key as RateKey];
    if (typeof value === "number") {
      price[field] = value;
      continue;
    }
    if (!isTiered(value) || value.tiers.length !== 1) return null;
    const tier = value.tiers[0]!;
    if (threshold !== undefined && tier.start !== threshold) return null;
    threshold = tier.start;
    price[field] = value.base;
    long[field] = tier.price;
  }
  if (threshold !== undefined) {
    price.longContext = {
      aboveInputTokens: threshold,
      inputPerMTokens: long.inputPerMTokens ?? price.inputPerMTokens,
      outputPerMTokens: long.outputPerMTokens ?? price.outputPerMTokens,
    };
    for (const field of ["cacheReadPerMTokens", "cacheWritePerMTokens", "reasoningPerMTokens"] as const) {
      const rate = long[field] ?? price[field];
      if (rate !== undefined) price.longContext[field] = rate;
    }
  }
  return price;
}

const isFree = (id: string, prices: ModelPrice) => id.endsWith(":free") && Object.keys(prices).length === 0;

/**
 * Every OpenRouter model the library prices (free ones at 0). Models whose entry has no price at
 * all, or a price kind the router cannot charge, are left out. Not cached: bundledModels() keeps
 * what it builds from them, and nothing else needs the list held for the life of the process.
 */
export function openRouterPricedModels(now = new Date()): PricedModel[] {
  const out: PricedModel[] = [];
  for (const model of findProvider({ providerId: "openrouter" })?.models ?? []) {
    const prices = currentPrices(model, now);
    if (Object.keys(prices).length === 0 && !isFree(model.id, prices)) continue;
    const price = toPrice(prices);
    if (!price) continue;
    out.push({ id: model.id, name: model.name, contextWindow: model.context_window, price });
  }
  return out;
}

/** The library's price of one model at one provider ("openrouter" ids, or the provider's own). */
export function libraryPrice(modelId: string, providerId = "openrouter"): Price {
  const model = findProvider({ providerId })?.models.find((m) => m.id === modelId);
  const price = model ? toPrice(currentPrices(model, new Date())) : null;
  if (!price)
    throw new Error(`catalog: @pydantic/genai-prices has no usable price for ${providerId} ${modelId}`);
  return price;
}
