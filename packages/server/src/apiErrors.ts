// Typed JSON errors for the apps' route handlers: a stable code, a human message, the right status,
// and never a stack trace. Router errors keep their own codes; validation errors become invalid_request.
// Every body is wire's errorBody, the shape the router's handler answers with too.
import { isRouterError } from "@switchyard/router";
import { BodyTooLargeError, errorBody, readBoundedText } from "@switchyard/wire";
import { z } from "zod";

export interface ApiErrorOptions {
  details?: unknown;
  /** Sent as Retry-After: the caller may try again after this many seconds. */
  retryAfterSeconds?: number;
}

export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly details: unknown;
  readonly retryAfterSeconds: number | undefined;
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    options: ApiErrorOptions = {},
  ) {
    super(message);
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

function jsonError(code: string, message: string, status: number, options: ApiErrorOptions = {}): Response {
  const headers: Record<string, string> = {};
  if (options.retryAfterSeconds) headers["retry-after"] = String(Math.ceil(options.retryAfterSeconds));
  return Response.json(errorBody(code, message, options.details), { status, headers });
}

/**
 * An ApiError, also one made by another copy of this module: Next bundles each route apart, and a
 * process-wide service (processSingleton) built in one route's bundle throws that bundle's class.
 */
function isApiError(error: unknown): error is ApiError {
  if (error instanceof ApiError) return true;
  return (
    error instanceof Error &&
    error.name === "ApiError" &&
    typeof (error as Partial<ApiError>).code === "string" &&
    typeof (error as Partial<ApiError>).status === "number"
  );
}

/** Turns anything a route threw into a JSON error response; unknown errors are logged, not shown. */
export function errorResponse(error: unknown): Response {
  if (isApiError(error)) return jsonError(error.code, error.message, error.status, error);
  if (error instanceof z.ZodError) {
    const details = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return jsonError("invalid_request", "The request is not valid.", 400, { details });
  }
  if (isRouterError(error)) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds) headers["retry-after"] = String(Math.ceil(error.retryAfterSeconds));
    return Response.json(error.toBody(), { status: error.status, headers });
  }
  console.error("[switchyard] unexpected error:", error instanceof Error ? error.message : "unknown");
  return jsonError("internal", "Something went wrong on our side. Try again.", 500);
}

const MAX_BODY_BYTES = 256 * 1024;
/** `\u0000` in JSON text, unless its backslash is itself escaped (`\\u0000` is a backslash and "u0000"). */
const ESCAPED_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/i;

/** Reads a JSON body, stopped at `maxBytes` as it streams in (chunked or not), and validates it. */
export async function readJson<T extends z.ZodType>(req: Request, schema: T, maxBytes = MAX_BODY_BYTES) {
  let text: string;
  try {
    text = await readBoundedText(req, maxBytes);
  } catch (error) {
    if (BodyTooLargeError.isInstance(error))
      throw new ApiError("payload_too_large", `The body is over ${maxBytes} bytes.`, 413);
    throw error;
  }
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : {};
  } catch {
    throw new ApiError("invalid_json", "The body is not valid JSON.", 400);
  }
  // Postgres text and jsonb cannot hold U+0000: refused here, not as a failed query (a 500) later.
  if (ESCAPED_NUL.test(text))
    throw new ApiError("invalid_request", "Text in the body cannot contain the NUL character (U+0000).", 400);
  return schema.parse(raw) as z.output<T>;
}

/** The client's Idempotency-Key header, if any, checked for a sane shape. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.headers.get("idempotency-key") ?? undefined;
  if (key !== undefined && !/^[\w.:-]{8,200}$/.test(key))
    throw new ApiError(
      "invalid_idempotency_key",
      "Idempotency-Key must be 8-200 letters, digits, . : _ or -.",
      400,
    );
  return key;
}
