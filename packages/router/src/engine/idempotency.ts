// Stripe-style idempotency for non-streaming calls: the first request with a key runs and stores its
// result; a repeat with the same request gets that result (no upstream call, no charge); a repeat
// with a different request is idempotency_mismatch (422); a concurrent repeat polls until the first
// one finishes, and past its wait is idempotency_in_flight (409, with Retry-After).
import { createHash } from "node:crypto";
import { RouterError } from "../errors.ts";
import type { StoredResponse } from "../stores/types.ts";
import { sleep } from "../upstream/backoff.ts";
import type { EngineDeps } from "./engineDeps.ts";
import type { RequestContext } from "./requestContext.ts";

/** JSON with object keys sorted, so the same request always hashes the same. */
function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
}

/** sha256 of the operation and the request as JSON with sorted keys: the same request, the same print. */
export function fingerprint(operation: string, request: unknown): string {
  return createHash("sha256").update(operation).update("\n").update(stableStringify(request)).digest("hex");
}

/**
 * The key as stored: `app:user:key`, so two users' (or two apps') equal keys never meet. App and user are
 * URI-encoded, so neither holds a ":" and no key can be written to look like another scope's; no user is "".
 */
export function idempotencyScope(app: string | null, userId: string | undefined, key: string): string {
  return `${app === null ? "-" : encodeURIComponent(app)}:${userId ? encodeURIComponent(userId) : ""}:${key}`;
}

export type ClaimOutcome =
  | { state: "claimed"; key: string; holder: string }
  | { state: "replay"; response: StoredResponse };

/** Seconds a caller told "in flight" is asked to wait before sending the same key again. */
export const IN_FLIGHT_RETRY_AFTER_SECONDS = 1;

/** Claims the key, waiting out a concurrent duplicate; throws idempotency_mismatch / _in_flight. */
export async function claimKey(
  deps: EngineDeps,
  ctx: RequestContext,
  key: string,
  fp: string,
): Promise<ClaimOutcome> {
  const policy = deps.policy.idempotency;
  const scoped = idempotencyScope(ctx.app, ctx.options.userId, key);
  const waitUntil = performance.now() + Math.min(policy.waitMs, ctx.remaining());
  let delay = policy.pollMinMs;
  for (;;) {
    const claim = await deps.idempotency.claim(scoped, fp, { ttlMs: policy.ttlMs, leaseMs: policy.leaseMs });
    if (claim.state === "claimed") return { state: "claimed", key: scoped, holder: claim.holder };
    if (claim.state === "replay") return claim;
    if (claim.state === "conflict") {
      throw new RouterError(
        "idempotency_mismatch",
        "This idempotency key was already used with a different request. Use a new key for a new request.",
      );
    }
    if (performance.now() + delay > waitUntil) {
      throw new RouterError(
        "idempotency_in_flight",
        "A request with this idempotency key is still running; retry shortly.",
        { retryAfterSeconds: IN_FLIGHT_RETRY_AFTER_SECONDS },
      );
    }
    try {
      await sleep(delay * (0.5 + Math.random() / 2), ctx.options.signal);
    } catch {
      throw new RouterError("aborted", "The caller cancelled the request.");
    }
    delay = Math.min(delay * 2, policy.pollMaxMs);
  }
}
