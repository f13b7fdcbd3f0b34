// One typed error family. Codes are stable strings that callers branch on; messages are for people
// and never contain keys, prompt text or stack traces. HTTP statuses for the handler live here too.
import { type ErrorBody, errorBody, type RoutingMeta } from "@switchyard/wire";
import type { UsageFigures } from "./engine/cost.ts";
import type { LedgerOutcome } from "./stores/types.ts";

const errorStatus = {
  invalid_request: 400,
  payload_too_large: 413,
  no_candidate: 422,
  budget_exceeded: 402,
  idempotency_mismatch: 422,
  idempotency_in_flight: 409,
  content_refused: 403,
  rate_limited: 429,
  insufficient_credits: 402,
  upstream_auth: 502,
  upstream_error: 502,
  upstream_bad_response: 502,
  timeout_connect: 504,
  timeout_first_token: 504,
  timeout_idle: 504,
  timeout_total: 504,
  stream_interrupted: 502,
  invalid_output: 502,
  aborted: 499,
  internal: 500,
} as const;

export type RouterErrorCode = keyof typeof errorStatus;

/** Failures worth another attempt (same or next endpoint). */
const retryableCodes: ReadonlySet<RouterErrorCode> = new Set([
  "rate_limited",
  "upstream_error",
  "upstream_bad_response",
  "timeout_connect",
  "timeout_first_token",
  "timeout_idle",
]);

export interface RouterErrorOptions {
  /** Upstream HTTP status, when one answered. */
  upstreamStatus?: number;
  /** Seconds the upstream asked us to wait (Retry-After). */
  retryAfterSeconds?: number;
  /** Structured, secret-free details (e.g. which filter removed which candidates). */
  details?: Record<string, unknown>;
  cause?: unknown;
  /** No further attempt: the request ends with this error (a structured answer invalid twice). */
  final?: boolean;
  /** What a failed attempt still cost (an answer that came back but was refused). */
  spent?: UsageFigures;
}

export class RouterError extends Error {
  override readonly name = "RouterError";
  readonly code: RouterErrorCode;
  readonly status: number;
  readonly upstreamStatus: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly details: Record<string, unknown> | undefined;
  readonly final: boolean;
  readonly spent: UsageFigures | null;
  /** Routing metadata of the failed request, attached by the engine before it throws. */
  routing: RoutingMeta | undefined;

  constructor(code: RouterErrorCode, message: string, options: RouterErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = errorStatus[code];
    this.upstreamStatus = options.upstreamStatus;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
    this.final = options.final === true;
    this.spent = options.spent ?? null;
  }

  get retryable(): boolean {
    return retryableCodes.has(this.code);
  }

  /** The JSON body the handler and fetch face return (OpenAI-style `error` object). */
  toBody(): ErrorBody {
    return errorBody(this.code, this.message, this.details);
  }
}

/**
 * True for a RouterError, also one made by another copy of this module: Next bundles each route apart,
 * and the process's one router (processSingleton) may come from another route's copy, where instanceof fails.
 */
export function isRouterError(value: unknown): value is RouterError {
  if (value instanceof RouterError) return true;
  return (
    value instanceof Error &&
    value.name === "RouterError" &&
    typeof (value as Partial<RouterError>).code === "string" &&
    typeof (value as Partial<RouterError>).toBody === "function"
  );
}

/** The error itself if it is one of ours, else `internal` with the original as its cause. */
export function asRouterError(err: unknown): RouterError {
  return err instanceof RouterError
    ? err
    : new RouterError("internal", "Unexpected router failure.", { cause: err });
}

/** The ledger outcome of a failure: a caller that left, an answer that failed its schema, or an error. */
export function failureOutcome(error: RouterError): LedgerOutcome {
  if (error.code === "aborted") return "client_closed";
  if (error.code === "invalid_output") return "invalid_output";
  return "error";
}

/** Maps an upstream HTTP status to our code; the caller decides about Retry-After. */
export function codeForUpstreamStatus(status: number): RouterErrorCode {
  if (status === 429) return "rate_limited";
  if (status === 402) return "insufficient_credits";
  if (status === 401) return "upstream_auth";
  if (status === 403) return "content_refused";
  if (status === 408) return "upstream_error";
  if (status >= 500) return "upstream_error";
  return "invalid_request";
}
