// POST /v1/chat/completions: the simulated (or scripted) answer, or a procedural image for image
// models, delivered whole or as an OpenRouter-style SSE stream with the endpoint's faults applied.
import type { Usage } from "@switchyard/wire";
import { z } from "zod";
import { refuseUnsupported } from "./capabilityCheck.ts";
import { type LocalChatRequest, localChatRequest } from "./chatBody.ts";
import { imageBytes } from "./mislabelledImage.ts";
import { checkModeration } from "./moderation.ts";
import { costOf } from "./pricing.ts";
import { DEFAULT_IMAGE_SIZE, parseSize } from "./proceduralImage.ts";
import { invalidRequest, ProviderError, sendJson } from "./providerError.ts";
import { findModel, type ModelSpec } from "./providerProfiles.ts";
import { readJsonBody } from "./readJsonBody.ts";
import { providerMetadata, type RequestContext } from "./requestContext.ts";
import { findScript, type ScriptedResponse } from "./scriptedResponses.ts";
import { SIMULATION_MARKER } from "./simulatedChat.ts";
import { simulatedReply } from "./simulatedReply.ts";
import { sleep } from "./sleep.ts";
import { streamCompletion } from "./streamCompletion.ts";
import { estimateTokens, messageText, promptTokens, splitIntoTokens } from "./tokens.ts";

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

/** A tool call as it is streamed: its arguments JSON in pieces, each counted as a completion token. */
export interface StreamedToolCall {
  id: string;
  name: string;
  pieces: string[];
}

/** Tool-call arguments are streamed in pieces of this many characters (about one token each). */
const ARGUMENT_PIECE_CHARS = 6;

export interface Completion {
  model: string;
  /** The text, in the pieces a stream sends; tool calls' argument pieces follow them. */
  tokens: string[];
  toolCalls: StreamedToolCall[];
  finishReason: "stop" | "length" | "tool_calls";
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

async function composeCompletion(
  ctx: RequestContext,
  body: LocalChatRequest,
  spec: ModelSpec,
): Promise<Completion> {
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
  let toolCalls: StreamedToolCall[] = [];
  let readChars = 0;

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
    if (match) {
      text = match.response;
    } else {
      const reply = await simulatedReply(body, spec);
      text = reply.text;
      readChars = reply.readChars;
      if (reply.toolCall) {
        const args = reply.toolCall.arguments;
        const pieces = args.match(new RegExp(`[\\s\\S]{1,${ARGUMENT_PIECE_CHARS}}`, "g")) ?? [""];
        toolCalls = [
          { id: `call_${ctx.requestId.replace(/^gen-/, "")}_0`, name: reply.toolCall.name, pieces },
        ];
      }
    }
  }

  let tokens = splitIntoTokens(text);
  const maxTokens = body.max_completion_tokens ?? body.max_tokens;
  const truncated = maxTokens !== undefined && tokens.length > maxTokens;
  if (truncated) tokens = tokens.slice(0, maxTokens);
  const toolSchemas = body.tools ? estimateTokens(JSON.stringify(body.tools)) : 0;
  const prompt = promptTokens(body.messages) + toolSchemas + Math.ceil(readChars / 4);
  const argumentTokens = toolCalls.reduce((n, c) => n + c.pieces.length, 0);
  const completionTokens = tokens.length + argumentTokens + (askedUsage?.reasoning_tokens ?? 0);
  const cost = costOf(spec, ctx.endpoint, { promptTokens: prompt, completionTokens, images: images.length });
  return {
    model: body.model,
    tokens,
    toolCalls,
    images,
    finishReason: toolCalls.length > 0 ? "tool_calls" : truncated ? "length" : "stop",
    usage: usageOf(prompt, completionTokens, cost, askedUsage),
    chargeUsd: cost,
    extra: { endpoint: ctx.endpoint.name, simulated: true, scripted, ...(script ? { script } : {}) },
  };
}

export async function chatCompletions(ctx: RequestContext) {
  const parsed = localChatRequest.safeParse(await readJsonBody(ctx.req, ctx.profiles.maxBodyBytes));
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
  refuseUnsupported(body, spec, metadata);
  ctx.endpoint.admit(metadata);
  const completion = await composeCompletion(ctx, body, spec);

  if (body.stream) {
    await streamCompletion(ctx, completion, spec.kind === "image");
    return;
  }
  await waitLikeAGeneration(ctx, completion, spec.kind === "image");
  ctx.endpoint.charge(completion.chargeUsd);
  const cut = ctx.endpoint.faults.endAfterTokens;
  const send = cut !== null && cut < streamedUnits(completion) ? sendCutJson : sendJson;
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
            ...(completion.toolCalls.length
              ? {
                  tool_calls: completion.toolCalls.map((c) => ({
                    id: c.id,
                    type: "function",
                    function: { name: c.name, arguments: c.pieces.join("") },
                  })),
                }
              : {}),
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

/** Text pieces plus tool-call argument pieces: what pacing and the token faults count. */
export function streamedUnits(completion: Completion): number {
  return completion.tokens.length + completion.toolCalls.reduce((n, c) => n + c.pieces.length, 0);
}

/** A non-streaming answer takes as long as its stream would, stalls included; a mid-answer failure is a 502. */
async function waitLikeAGeneration(ctx: RequestContext, completion: Completion, isImage: boolean) {
  const f = ctx.endpoint.faults;
  const n = streamedUnits(completion);
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
