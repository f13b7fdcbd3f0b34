// The catalog's long tail: every model @pydantic/genai-prices prices at OpenRouter, with what
// models.dev knows of its capabilities, routable by its OpenRouter id. Built once per process.
import { bundledCapabilities, releaseCapabilitiesIndex } from "./bundledCapabilities.ts";
import { openRouterPricedModels } from "./bundledPrices.ts";
import type { CatalogModel } from "./catalogSchema.ts";

let cache: CatalogModel[] | undefined;
let bundledSet: WeakSet<CatalogModel> | undefined;

/** True for a model that came from the bundled catalog (not configured by hand). */
export function isBundled(model: CatalogModel): boolean {
  return bundledSet?.has(model) ?? false;
}

export function bundledModels(): CatalogModel[] {
  if (cache) return cache;
  cache = openRouterPricedModels().map((priced): CatalogModel => {
    const known = bundledCapabilities(priced.id);
    const model: CatalogModel = {
      id: priced.id,
      label: priced.name ?? known?.name ?? priced.id,
      capabilities: known?.supports.input?.includes("image") ? ["chat", "vision"] : ["chat"],
      price: priced.price,
      routes: [
        { endpoint: "openrouter", account: "openrouter", path: "/v1", upstreamModel: priced.id, zdr: false },
      ],
    };
    const contextWindow = priced.contextWindow ?? known?.contextWindow;
    if (contextWindow !== undefined) model.contextWindow = contextWindow;
    if (known) model.supports = known.supports;
    return model;
  });
  bundledSet = new WeakSet(cache);
  releaseCapabilitiesIndex();
  return cache;
}

export interface CatalogStats {
  models: number;
  withPrices: number;
  free: number;
  withCapabilities: number;
  withContextWindow: number;
}

/** Counts over a list of catalog models (the bundled ones, or a whole catalog). */
export function catalogStats(models: CatalogModel[]): CatalogStats {
  let free = 0;
  let withCapabilities = 0;
  let withContextWindow = 0;
  for (const m of models) {
    const p = m.price;
    if (p.inputPerMTokens === 0 && p.outputPerMTokens === 0 && !p.perImage) free++;
    if (m.supports) withCapabilities++;
    if (m.contextWindow !== undefined) withContextWindow++;
  }
  return {
    models: models.length,
    withPrices: models.length - free,
    free,
    withCapabilities,
    withContextWindow,
  };
}
