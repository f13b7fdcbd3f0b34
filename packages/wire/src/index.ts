// The OpenAI-compatible wire, as OpenRouter speaks it. Validated with zod wherever it crosses a
// process boundary: the router parses provider responses with these, the local provider its requests.
import { z } from "zod";

const textPart = z.object({ type: z.literal("text"), text: z.string() });
const imagePart = z.object({ type: z.literal("image_url"), image_url: z.object({ url: z.string() }) });
export const contentPart = z.union([textPart, imagePart]);

export const chatMessage = z.object({
  role: z.enum(["system", "user", "assistant", "tool", "developer"]),
  content: z.union([z.string(), z.array(contentPart), z.null()]),
  name: z.string().optional(),
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
    models: z.array(z.string()).optional(),
    provider: providerPreferences.optional(),
  })
  .loose();
export type ChatRequest = z.infer<typeof chatRequest>;

export const usage = z
  .object({
    prompt_tokens: z.number(),
    completion_tokens: z.number(),
    total_tokens: z.number().optional(),
    cost: z.number().optional(),
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

export const errorBody = z.object({
  error: z
    .object({
      code: z.union([z.number(), z.string()]),
      message: z.string(),
      metadata: z.record(z.string(), z.unknown()).optional(),
    })
    .loose(),
});
export type ErrorBody = z.infer<typeof errorBody>;

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
          delta: z.object({ role: z.string().optional(), content: z.string().nullable().optional() }).loose(),
          finish_reason: z.string().nullable(),
          error: errorBody.shape.error.optional(),
        })
        .loose(),
    ),
    usage: usage.nullable().optional(),
    error: errorBody.shape.error.optional(),
  })
  .loose();
export type ChatChunk = z.infer<typeof chatChunk>;

export const embeddingRequest = z
  .object({
    model: z.string().min(1),
    input: z.union([z.string(), z.array(z.string()).min(1).max(2048)]),
    dimensions: z.number().int().positive().optional(),
    encoding_format: z.enum(["float", "base64"]).optional(),
    user: z.string().optional(),
  })
  .loose();
export type EmbeddingRequest = z.infer<typeof embeddingRequest>;

export const embeddingResponse = z
  .object({
    object: z.literal("list"),
    model: z.string(),
    provider: z.string().optional(),
    data: z.array(
      z.object({
        object: z.literal("embedding"),
        index: z.number(),
        embedding: z.union([z.array(z.number()), z.string()]),
      }),
    ),
    usage: z
      .object({ prompt_tokens: z.number(), total_tokens: z.number(), cost: z.number().optional() })
      .loose(),
  })
  .loose();
export type EmbeddingResponse = z.infer<typeof embeddingResponse>;

export const imageRequest = z
  .object({
    model: z.string().min(1),
    prompt: z.string().min(1).max(4000),
    n: z.number().int().min(1).max(4).optional(),
    size: z
      .string()
      .regex(/^\d{2,4}x\d{2,4}$/)
      .optional(),
    response_format: z.enum(["b64_json", "url"]).optional(),
    seed: z.number().int().optional(),
    user: z.string().optional(),
  })
  .loose();
export type ImageRequest = z.infer<typeof imageRequest>;

export const imageResponse = z
  .object({
    created: z.number(),
    model: z.string().optional(),
    provider: z.string().optional(),
    data: z.array(z.object({ b64_json: z.string().optional(), url: z.string().optional() }).loose()),
    usage: z.object({ cost: z.number().optional() }).loose().optional(),
  })
  .loose();
export type ImageResponse = z.infer<typeof imageResponse>;

/** Decodes an embedding sent as base64 little-endian float32 (the openai SDK's default format). */
export function decodeEmbedding(embedding: number[] | string): number[] {
  if (Array.isArray(embedding)) return embedding;
  const bytes = Buffer.from(embedding, "base64");
  return Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4));
}

/** Encodes an embedding the way the openai SDK expects with `encoding_format: "base64"`. */
export function encodeEmbedding(embedding: number[]): string {
  return Buffer.from(new Float32Array(embedding).buffer).toString("base64");
}
