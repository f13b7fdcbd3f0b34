// One endpoint's figures from its samples: percentiles of time to first token, total latency and
// tokens per second, error rate and cost per 1,000 requests, and the "p95 under 200 ms?" answer.
import { round, summarize } from "@switchyard/measure";
import type { EndpointPlan } from "./endpointPlans.ts";
import type { StreamSample } from "./measureStream.ts";

export const targetP95Ms = 200;

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface EndpointFigures {
  endpoint: string;
  label: string;
  model: string;
  requests: number;
  errors: number;
  error_rate: number;
  error_codes: Record<string, number>;
  ttft_ms: Percentiles;
  total_ms: Percentiles;
  tokens_per_second: Percentiles;
  mean_completion_tokens: number | null;
  /** USD for 1,000 successful requests like these (mean cost x 1000). */
  cost_per_1k_requests_usd: number | null;
  /** Share of successful requests whose cost came from the upstream's usage.cost. */
  cost_reported_share: number;
  ttft_p95_under_200ms: boolean;
  total_p95_under_200ms: boolean;
}

const pcts = (values: number[], digits?: number): Percentiles => {
  const s = summarize(values);
  return { p50: round(s.p50, digits), p95: round(s.p95, digits), p99: round(s.p99, digits) };
};

export function endpointFigures(plan: EndpointPlan, samples: StreamSample[]): EndpointFigures {
  const ok = samples.filter((s) => s.ok);
  const codes: Record<string, number> = {};
  for (const s of samples)
    if (!s.ok) codes[s.errorCode ?? "unknown"] = (codes[s.errorCode ?? "unknown"] ?? 0) + 1;
  const ttft = ok.flatMap((s) => (s.ttftMs === null ? [] : [s.ttftMs]));
  const total = ok.map((s) => s.totalMs);
  const tps = ok.flatMap((s) => (s.tokensPerSecond === null ? [] : [s.tokensPerSecond]));
  const costs = ok.flatMap((s) => (s.costUsd === null ? [] : [s.costUsd]));
  const tokens = ok.flatMap((s) => (s.completionTokens === null ? [] : [s.completionTokens]));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const ttftP = pcts(ttft, 1);
  const totalP = pcts(total, 1);
  const meanCost = mean(costs);
  return {
    endpoint: plan.name,
    label: plan.label,
    model: plan.model,
    requests: samples.length,
    errors: samples.length - ok.length,
    error_rate: samples.length ? round((samples.length - ok.length) / samples.length, 4) : 0,
    error_codes: codes,
    ttft_ms: ttftP,
    total_ms: totalP,
    tokens_per_second: pcts(tps, 0),
    mean_completion_tokens: tokens.length ? round(mean(tokens)!, 1) : null,
    cost_per_1k_requests_usd: meanCost === null ? null : round(meanCost * 1000, 6),
    cost_reported_share: ok.length ? round(ok.filter((s) => s.costReported).length / ok.length, 3) : 0,
    ttft_p95_under_200ms: ttft.length > 0 && ttftP.p95 < targetP95Ms,
    total_p95_under_200ms: total.length > 0 && totalP.p95 < targetP95Ms,
  };
}
