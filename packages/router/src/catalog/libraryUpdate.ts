// The price library's own update: @pydantic/genai-prices fetches its newest data through its
// updatePrices hook (the process's calcPrice then uses it too). A sync merges it into the listing's
// prices: OpenRouter's listing has no long-context rates and often no cache-write rate.
import { type Provider, updatePrices, waitForUpdate } from "@pydantic/genai-prices";
import { currentPrices, toPrice } from "./bundledPrices.ts";
import type { Price } from "./catalogSchema.ts";
import type { SyncedModel } from "./openRouterListing.ts";

/** The updated library's OpenRouter prices by model id; null when the update failed (offline). */
export async function updatedLibraryPrices(
  fetchFn: typeof fetch,
  now = new Date(),
  timeoutMs = 30_000,
): Promise<Map<string, Price> | null> {
  updatePrices(({ remoteDataUrl, setProviderData }) => {
    const data = fetchFn(remoteDataUrl, { signal: AbortSignal.timeout(timeoutMs) }).then(async (res) => {
      if (!res.ok) throw new Error(`genai-prices data answered HTTP ${res.status}`);
      return (await res.json()) as Provider[];
    });
    setProviderData(data);
  });
  let providers: Provider[] | null;
  try {
    providers = await waitForUpdate();
  } catch {
    return null;
  }
  const openrouter = providers?.find((p) => p.id === "openrouter");
  if (!openrouter) return null;
  const prices = new Map<string, Price>();
  for (const model of openrouter.models) {
    const price = toPrice(currentPrices(model, now));
    if (price) prices.set(model.id, price);
  }
  return prices;
}

/**
 * The listing's price with what only the library knows: its long-context rates, and a cache-write
 * rate the listing leaves out. The listing's own rates win: it is what OpenRouter charges today.
 */
export function withLibraryRates(model: SyncedModel, library: Price | undefined): SyncedModel {
  if (!library) return model;
  const price: Price = { ...model.price };
  if (price.cacheWritePerMTokens === undefined && library.cacheWritePerMTokens !== undefined) {
    price.cacheWritePerMTokens = library.cacheWritePerMTokens;
  }
  if (library.longContext) price.longContext = library.longContext;
  return { ...model, price };
}
