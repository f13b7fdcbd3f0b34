// The router as the overhead benchmark configures it: a catalog override whose only model has one
// route, to the fixed upstream; no extra ledger sink (the always-on pino sink is below its level and
// the OpenTelemetry sink is a no-op without an SDK), no idempotency key, no budgets, no credit polling.
import { createRouter, type Router } from "@switchyard/router";

export function createBenchRouter(upstreamUrl: string): Router {
  return createRouter({
    env: {},
    accounts: ["bench-upstream"],
    policy: { credits: { refreshMs: 0 } },
    catalog: {
      accounts: [
        {
          id: "bench-upstream",
          label: "Bench upstream",
          kind: "openai-compatible",
          baseUrl: upstreamUrl,
          apiKeyEnv: null,
          creditsPath: null,
        },
      ],
      models: [
        {
          id: "bench/fixed",
          label: "Fixed answer (benchmark)",
          capabilities: ["chat"],
          contextWindow: 128_000,
          price: { inputPerMTokens: 0.15, outputPerMTokens: 0.6 },
          routes: [
            {
              endpoint: "bench-upstream",
              account: "bench-upstream",
              path: "/v1",
              upstreamModel: "bench-fixed",
            },
          ],
        },
      ],
    },
  });
}
