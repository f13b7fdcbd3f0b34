// GET /v1/models and /api/v1/models (OpenRouter's listing shape, prices per token as strings, what
// each model takes and accepts: the router's catalog sync reads it offline) and GET /api/v1/key
// (OpenRouter's credit shape) for one endpoint.
import { sendJson } from "./providerError.ts";
import type { ModelSpec } from "./providerProfiles.ts";
import type { RequestContext } from "./requestContext.ts";

const perToken = (perMillion: number, multiplier: number) => String((perMillion * multiplier) / 1_000_000);

/** What the simulated chat honours when a profile does not say: tools and structured outputs too. */
export const CHAT_PARAMETERS = [
  "max_tokens",
  "max_completion_tokens",
  "temperature",
  "stop",
  "stream",
  "seed",
  "tools",
  "tool_choice",
  "parallel_tool_calls",
  "response_format",
  "structured_outputs",
];
/** Chat models read pictures (OCR) and files (PDF, CSV, text) unless a profile says otherwise. */
export const CHAT_INPUT_MODALITIES = ["text", "image", "file"];

export const inputModalitiesOf = (spec: ModelSpec) =>
  spec.inputModalities ?? (spec.kind === "chat" ? CHAT_INPUT_MODALITIES : ["text"]);
export const supportedParametersOf = (spec: ModelSpec) =>
  spec.supportedParameters ??
  (spec.kind === "chat" ? CHAT_PARAMETERS : ["max_tokens", "temperature", "stop", "stream"]);

export function listModels(ctx: RequestContext) {
  const m = ctx.endpoint.spec.priceMultiplier;
  const data = Object.entries(ctx.profiles.models).map(([id, spec]) => ({
    id,
    name: spec.name,
    object: "model",
    created: 0,
    owned_by: "local",
    context_length: spec.contextLength,
    description: spec.simulates ? `Local stand-in for ${spec.simulates}.` : spec.name,
    architecture: {
      input_modalities: inputModalitiesOf(spec),
      output_modalities:
        spec.kind === "image" ? ["image", "text"] : spec.kind === "embedding" ? ["embeddings"] : ["text"],
    },
    pricing: {
      prompt: perToken(spec.pricing.prompt, m),
      completion: perToken(spec.pricing.completion, m),
      image: String(spec.pricing.image * m),
      request: "0",
      ...(spec.pricing.cacheRead !== undefined
        ? { input_cache_read: perToken(spec.pricing.cacheRead, m) }
        : {}),
    },
    supported_parameters: supportedParametersOf(spec),
    top_provider: { context_length: spec.contextLength, max_completion_tokens: null, is_moderated: false },
    x_switchyard: {
      kind: spec.kind,
      simulates: spec.simulates ?? null,
      provider: ctx.endpoint.provider,
      zdr: ctx.endpoint.spec.zdr,
    },
  }));
  sendJson(ctx.res, 200, { object: "list", data });
}

export function keyInfo(ctx: RequestContext) {
  const e = ctx.endpoint;
  sendJson(ctx.res, 200, {
    data: {
      label: `local-${e.name}`,
      limit: e.faults.creditLimit,
      limit_remaining: e.creditRemaining,
      usage: Math.round(e.spent * 1e9) / 1e9,
      is_free_tier: false,
      rate_limit: e.faults.throttle
        ? {
            requests: e.faults.throttle.capacity,
            interval: "bucket",
            refill_per_second: e.faults.throttle.refillPerSecond,
          }
        : null,
    },
  });
}
