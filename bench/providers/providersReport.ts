// The provider benchmark's report: the p95-under-200-ms answer per endpoint, the figures table, a
// chart of time to first token / total latency / tokens per second, and how it was measured.
import { type MachineFacts, machineFactsMarkdown } from "@switchyard/measure";
import { markdownTable, type ReportFiles } from "../lib/report.ts";
import type { ChartSpec } from "../lib/svgChart.ts";
import { type EndpointFigures, targetP95Ms } from "./endpointFigures.ts";
import type { Workload } from "./runWorkload.ts";

export interface ProvidersInput {
  machine: MachineFacts;
  live: "offline" | "real";
  quick: boolean;
  workload: Omit<Workload, "prompts"> & { prompts: number; promptsFrom: string };
  endpoints: EndpointFigures[];
}

const yesNo = (b: boolean) => (b ? "yes" : "no");

function answer(e: EndpointFigures): string {
  if (e.requests === e.errors)
    return `- **${e.endpoint}**: no answer — every request failed (${Object.keys(e.error_codes).join(", ")}).`;
  const ttft = e.ttft_p95_under_200ms ? "**yes**" : "**no**";
  return `- **${e.endpoint}** — ${e.label}: time to first token p95 ${e.ttft_ms.p95} ms → ${ttft}; whole answer p95 ${e.total_ms.p95} ms → ${yesNo(e.total_p95_under_200ms)}.`;
}

function chart(endpoints: EndpointFigures[], quick: boolean): ChartSpec {
  const categories = endpoints.map((e) => e.endpoint.replace(/^local:/, ""));
  const series = (pick: (e: EndpointFigures) => { p50: number; p95: number; p99: number }) =>
    (["p50", "p95", "p99"] as const).map((k) => ({
      name: k,
      values: endpoints.map((e) => (e.requests > e.errors ? pick(e)[k] : null)),
    }));
  return {
    title: `Streaming chat per endpoint, measured at the client${quick ? " (quick run)" : ""}`,
    subtitle: "Same prompts and concurrency for every endpoint; rounds rotate the endpoint order.",
    panels: [
      {
        title: "Time to first token",
        unit: "ms",
        categories,
        series: series((e) => e.ttft_ms),
        references: [{ value: targetP95Ms, label: `${targetP95Ms} ms` }],
      },
      { title: "Total latency", unit: "ms", categories, series: series((e) => e.total_ms) },
      {
        title: "Tokens per second",
        unit: "tokens/s",
        categories,
        series: series((e) => e.tokens_per_second),
      },
    ],
  };
}

export function providersReport(input: ProvidersInput): ReportFiles {
  const { endpoints, workload: w, live, quick } = input;
  const table = markdownTable(
    [
      "endpoint",
      "requests",
      "error rate",
      "TTFT p50/p95/p99 ms",
      "total p50/p95/p99 ms",
      "tokens/s p50/p95/p99",
      "mean output tokens",
      "cost / 1k requests (USD)",
      "p95 TTFT < 200 ms",
    ],
    endpoints.map((e) => [
      e.endpoint,
      e.requests,
      `${Math.round(e.error_rate * 1000) / 10}%`,
      `${e.ttft_ms.p50} / ${e.ttft_ms.p95} / ${e.ttft_ms.p99}`,
      `${e.total_ms.p50} / ${e.total_ms.p95} / ${e.total_ms.p99}`,
      `${e.tokens_per_second.p50} / ${e.tokens_per_second.p95} / ${e.tokens_per_second.p99}`,
      e.mean_completion_tokens,
      e.cost_per_1k_requests_usd,
      e.requests > e.errors ? yesNo(e.ttft_p95_under_200ms) : "—",
    ]),
  );
  const errors = endpoints
    .filter((e) => e.errors > 0)
    .map(
      (e) =>
        `- ${e.endpoint}: ${Object.entries(e.error_codes)
          .map(([c, n]) => `${c} × ${n}`)
          .join(", ")}`,
    );
  const liveLine =
    live === "offline"
      ? "**Offline**: the local provider's provider-emulating endpoints (simulated latency and token pacing from `packages/local-provider/profiles/default.json`), all serving the same simulated Llama 3.1 8B at the same price (so cost is equal by construction). These figures show the harness and the trade-offs, not real providers: set `OPENROUTER_API_KEY` and/or `OPENAI_API_KEY` to measure real ones."
      : "**Real providers**: OpenRouter (its default routing, pinned to one upstream provider at a time, and ZDR-only) and/or OpenAI direct, over the network from this machine.";
  const markdown = `# Provider benchmark: what a user feels, per endpoint

${quick ? "> **Quick run** (`--quick`): few requests, for a smoke test.\n\n" : ""}${liveLine}

## p95 under ${targetP95Ms} ms?

The question is about time to first token (what a user waits for before text appears); whole
answers are listed too${endpoints.some((e) => e.total_p95_under_200ms) ? "" : ", and none of them is under that at p95"}.

${endpoints.map(answer).join("\n")}

![TTFT, total latency and tokens/s per endpoint](providers.svg)

${table}

${errors.length ? `Errors by code:\n\n${errors.join("\n")}\n\n` : ""}## How it was measured

- Workload: ${w.prompts} prompts (${w.promptsFrom}), ${w.requestsPerEndpoint} requests per endpoint at concurrency ${w.concurrency}, \`max_tokens\` ${w.maxTokens}, streaming.
- Each request goes through \`router.stream()\` pinned to one endpoint with the router's \`only\` option
  (OpenRouter's upstream provider pinned with its \`provider.order\` + \`allow_fallbacks: false\`),
  with the router's retries (1 attempt) and circuit breaker turned off, so errors are the endpoint's own.
- Measured in the client process: **TTFT** = from the call to the first non-empty text delta;
  **total** = to the end of the stream; **tokens/s** = (completion tokens − 1) / (total − TTFT), the
  generation speed after the first token, with completion tokens from the stream's usage chunk.
- **Cost per 1k requests** = mean cost of a successful request × 1000, from the stream's \`usage.cost\`
  (share of requests that reported it: ${endpoints.map((e) => `${e.endpoint} ${Math.round(e.cost_reported_share * 100)}%`).join(", ")}; otherwise tokens × catalog price).
- Rounds of 2 × concurrency requests per endpoint rotate the endpoint order, so drift hits all alike.
  Percentiles are nearest-rank over successful requests; with few requests p99 is close to the max.

## Machine

${machineFactsMarkdown(input.machine)}
`;
  return {
    name: "providers",
    markdown,
    json: {
      benchmark: "providers",
      live,
      quick,
      machine: input.machine,
      workload: w,
      target_p95_ms: targetP95Ms,
      endpoints,
    },
    charts: { "providers.svg": chart(endpoints, quick) },
  };
}
