// Cost of one upstream answer. Each token kind the usage reports is priced at its own catalog rate
// (cache reads, cache writes, reasoning; a long prompt at the long-context rates), the way
// @pydantic/genai-prices' calcPrice does (cost.test.ts holds them equal), but without its search
// through the model list on every call. The upstream's own `usage.cost` (OpenRouter reports one) is
// what is charged when present; both figures are kept so the drift shows.
import type { Usage } from "@switchyard/wire";
import type { CatalogModel, Price } from "../catalog/catalogSchema.ts";

export interface UsageFigures {
  promptTokens: number | null;
  completionTokens: number | null;
  /** Of promptTokens, read from the prompt cache. */
  cachedTokens: number | null;
  /** Of promptTokens, written to the prompt cache. */
  cacheWriteTokens: number | null;
  /** Of completionTokens, spent reasoning. */
  reasoningTokens: number | null;
  /** Of promptTokens, image and audio input. */
  imageTokens: number | null;
  audioTokens: number | null;
  /** Images an image call returned. */
  images: number | null;
  /** The figure charged everywhere (ledger, routing, budgets): upstreamCostUsd when reported. */
  costUsd: number;
  /** The catalog's price of this usage. */
  pricedCostUsd: number;
  /** The upstream's own usage.cost, when it reported one. */
  upstreamCostUsd: number | null;
}

/** The token counts cost reads: the chat usage (embeddings and images send a subset). */
export type UsageInput = Partial<Pick<Usage, "prompt_tokens" | "completion_tokens" | "cost">> &
  Pick<Usage, "prompt_tokens_details" | "completion_tokens_details">;

export interface TokenCounts {
  promptTokens: number;
  completionTokens: number;
  cachedTokens?: number;
  cacheWriteTokens?: number;
  reasoningTokens?: number;
  images?: number;
}

/** USD for these counts at this price: each kind at its own rate, absent rates at the plain one. */
export function priceUsage(price: Price, n: TokenCounts): number {
  return priceCounts(
    price,
    n.promptTokens,
    n.completionTokens,
    n.cachedTokens ?? 0,
    n.cacheWriteTokens ?? 0,
    n.reasoningTokens ?? 0,
    n.images ?? 0,
  );
}

/** priceUsage() with the counts as arguments, so pricing a response allocates no counts object. */
function priceCounts(
  price: Price,
  promptTokens: number,
  completionTokens: number,
  cachedTokens: number,
  cacheWriteTokens: number,
  reasoningTokens: number,
  images: number,
): number {
  const long = price.longContext;
  const rates = long && promptTokens > long.aboveInputTokens ? long : price;
  const cached = rates.cacheReadPerMTokens === undefined ? 0 : cachedTokens;
  const written = rates.cacheWritePerMTokens === undefined ? 0 : cacheWriteTokens;
  const reasoning = rates.reasoningPerMTokens === undefined ? 0 : reasoningTokens;
  const plainIn = Math.max(0, promptTokens - cached - written);
  const plainOut = Math.max(0, completionTokens - reasoning);
  return (
    (plainIn * rates.inputPerMTokens +
      cached * (rates.cacheReadPerMTokens ?? 0) +
      written * (rates.cacheWritePerMTokens ?? 0) +
      plainOut * rates.outputPerMTokens +
      reasoning * (rates.reasoningPerMTokens ?? 0)) /
      1e6 +
    images * (price.perImage ?? 0)
  );
}

export function costFromUsage(
  model: CatalogModel,
  usage: UsageInput | null | undefined,
  images = 0,
): UsageFigures {
  const prompt = usage?.prompt_tokens_details;
  const completion = usage?.completion_tokens_details;
  const figures: UsageFigures = {
    promptTokens: usage?.prompt_tokens ?? null,
    completionTokens: usage?.completion_tokens ?? null,
    cachedTokens: prompt?.cached_tokens ?? null,
    cacheWriteTokens: prompt?.cache_write_tokens ?? null,
    reasoningTokens: completion?.reasoning_tokens ?? null,
    imageTokens: prompt?.image_tokens ?? null,
    audioTokens: prompt?.audio_tokens ?? null,
    images: images > 0 ? images : null,
    costUsd: 0,
    pricedCostUsd: 0,
    upstreamCostUsd: typeof usage?.cost === "number" ? usage.cost : null,
  };
  figures.pricedCostUsd = priceCounts(
    model.price,
    figures.promptTokens ?? 0,
    figures.completionTokens ?? 0,
    figures.cachedTokens ?? 0,
    figures.cacheWriteTokens ?? 0,
    figures.reasoningTokens ?? 0,
    images,
  );
  figures.costUsd = figures.upstreamCostUsd ?? figures.pricedCostUsd;
  return figures;
}
