// Errors the provider answers with, in OpenRouter's body shape `{error: {code, message, metadata}}`.
// Codes are stable strings so tests and clients can match on them; messages never carry a stack.
import type { ServerResponse } from "node:http";
import type { z } from "zod";

export type ProviderErrorCode =
  | "invalid_json"
  | "invalid_request"
  | "payload_too_large"
  | "not_found"
  | "method_not_allowed"
  | "unknown_endpoint"
  | "model_not_found"
  | "unsupported_model"
  | "unsupported_capability"
  | "unauthorized"
  | "insufficient_credits"
  | "moderation"
  | "rate_limited"
  | "server_error"
  | "upstream_error"
  | "service_unavailable";

export class ProviderError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProviderErrorCode,
    message: string,
    readonly metadata?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ProviderError";
  }

  toBody() {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.metadata ? { metadata: this.metadata } : {}),
      },
    };
  }
}

/** A 400 listing each zod issue as `path: message`, so a caller sees exactly which field is wrong. */
export function invalidRequest(error: z.ZodError, prefix?: string): ProviderError {
  const issues = error.issues.map((i) => ({
    path: [prefix, ...i.path].filter((p) => p !== undefined).join("."),
    message: i.message,
  }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  return new ProviderError(400, "invalid_request", `Invalid request: ${summary}`, { issues });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: ProviderError) {
  sendJson(res, err.status, err.toBody(), err.headers);
}
