// The apps' two idempotency answers, with the router's codes and statuses: the same key with another body
// is 422 idempotency_mismatch; a key whose first request is still running is 409 idempotency_in_flight,
// with a Retry-After the client waits out before sending the same key again.
import { IN_FLIGHT_RETRY_AFTER_SECONDS } from "@switchyard/router";
import { ApiError } from "../apiErrors.ts";

export function idempotencyMismatch(): ApiError {
  return new ApiError(
    "idempotency_mismatch",
    "This Idempotency-Key was already used with a different request. Use a new key for a new request.",
    422,
  );
}

export function idempotencyInFlight(retryAfterSeconds = IN_FLIGHT_RETRY_AFTER_SECONDS): ApiError {
  return new ApiError(
    "idempotency_in_flight",
    "A request with this Idempotency-Key is still running. Try again shortly.",
    409,
    {
      retryAfterSeconds,
    },
  );
}
