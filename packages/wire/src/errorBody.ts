// The one JSON error body Switchyard answers with, from the router's handler, the server's route
// helpers and the apps: OpenAI's error-object shape, so OpenAI clients read it, with a stable `code`
// to branch on and `type: "switchyard"` to tell it from an upstream's error.
import { z } from "zod";

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    /** For people: never a key, prompt text or stack trace. */
    message: z.string(),
    type: z.literal("switchyard"),
    /** Structured, secret-free details (e.g. which filter removed which candidates). */
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** `{ error: { code, message, type: "switchyard", details? } }`; `details` is left out when undefined. */
export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return {
    error:
      details === undefined
        ? { code, message, type: "switchyard" }
        : { code, message, type: "switchyard", details },
  };
}
