// One model, `bench/fixed`, routed to an OpenAI-compatible base URL that answers a fixed completion:
// what bench:overhead's router and the gateway (SWITCHYARD_GATEWAY_UPSTREAM_URL) route benchmarks to.
import type { CatalogOverride } from "./catalogSchema.ts";

export const FIXED_UPSTREAM_MODEL = "bench/fixed";

export function fixedUpstreamCatalog(
  upstreamUrl: string,
): Required<Pick<CatalogOverride, "accounts" | "models">> {
  const account = { id: "bench-upstream", label: "Bench upstream", kind: "openai-compatible" as const };
  return {
    accounts: [{ ...account, baseUrl: upstreamUrl, apiKeyEnv: null, creditsPath: null }],
    models: [
      {
        id: FIXED_UPSTREAM_MODEL,
        label: "Fixed answer (benchmark)",
        capabilities: ["chat"],
        contextWindow: 128_000,
        price: { inputPerMTokens: 0.15, outputPerMTokens: 0.6 },
        routes: [{ endpoint: account.id, account: account.id, path: "/v1", upstreamModel: "bench-fixed" }],
      },
    ],
  };
}
