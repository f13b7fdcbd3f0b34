// Embeddings on the OpenAI wire, and the base64 float32 encoding the openai SDK asks for by default.
import { z } from "zod";

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
