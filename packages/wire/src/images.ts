// Image generation on the OpenAI images API (`/images/generations`).
import { z } from "zod";

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
