// A generation that failed for a reason the user must hear (a router or API error: moderation, budget,
// every provider down) is not retried by its job: the worker keeps the answer the route would have sent,
// and the waiting request sends exactly that. Crashes and store failures throw instead, and are retried.
import { isRouterError } from "@switchyard/router";
import { z } from "zod";
import { generationErrorResponse } from "./imageErrors.ts";

export const storedFailureSchema = z.object({
  status: z.number().int(),
  body: z.unknown(),
  retryAfter: z.string().nullable(),
});
export type StoredFailure = z.infer<typeof storedFailureSchema>;

/** The answer for `error`, when it is one to give the user rather than to retry; otherwise null. */
export async function storedFailureOf(error: unknown): Promise<StoredFailure | null> {
  // ApiError by name, as the server's errorResponse matches it across route bundles.
  const apiError = error instanceof Error && error.name === "ApiError";
  if (!isRouterError(error) && !apiError) return null;
  // A dead worker's claim on the image call's key: the job retries once that claim's lease has run out.
  if ((error as { code?: unknown }).code === "idempotency_in_flight") return null;
  const res = generationErrorResponse(error);
  return { status: res.status, body: await res.json(), retryAfter: res.headers.get("retry-after") };
}

/** Thrown by the waiting request: carries the worker's answer to the route's error handler. */
export class StoredFailureError extends Error {
  override readonly name = "StoredFailureError";
  constructor(readonly failure: StoredFailure) {
    super(`generation failed with ${failure.status}`);
  }

  toResponse(): Response {
    const headers: Record<string, string> = this.failure.retryAfter
      ? { "retry-after": this.failure.retryAfter }
      : {};
    return Response.json(this.failure.body, { status: this.failure.status, headers });
  }
}
