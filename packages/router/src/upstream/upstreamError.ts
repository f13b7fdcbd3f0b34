// Turns a failed upstream call into a typed RouterError: a non-2xx answer (code from the status,
// Retry-After kept), an error chunk mid-stream, or a network failure. Of the upstream's own words
// only a short, sanitized reason is kept (safeReason): the message reaches clients, and an upstream
// may echo request text, answer with a proxy's HTML page, or name ids and tokens.
import { upstreamErrorBody } from "@switchyard/wire";
import { codeForUpstreamStatus, RouterError } from "../errors.ts";
import { parseRetryAfter } from "./backoff.ts";
import type { UpstreamCall } from "./upstreamCall.ts";

export async function upstreamError(call: UpstreamCall, idleMs: number, endpoint: string) {
  const status = call.status;
  const retryAfterSeconds = parseRetryAfter(call.headers);
  let upstreamMessage = "";
  try {
    const text = await call.text(idleMs, 64 * 1024);
    const parsed = upstreamErrorBody.safeParse(JSON.parse(text));
    if (parsed.success) upstreamMessage = parsed.data.error.message;
  } catch {
    // An unreadable error body still has a status; that is enough.
  }
  return new RouterError(
    codeForUpstreamStatus(status),
    `${endpoint} answered ${status}${reasonOf(upstreamMessage)}`,
    { upstreamStatus: status, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) },
  );
}

// At most this much of an upstream's message reaches a client.
const maxReasonChars = 120;

/**
 * An upstream's error message made safe to show: markup, links, key-like strings and long tokens
 * (ids, base64) replaced, control characters and runs of whitespace collapsed, cut to 120 characters.
 */
export function safeReason(message: string): string {
  const cleaned = message
    .replace(/<[^>]*>/g, " ")
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, "[link]")
    .replace(/\b(?:sk|pk|rk)-[\w-]{6,}/gi, "[key]")
    .replace(/[\w+/=-]{32,}/g, "[…]")
    .replace(/[\p{Cc}\s]+/gu, " ")
    .trim();
  return cleaned.length > maxReasonChars ? `${cleaned.slice(0, maxReasonChars - 1)}…` : cleaned;
}

const reasonOf = (message: string) => {
  const reason = safeReason(message);
  return reason ? `: ${reason}` : "";
};

/** Errors from the stream body itself (OpenRouter's mid-stream error chunk). */
export function streamErrorFromChunk(error: { code: number | string; message: string }, endpoint: string) {
  const status = typeof error.code === "number" ? error.code : Number(error.code);
  const code = Number.isFinite(status) && status > 0 ? codeForUpstreamStatus(status) : "upstream_error";
  return new RouterError(
    code === "invalid_request" ? "upstream_error" : code,
    `${endpoint} failed mid-stream${reasonOf(error.message)}`,
    {
      ...(Number.isFinite(status) ? { upstreamStatus: status } : {}),
    },
  );
}

/** A network failure (refused, reset, host not found, undici's connect timeout) as a RouterError. */
export function toRouterError(err: unknown): RouterError {
  if (err instanceof RouterError) return err;
  const code = (err as { code?: string } | null)?.code;
  // undici's own connect timeout (10 s) backs up the call's, when a request allows longer.
  if (code === "UND_ERR_CONNECT_TIMEOUT") {
    return new RouterError("timeout_connect", "could not connect to the endpoint in time", { cause: err });
  }
  const what =
    code === "ECONNREFUSED"
      ? "connection refused"
      : code === "ECONNRESET" || code === "EPIPE" || code === "UND_ERR_SOCKET"
        ? "connection reset"
        : code === "ENOTFOUND" || code === "EAI_AGAIN"
          ? "host not found"
          : "network error";
  return new RouterError("upstream_error", `Endpoint unreachable: ${what}.`, { cause: err });
}
