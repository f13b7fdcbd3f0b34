// One streamed request measured as the user feels it, on the client side: time to the first
// non-empty text delta, time to the end of the stream, and output tokens per second of generation.
import { isRouterError, type Router } from "@switchyard/router";
import type { EndpointPlan } from "./endpointPlans.ts";
import { messagesOf, type Prompt } from "./prompts.ts";

export interface StreamSample {
  ok: boolean;
  errorCode: string | null;
  ttftMs: number | null;
  totalMs: number;
  completionTokens: number | null;
  /** Generation speed after the first token: (completion tokens - 1) / (total - ttft). */
  tokensPerSecond: number | null;
  costUsd: number | null;
  /** True when cost is the upstream's own `usage.cost`; false when the router priced the tokens. */
  costReported: boolean;
}

export async function measureStream(
  router: Router,
  plan: EndpointPlan,
  prompt: Prompt,
  maxTokens: number,
): Promise<StreamSample> {
  const t0 = performance.now();
  let ttftMs: number | null = null;
  let usageCost: number | null = null;
  let usageTokens: number | null = null;
  try {
    const stream = router.stream(
      { model: plan.model, messages: messagesOf(prompt), max_tokens: maxTokens, ...plan.extra },
      plan.options,
    );
    for await (const delta of stream) {
      if (ttftMs === null && delta.text.length > 0) ttftMs = performance.now() - t0;
      const usage = delta.chunk.usage;
      if (usage) {
        usageTokens = usage.completion_tokens;
        if (typeof usage.cost === "number") usageCost = usage.cost;
      }
    }
    const totalMs = performance.now() - t0;
    const { routing } = await stream.result;
    const completionTokens = usageTokens ?? routing.completionTokens;
    const genMs = ttftMs === null ? 0 : totalMs - ttftMs;
    return {
      ok: true,
      errorCode: null,
      ttftMs,
      totalMs,
      completionTokens,
      tokensPerSecond:
        completionTokens && completionTokens > 1 && genMs > 0
          ? (completionTokens - 1) / (genMs / 1000)
          : null,
      costUsd: usageCost ?? routing.costUsd,
      costReported: usageCost !== null,
    };
  } catch (err) {
    return {
      ok: false,
      errorCode: isRouterError(err) ? err.code : "client_error",
      ttftMs,
      totalMs: performance.now() - t0,
      completionTokens: null,
      tokensPerSecond: null,
      costUsd: null,
      costReported: false,
    };
  }
}
