// Turns what can go wrong in a generation into a clear, typed API error: moderation refusals and
// timeouts say so in words a user understands; queue overflow carries its Retry-After.
import { isRouterError } from "@switchyard/router";
import { ApiError, errorResponse } from "@switchyard/server";
import { QueueFullError } from "./generationQueue.ts";

export function generationErrorResponse(err: unknown): Response {
  // The answer a generation job's worker kept (storedFailure.ts); matched by name across route bundles.
  if (err instanceof Error && err.name === "StoredFailureError" && "toResponse" in err)
    return (err as Error & { toResponse(): Response }).toResponse();
  if (err instanceof QueueFullError) {
    return errorResponse(
      new ApiError(err.code, "The image queue is full right now. Retrying shortly will work.", 429, {
        retryAfterSeconds: err.retryAfterSeconds,
      }),
    );
  }
  if (isRouterError(err)) {
    if (err.code === "content_refused") {
      return errorResponse(
        new ApiError(
          "moderation_refused",
          "The provider's moderation refused this prompt. Rephrase it and try again.",
          403,
        ),
      );
    }
    if (err.code.startsWith("timeout_")) {
      return errorResponse(
        new ApiError(
          "timeout",
          "Generating the image took too long and was stopped. Nothing was saved; try again.",
          504,
        ),
      );
    }
  }
  return errorResponse(err);
}
