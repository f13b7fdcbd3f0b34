// The error body an OpenAI-compatible upstream answers with (OpenRouter's `{ error: { code, message,
// metadata } }`, code a number or a string). Switchyard's own error body is errorBody.ts.
import { z } from "zod";

export const upstreamErrorBody = z.object({
  error: z
    .object({
      code: z.union([z.number(), z.string()]),
      message: z.string(),
      metadata: z.record(z.string(), z.unknown()).optional(),
    })
    .loose(),
});
export type UpstreamErrorBody = z.infer<typeof upstreamErrorBody>;
