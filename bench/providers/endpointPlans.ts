// Which endpoints the provider benchmark measures, and the router that reaches them. Offline: the
// local provider's provider-emulating endpoints, each pinned with the router's `only` option. With
// OPENROUTER_API_KEY / OPENAI_API_KEY: real providers (OpenRouter pinned to one upstream provider
// at a time, OpenRouter's ZDR routing, OpenAI direct). Retries and the breaker are turned off so an
// endpoint's own error rate shows instead of the router's recovery.
import { type CatalogOverride, createRouter, type RequestOptions, type Router } from "@switchyard/router";
import type { ChatRequest } from "@switchyard/wire";

export interface EndpointPlan {
  /** Row name in the report, e.g. "local:groq-like". */
  name: string;
  /** What it stands for. */
  label: string;
  model: string;
  options: RequestOptions;
  /** Extra request fields (OpenRouter provider preferences). */
  extra?: Partial<ChatRequest>;
}

export interface BenchTarget {
  live: "offline" | "real";
  router: Router;
  plans: EndpointPlan[];
}

const llama = "meta-llama/llama-3.1-8b-instruct";
const llamaModel = {
  id: llama,
  label: "Llama 3.1 8B Instruct",
  capabilities: ["chat" as const],
  contextWindow: 131_072,
  price: { inputPerMTokens: 0.02, outputPerMTokens: 0.03 },
};

const benchPolicy = {
  retry: { maxAttempts: 1 },
  breaker: { failureThreshold: Number.MAX_SAFE_INTEGER },
  credits: { refreshMs: 0 },
  timeouts: { firstTokenMs: 30_000, totalMs: 120_000 },
};

const localEndpoints = [
  { name: "openrouter-like", label: "Sim OpenRouter (aggregator, ~450 ms first token)", zdr: false },
  { name: "groq-like", label: "Sim Groq (fast inference, ~130 ms)", zdr: false },
  { name: "together-like", label: "Sim Together (~280 ms)", zdr: false },
  { name: "zdr", label: "Sim ZDR endpoint (zero data retention, slower)", zdr: true },
];

export function offlineTarget(localProviderUrl: string): BenchTarget {
  // Llama 3.1 8B, served by each provider-emulating endpoint: the same model, so only the endpoint differs.
  const catalog: CatalogOverride = {
    models: [
      {
        ...llamaModel,
        routes: localEndpoints.map((e) => ({
          endpoint: `local:${e.name}`,
          account: `local:${e.name}`,
          upstreamModel: "local/sim-llama-3.1-8b",
          zdr: e.zdr,
        })),
      },
    ],
  };
  const router = createRouter({
    env: {},
    catalog,
    accounts: localEndpoints.map((e) => `local:${e.name}`),
    localProviderUrl,
    policy: benchPolicy,
    app: "bench",
  });
  return {
    live: "offline",
    router,
    plans: localEndpoints.map((e) => ({
      name: `local:${e.name}`,
      label: e.label,
      model: llama,
      options: { only: [`local:${e.name}`], feature: "bench-providers" },
    })),
  };
}

/** OpenRouter's upstream providers to compare for Llama 3.1 8B (names as OpenRouter spells them). */
export const openRouterProviders = ["Groq", "Together", "DeepInfra"];

export function realTarget(env: Record<string, string | undefined>): BenchTarget {
  const plans: EndpointPlan[] = [];
  const routes: NonNullable<CatalogOverride["models"]>[number]["routes"] = [];
  if (env.OPENROUTER_API_KEY) {
    routes.push({ endpoint: "openrouter", account: "openrouter", upstreamModel: llama });
    plans.push({
      name: "openrouter",
      label: "OpenRouter, its default provider routing",
      model: llama,
      options: { only: ["openrouter"] },
    });
    for (const provider of openRouterProviders) {
      // The router forwards request-level `provider` preferences to OpenRouter; pin one provider, no fallback.
      plans.push({
        name: `openrouter:${provider.toLowerCase()}`,
        label: `OpenRouter pinned to ${provider}`,
        model: llama,
        options: { only: ["openrouter"] },
        extra: { provider: { order: [provider], allow_fallbacks: false } },
      });
    }
    plans.push({
      name: "openrouter:zdr",
      label: "OpenRouter, zero-data-retention providers only",
      model: llama,
      options: { only: ["openrouter"], zdrOnly: true },
    });
  }
  if (env.OPENAI_API_KEY) {
    plans.push({
      name: "openai",
      label: "OpenAI direct (gpt-4o-mini)",
      model: "openai/gpt-4o-mini",
      options: { only: ["openai"] },
    });
  }
  const router = createRouter({
    env,
    catalog: routes.length ? { models: [{ ...llamaModel, routes }] } : {},
    policy: benchPolicy,
    app: "bench",
  });
  return { live: "real", router, plans };
}
