// Chat completions on the OpenAI wire, as OpenRouter speaks it: the request, the response, and the
// chunks of a stream.
import { z } from "zod";
import { contentPart } from "./contentParts.ts";
import {
  answeredToolCall,
  functionTool,
  responseFormat,
  toolCall,
  toolCallDelta,
  toolChoice,
} from "./tools.ts";
import { upstreamErrorBody } from "./upstreamError.ts";

export const chatMessage = z.object({
  role: z.enum(["system", "user", "assistant", "tool", "developer"]),
  content: z.union([z.string(), z.array(contentPart), z.null()]),
  name: z.string().optional(),
  /** An assistant message's calls, sent back with the tools' answers. */
  tool_calls: z.array(toolCall).nullish(),
  /** A tool message: which call it answers. */
  tool_call_id: z.string().optional(),
});
export type ChatMessage = z.infer<typeof chatMessage>;

/** OpenRouter's provider preferences, passed through when the upstream is OpenRouter. */
export const providerPreferences = z
  .object({
    order: z.array(z.string()).optional(),
    only: z.array(z.string()).optional(),
    ignore: z.array(z.string()).optional(),
    allow_fallbacks: z.boolean().optional(),
    zdr: z.boolean().optional(),
    data_collection: z.enum(["allow", "deny"]).optional(),
    sort: z.enum(["price", "latency", "throughput"]).optional(),
    max_price: z.object({ prompt: z.number().optional(), completion: z.number().optional() }).optional(),
  })
  .loose();

export const chatRequest = z
  .object({
    model: z.string().min(1),
    messages: z.array(chatMessage).min(1),
    stream: z.boolean().optional(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).optional(),
    max_tokens: z.number().int().positive().optional(),
    max_completion_tokens: z.number().int().positive().optional(),
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().optional(),
    seed: z.number().int().optional(),
    user: z.string().optional(),
    modalities: z.array(z.enum(["text", "image"])).optional(),
    tools: z.array(functionTool).nullish(),
    tool_choice: toolChoice.nullish(),
    parallel_tool_calls: z.boolean().nullish(),
    response_format: responseFormat.nullish(),
    models: z.array(z.string()).optional(),
    provider: providerPreferences.optional(),
  })
  .loose();
export type ChatRequest = z.infer<typeof chatRequest>;

/** Parts of prompt_tokens a provider counts apart (OpenAI's and OpenRouter's names). */
export const promptTokensDetails = z
  .object({
    /** Read from the provider's prompt cache. */
    cached_tokens: z.number().optional(),
    /** Written to the prompt cache (OpenRouter, for providers that charge cache writes). */
    cache_write_tokens: z.number().optional(),
    audio_tokens: z.number().optional(),
    image_tokens: z.number().optional(),
  })
  .loose();

/** Parts of completion_tokens a provider counts apart. */
export const completionTokensDetails = z
  .object({
    /** Spent reasoning: billed as output, never shown in the message. */
    reasoning_tokens: z.number().optional(),
    audio_tokens: z.number().optional(),
    image_tokens: z.number().optional(),
  })
  .loose();

export const usage = z
  .object({
    prompt_tokens: z.number(),
    completion_tokens: z.number(),
    total_tokens: z.number().optional(),
    /** The upstream's own price of the call in USD (OpenRouter reports it). */
    cost: z.number().optional(),
    prompt_tokens_details: promptTokensDetails.nullable().optional(),
    completion_tokens_details: completionTokensDetails.nullable().optional(),
  })
  .loose();
export type Usage = z.infer<typeof usage>;

const messageImage = z.object({ type: z.literal("image_url"), image_url: z.object({ url: z.string() }) });

export const chatResponse = z
  .object({
    id: z.string(),
    object: z.literal("chat.completion").optional(),
    created: z.number().optional(),
    model: z.string(),
    provider: z.string().optional(),
    choices: z.array(
      z
        .object({
          index: z.number(),
          message: z
            .object({
              role: z.literal("assistant"),
              content: z.string().nullable(),
              images: z.array(messageImage).optional(),
              tool_calls: z.array(answeredToolCall).nullable().optional(),
            })
            .loose(),
          finish_reason: z.string().nullable(),
        })
        .loose(),
    ),
    usage: usage.optional(),
  })
  .loose();
export type ChatResponse = z.infer<typeof chatResponse>;

export const chatChunk = z
  .object({
    id: z.string(),
    object: z.literal("chat.completion.chunk").optional(),
    created: z.number().optional(),
    model: z.string(),
    provider: z.string().optional(),
    choices: z.array(
      z
        .object({
          index: z.number(),
          delta: z
            .object({
              role: z.string().optional(),
              content: z.string().nullable().optional(),
              tool_calls: z.array(toolCallDelta).nullable().optional(),
            })
            .loose(),
          finish_reason: z.string().nullable(),
          error: upstreamErrorBody.shape.error.optional(),
        })
        .loose(),
    ),
    usage: usage.nullable().optional(),
    error: upstreamErrorBody.shape.error.optional(),
  })
  .loose();
export type ChatChunk = z.infer<typeof chatChunk>;
