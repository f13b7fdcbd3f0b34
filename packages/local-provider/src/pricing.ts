// Cost in USD from the model's published prices (per million tokens, per image) and the endpoint's
// price multiplier, rounded to a nano-dollar so sums stay readable.
import type { EndpointState } from "./endpointState.ts";
import type { ModelSpec } from "./providerProfiles.ts";

export function costOf(
  spec: ModelSpec,
  endpoint: EndpointState,
  use: { promptTokens?: number; completionTokens?: number; images?: number },
): number {
  const p = spec.pricing;
  const usd =
    ((use.promptTokens ?? 0) * p.prompt + (use.completionTokens ?? 0) * p.completion) / 1_000_000 +
    (use.images ?? 0) * p.image;
  return Math.round(usd * endpoint.spec.priceMultiplier * 1e9) / 1e9;
}
