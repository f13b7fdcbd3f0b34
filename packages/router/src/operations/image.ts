// Image generation: the plan executeRequest runs, over two upstream styles, picked per route from the
// catalog: the OpenAI images API, or chat completions with `modalities` (OpenRouter image models).
// Only PNG, JPEG and WebP bytes are accepted, told by their bytes (imageType.ts): anything else, or a
// bare link, is upstream_bad_response, so the engine fails over to the next endpoint.
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
  ImageMimeType,
  ImageRequestInput,
  ImageResult,
  RequestOptions,
  RoutingMeta,
} from "../types.ts";
import type { UpstreamCall } from "../upstream/upstreamCall.ts";
import { safeJson, validator } from "../validate.ts";
import { sniffBase64Image } from "./imageType.ts";

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

type CheckedImage = { b64_json: string; mime_type: ImageMimeType };

/** The answers consume() has checked, so build() need not decode their bytes a second time. */
const checkedResponses = new WeakSet<ImageResponse>();

/** One image's bytes from a data URL or b64_json, with the type its bytes show (never the declared one). */
function checkedImage(b64: string | undefined, url: string | undefined, endpoint: string): CheckedImage {
  const bytes = b64 ?? (url ? /^data:[^,]*;base64,(.*)$/s.exec(url)?.[1] : undefined);
  if (bytes === undefined) {
    throw new RouterError(
      "upstream_bad_response",
      `${endpoint} sent an image link instead of image bytes; only bytes can be checked and stored.`,
    );
  }
  const mimeType = sniffBase64Image(bytes);
  if (!mimeType) {
    throw new RouterError(
      "upstream_bad_response",
      `${endpoint} sent image bytes that are not PNG, JPEG or WebP; they were refused.`,
    );
  }
  return { b64_json: bytes, mime_type: mimeType };
}

function toImageResponse(text: string, route: LiveRoute): { value: ImageResponse; usage: unknown } {
  const json = safeJson(text);
  const endpoint = route.route.endpoint;
  if (viaChat(route)) {
    const parsed = checkChatImages(json);
    const images = parsed.success ? (parsed.data.choices[0]?.message.images ?? []) : [];
    if (!parsed.success || images.length === 0) {
      throw new RouterError("upstream_bad_response", `${endpoint} returned no image.`);
    }
    const data = images.map((img) => checkedImage(undefined, img.image_url.url, endpoint));
    const value = { created: parsed.data.created ?? Math.floor(Date.now() / 1000), data };
    checkedResponses.add(value);
    return { value, usage: parsed.data.usage };
  }
  const parsed = checkImageResponse(json);
  if (!parsed.success || parsed.data.data.length === 0) {
    throw new RouterError("upstream_bad_response", `${endpoint} sent a malformed images response.`);
  }
  // The provider's own mime_type (if any) is replaced by the sniffed one; its other fields pass through.
  const data = parsed.data.data.map((d) => ({ ...d, ...checkedImage(d.b64_json, d.url, endpoint) }));
  const value = { ...parsed.data, data };
  checkedResponses.add(value);
  return { value, usage: parsed.data.usage };
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
    // An answer consume() checked is used as is; a replay from a store is checked again, like a fresh one.
    const checked = checkedResponses.has(response);
    const endpoint = routing.endpoint ?? "the provider";
    return {
      images: response.data.map((d): GeneratedImage => {
        if (checked) return { b64Json: d.b64_json!, mimeType: d.mime_type as ImageMimeType };
        const image = checkedImage(d.b64_json, d.url, endpoint);
        return { b64Json: image.b64_json, mimeType: image.mime_type };
      }),
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
