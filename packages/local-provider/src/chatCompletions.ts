// POST /v1/chat/completions: the simulated (or scripted) answer, or a procedural image for image
// models, delivered whole or as an OpenRouter-style SSE stream with the endpoint's faults applied.
import { type ChatRequest, chatRequest, type Usage } from "@switchyard/wire";
import { z } from "zod";
import { imageBytes } from "./mislabelledImage.ts";
import { checkModeration } from "./moderation.ts";
import { costOf } from "./pricing.ts";
import { DEFAULT_IMAGE_SIZE, parseSize } from "./proceduralImage.ts";
import { invalidRequest, ProviderError, sendJson } from "./providerError.ts";
import { findModel, type ModelSpec } from "./providerProfiles.ts";
import { readJsonBody } from "./readJsonBody.ts";
import { providerMetadata, type RequestContext } from "./requestContext.ts";
import { findScript, type ScriptedResponse } from "./scriptedResponses.ts";
import { SIMULATION_MARKER, simulateAnswer } from "./simulatedChat.ts";
import { sleep } from "./sleep.ts";
import { streamCompletion } from "./streamCompletion.ts";
import { messageText, promptTokens, splitIntoTokens } from "./tokens.ts";

const imageConfig = z.object({ aspect_ratio: z.string().optional() }).loose().optional();
const ASPECT_SIZES: Record<string, string> = {
  "1:1": "512x512",
  "16:9": "768x432",
  "9:16": "432x768",
  "4:3": "640x480",
  "3:4": "480x640",
  "3:2": "720x480",
  "2:3": "480x720",
};

export interface Completion {
  model: string;
  tokens: string[];
  finishReason: "stop" | "length";
  images: string[];
  usage: Usage;
  /** What the endpoint's credit is charged, reported in usage.cost unless a script says not to. */
  chargeUsd: number;
  extra: { endpoint: string; simulated: true; scripted: boolean; script?: string };
}

/** The usage with the details a script asked for: cached never above prompt, reasoning in completion. */
function usageOf(prompt: number, completion: number, cost: number, asked: ScriptedResponse["usage"]): Usage {
  const usage: Usage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
  };
  if (asked?.cost !== false) usage.cost = cost;
  if (asked?.cached_tokens !== undefined || asked?.cache_write_tokens !== undefined) {
    const cached = Math.min(asked.cached_tokens ?? 0, prompt);
    usage.prompt_tokens_details = {
      cached_tokens: cached,
      cache_write_tokens: Math.min(asked.cache_write_tokens ?? 0, prompt - cached),
    };
  }
  if (asked?.reasoning_tokens !== undefined) {
    usage.completion_tokens_details = { reasoning_tokens: asked.reasoning_tokens };
  }
  return usage;
}

function composeCompletion(ctx: RequestContext, body: ChatRequest, spec: ModelSpec): Completion {
  const lastUser = body.messages.findLast((m) => m.role === "user");
  const lastUserText = lastUser ? messageText(lastUser) : "";
  const system = body.messages
    .filter((m) => m.role === "system" || m.role === "developer")
    .map(messageText)
    .join("\n");
  const images: string[] = [];
  let text: string;
  let script: string | undefined;
  let scripted = false;
  let askedUsage: ScriptedResponse["usage"];

  if (spec.kind === "image") {
    const aspect = imageConfig.safeParse(body.image_config).data?.aspect_ratio ?? "";
    const size = parseSize(ASPECT_SIZES[aspect] ?? DEFAULT_IMAGE_SIZE)!;
    const png = imageBytes(
      ctx.endpoint.faults.imageContent,
      lastUserText,
      body.seed ?? 0,
      size.width,
      size.height,
    );
    images.push(`data:image/png;base64,${png.toString("base64")}`);
    text = `${SIMULATION_MARKER} · ${body.model}] A procedurally drawn ${size.width}x${size.height} image for "${lastUserText.slice(0, 200)}".`;
  } else {
    const match = findScript(ctx.profiles.scripts, { model: body.model, lastUser: lastUserText, system });
    scripted = match !== undefined;
    script = match?.name;
    askedUsage = match?.usage;
    text = match ? match.response : simulateAnswer(body.model, spec, body.messages);
  }

  let tokens = splitIntoTokens(text);
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  const truncated = maxTokens !== undefined && tokens.length > maxTokens;
  if (truncated) tokens = tokens.slice(0, maxTokens);
  const prompt = promptTokens(body.messages);
  const completionTokens = tokens.length + (askedUsage?.reasoning_tokens ?? 0);
  const cost = costOf(spec, ctx.endpoint, { promptTokens: prompt, completionTokens, images: images.length });
  return {
    model: body.model,
    tokens,
    images,
    finishReason: truncated ? "length" : "stop",
    usage: usageOf(prompt, completionTokens, cost, askedUsage),
    chargeUsd: cost,
    extra: { endpoint: ctx.endpoint.name, simulated: true, scripted, ...(script ? { script } : {}) },
  };
}

export async function chatCompletions(ctx: RequestContext) {
  const parsed = chatRequest.safeParse(await readJsonBody(ctx.req, ctx.profiles.maxBodyBytes));
  if (!parsed.success) throw invalidRequest(parsed.error);
  const body = parsed.data;
  ctx.entry.model = body.model;
  ctx.entry.stream = body.stream === true;
  const spec = findModel(ctx.profiles, body.model, ["chat", "image"]);
  const metadata = providerMetadata(ctx, body.model);
  if (body.modalities?.includes("image") && spec.kind !== "image") {
    throw new ProviderError(
      400,
      "unsupported_model",
      `${body.model} cannot output images; use an image model.`,
      metadata,
    );
  }
  if (spec.kind === "image") {
    const lastUser = body.messages.findLast((m) => m.role === "user");
    checkModeration(lastUser ? messageText(lastUser) : "", ctx.profiles.moderation.blocklist, metadata);
  }
  ctx.endpoint.admit(metadata);
  const completion = composeCompletion(ctx, body, spec);

  if (body.stream) {
    await streamCompletion(ctx, completion, spec.kind === "image");
    return;
  }
  await waitLikeAGeneration(ctx, completion, spec.kind === "image");
  ctx.endpoint.charge(completion.chargeUsd);
  const cut = ctx.endpoint.faults.endAfterTokens;
  const send = cut !== null && cut < completion.tokens.length ? sendCutJson : sendJson;
  send(
    ctx.res,
    200,
    {
      id: ctx.requestId,
      provider: ctx.endpoint.provider,
      model: completion.model,
      object: "chat.completion",
      created: Math.floor(Date.now() / 1000),
      choices: [
        {
          index: 0,
          logprobs: null,
          finish_reason: completion.finishReason,
          native_finish_reason: completion.finishReason,
          message: {
            role: "assistant",
            content: completion.tokens.join(""),
            refusal: null,
            ...(completion.images.length
              ? { images: completion.images.map((url) => ({ type: "image_url", image_url: { url } })) }
              : {}),
          },
        },
      ],
      usage: completion.usage,
      x_switchyard: completion.extra,
    },
    { "x-generation-id": ctx.requestId },
  );
}

/** A non-streaming answer takes as long as its stream would, stalls included; a mid-answer failure is a 502. */
async function waitLikeAGeneration(ctx: RequestContext, completion: Completion, isImage: boolean) {
  const f = ctx.endpoint.faults;
  const n = completion.tokens.length;
  const failAt = f.errorAfterTokens !== null && f.errorAfterTokens < n ? f.errorAfterTokens : undefined;
  const produced = failAt ?? n;
  const perToken = f.tokensPerSecond > 0 && Number.isFinite(f.tokensPerSecond) ? 1000 / f.tokensPerSecond : 0;
  let wait =
    f.hangBeforeFirstTokenMs +
    ctx.endpoint.jittered(f.firstTokenMs) +
    (isImage ? ctx.endpoint.jittered(f.imageMs) : 0);
  wait += produced * perToken;
  if (f.stallAfterTokens !== null && f.stallAfterTokens < produced) wait += f.stallMs;
  await sleep(wait, ctx.signal);
  if (failAt !== undefined) {
    throw new ProviderError(502, "upstream_error", "The provider failed while generating the answer.", {
      ...providerMetadata(ctx, completion.model),
      tokens_generated: failAt,
    });
  }
}

/** The endAfterTokens fault on a non-streaming answer: the connection "drops" partway through the body. */
function sendCutJson(
  res: RequestContext["res"],
  status: number,
  body: unknown,
  headers: Record<string, string>,
) {
  const text = JSON.stringify(body);
  // No Content-Length: the client cannot tell the body is short until it parses it.
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(text.slice(0, Math.floor(text.length / 2)));
}
