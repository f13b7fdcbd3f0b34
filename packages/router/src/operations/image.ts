// Image generation: the plan executeRequest runs, over two upstream styles, picked per route from the
// catalog: the OpenAI images API, or chat completions with `modalities` (OpenRouter image models).
import { type ImageResponse, imageResponse } from "@switchyard/wire";
import { z } from "zod";
import type { LiveRoute } from "../catalog/liveCatalog.ts";
import { costUpperBound } from "../engine/budget.ts";
import { costFromUsage } from "../engine/cost.ts";
import type { EngineDeps } from "../engine/engineDeps.ts";
import { executeRequest } from "../engine/executeRequest.ts";
import type { AttemptSuccess, Plan } from "../engine/plan.ts";
import { RequestContext } from "../engine/requestContext.ts";
import { RouterError } from "../errors.ts";
import { resolveDefaultModel } from "../selection/resolveModel.ts";
import type { CandidateQuery } from "../selection/selectCandidates.ts";
import { estimateTextTokens } from "../selection/tokenEstimate.ts";
import type {
  GeneratedImage,
  ImageRequestInput,
  ImageResult,
  RequestOptions,
  RoutingMeta,
} from "../types.ts";
import type { UpstreamCall } from "../upstream/upstreamCall.ts";
import { safeJson, validator } from "../validate.ts";

const chatImages = z.object({
  created: z.number().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({
          images: z.array(z.object({ image_url: z.object({ url: z.string() }) })).optional(),
        }),
      }),
    )
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number(), completion_tokens: z.number(), cost: z.number().optional() })
    .optional(),
});
const checkChatImages = validator(chatImages);
const checkImageResponse = validator(imageResponse);
const maxImageBodyBytes = 256 * 1024 * 1024;

const viaChat = (route: LiveRoute) => route.route.imageApi === "chat-modalities";

function imageBody(req: ImageRequestInput, route: LiveRoute): string {
  const model = route.route.upstreamModel;
  if (viaChat(route)) {
    return JSON.stringify({
      model,
      messages: [{ role: "user", content: req.prompt }],
      modalities: ["image", "text"],
      ...(req.seed !== undefined ? { seed: req.seed } : {}),
    });
  }
  return JSON.stringify({
    model,
    prompt: req.prompt,
    n: req.n ?? 1,
    size: req.size,
    seed: req.seed,
    response_format: "b64_json",
  });
}

function toImageResponse(text: string, route: LiveRoute): { value: ImageResponse; usage: unknown } {
  const json = safeJson(text);
  if (viaChat(route)) {
    const parsed = checkChatImages(json);
    const images = parsed.success ? (parsed.data.choices[0]?.message.images ?? []) : [];
    if (!parsed.success || images.length === 0) {
      throw new RouterError("upstream_bad_response", `${route.route.endpoint} returned no image.`);
    }
    const data = images.map((img) => {
      const match = /^data:([^;]+);base64,(.*)$/s.exec(img.image_url.url);
      return match ? { b64_json: match[2]!, mime_type: match[1]! } : { url: img.image_url.url };
    });
    return {
      value: { created: parsed.data.created ?? Math.floor(Date.now() / 1000), data },
      usage: parsed.data.usage,
    };
  }
  const parsed = checkImageResponse(json);
  if (!parsed.success || parsed.data.data.length === 0) {
    throw new RouterError(
      "upstream_bad_response",
      `${route.route.endpoint} sent a malformed images response.`,
    );
  }
  return { value: parsed.data, usage: parsed.data.usage };
}

/** The plan of one image generation. */
class ImagePlan implements Plan<ImageResponse, ImageResult> {
  readonly stream = false;
  readonly query: CandidateQuery;
  readonly identity: ImageRequestInput;
  readonly #deps: EngineDeps;
  readonly #ctx: RequestContext;

  constructor(deps: EngineDeps, ctx: RequestContext, req: ImageRequestInput) {
    this.#deps = deps;
    this.#ctx = ctx;
    this.identity = req;
    this.query = { capability: "image", needsVision: false, contextTokens: 0, options: ctx.options };
  }

  async resolve(): Promise<string[]> {
    const live = this.#deps.live;
    return resolveDefaultModel(live, this.identity.model, live.catalog.defaults.image);
  }

  estimateUsd(candidates: LiveRoute[]): number {
    const req = this.identity;
    const n = req.n ?? 1;
    return costUpperBound(candidates, estimateTextTokens(req.prompt), 1290 * n, n);
  }

  path(route: LiveRoute): string {
    return viaChat(route) ? "/chat/completions" : "/images/generations";
  }

  body(route: LiveRoute): string {
    return imageBody(this.identity, route);
  }

  async consume(
    call: UpstreamCall,
    route: LiveRoute,
    startedAt: number,
  ): Promise<AttemptSuccess<ImageResponse>> {
    const text = await call.text(this.#ctx.timeouts.idleMs, maxImageBodyBytes);
    const { value, usage } = toImageResponse(text, route);
    const u = usage as { prompt_tokens?: number; completion_tokens?: number; cost?: number } | undefined;
    // Image models are priced per image; token usage (if any) is informative only.
    const figures = costFromUsage(route.model, u?.cost !== undefined ? u : undefined, value.data.length);
    return {
      value,
      usage: {
        ...figures,
        promptTokens: u?.prompt_tokens ?? null,
        completionTokens: u?.completion_tokens ?? null,
      },
      ttftMs: performance.now() - startedAt,
    };
  }

  build(response: ImageResponse, routing: RoutingMeta): ImageResult {
    return {
      images: response.data.map(
        (d): GeneratedImage => ({
          ...(d.b64_json ? { b64Json: d.b64_json } : {}),
          ...(d.url ? { url: d.url } : {}),
          mimeType: typeof d.mime_type === "string" ? d.mime_type : "image/png",
        }),
      ),
      response,
      routing,
    };
  }
}

export function image(
  deps: EngineDeps,
  req: ImageRequestInput,
  options: RequestOptions,
): Promise<ImageResult> {
  const ctx = new RequestContext("image", req.model ?? "auto", options, deps.appName, deps.policy.timeouts);
  return executeRequest(deps, ctx, new ImagePlan(deps, ctx, req));
}
