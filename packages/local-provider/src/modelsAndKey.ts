// GET /v1/models (OpenRouter's listing shape, prices per token as strings) and GET /api/v1/key
// (OpenRouter's credit shape) for one endpoint.
import { sendJson } from "./providerError.ts";
import type { RequestContext } from "./requestContext.ts";

const perToken = (perMillion: number, multiplier: number) => String((perMillion * multiplier) / 1_000_000);

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
      input_modalities: ["text"],
      output_modalities:
        spec.kind === "image" ? ["image", "text"] : spec.kind === "embedding" ? ["embeddings"] : ["text"],
    },
    pricing: {
      prompt: perToken(spec.pricing.prompt, m),
      completion: perToken(spec.pricing.completion, m),
      image: String(spec.pricing.image * m),
      request: "0",
    },
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
