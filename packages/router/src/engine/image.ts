// Image generation: a Plan for executeRequest over two upstream styles, picked per route from the
// catalog: the OpenAI images API, or chat completions with `modalities` (OpenRouter image models).
import { type ImageResponse, imageResponse } from "@switchyard/wire";
import { z } from "zod";
import { RouterError } from "../errors.ts";
import type { LiveRoute } from "../policy/liveCatalog.ts";
import { resolveDefaultModel } from "../policy/resolveModel.ts";
import { estimateTextTokens } from "../policy/tokenEstimate.ts";
import type { GeneratedImage, ImageRequestInput, ImageResult, RequestOptions } from "../types.ts";
import { validator } from "../validate.ts";
import { costUpperBound } from "./budget.ts";
import { safeJson } from "./chat.ts";
import { costFromUsage } from "./cost.ts";
import type { EngineDeps } from "./engineDeps.ts";
import { executeRequest, type Plan } from "./executeRequest.ts";
import { RequestContext } from "./requestContext.ts";

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

const viaChat = (route: LiveRoute) => route.route.imageApi === "chat-modalities";

function body(req: ImageRequestInput, route: LiveRoute): string {
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

export function image(
  deps: EngineDeps,
  req: ImageRequestInput,
  options: RequestOptions,
): Promise<ImageResult> {
  const ctx = new RequestContext("image", req.model ?? "auto", options, deps.appName, deps.policy.timeouts);
  const n = req.n ?? 1;
  const plan: Plan<ImageResponse, ImageResult> = {
    identity: req,
    resolve: async () => resolveDefaultModel(deps.live, req.model, deps.live.catalog.defaults.image),
    query: { capability: "image", needsVision: false, contextTokens: 0, options },
    estimateUsd: (candidates) => costUpperBound(candidates, estimateTextTokens(req.prompt), 1290 * n, n),
    spec: {
      path: (route) => (viaChat(route) ? "/chat/completions" : "/images/generations"),
      stream: false,
      body: (route) => body(req, route),
      consume: async (call, route, startedAt) => {
        const text = await call.text(ctx.timeouts.idleMs, 256 * 1024 * 1024);
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
      },
    },
    build: (response, routing) => ({
      images: response.data.map(
        (d): GeneratedImage => ({
          ...(d.b64_json ? { b64Json: d.b64_json } : {}),
          ...(d.url ? { url: d.url } : {}),
          mimeType: typeof d.mime_type === "string" ? d.mime_type : "image/png",
        }),
      ),
      response,
      routing,
    }),
  };
  return executeRequest(deps, ctx, plan);
}
