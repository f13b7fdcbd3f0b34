// The parts of one upstream attempt that executeRequest's loop uses: the call's options, and how a
// failure, a backoff pause and a wait for a reopening breaker are handled.
import type { LiveRoute } from "../catalog/liveCatalog.ts";
import { asRouterError, RouterError } from "../errors.ts";
import { sleep } from "../upstream/backoff.ts";
import { type CallOptions, deadlinePassed } from "../upstream/upstreamCall.ts";
import type { EngineDeps } from "./engineDeps.ts";
import type { Plan } from "./plan.ts";
import type { RequestContext } from "./requestContext.ts";

/** Errors that end the request at once: no retry, no failover. */
export const endsRequest = new Set(["invalid_request", "content_refused", "aborted", "timeout_total"]);

export function callOptions<V, R>(
  deps: EngineDeps,
  ctx: RequestContext,
  route: LiveRoute,
  plan: Plan<V, R>,
): CallOptions {
  const t = ctx.timeouts;
  const headers = deps.headers.get(route.account)!;
  const key = ctx.options.idempotencyKey;
  return {
    method: "POST",
    headers: key ? { ...headers, "idempotency-key": key } : headers,
    body: plan.body(route),
    connectTimeoutMs: t.connectMs,
    headersTimeoutMs: plan.stream ? t.firstTokenMs : t.responseMs,
    headersTimeoutCode: "timeout_first_token",
  };
}

/** Feeds a failed attempt to the endpoint's breaker and health; returns it as a RouterError. */
export function recordAttemptFailure(deps: EngineDeps, route: LiveRoute, err: unknown): RouterError {
  const error = asRouterError(err);
  const now = Date.now();
  const breaker = deps.policy.breaker;
  if (error.code === "aborted" || error.code === "timeout_total") {
    route.health.breaker.onAbandon();
  } else if (
    error.code === "invalid_request" ||
    error.code === "content_refused" ||
    error.code === "invalid_output"
  ) {
    // The endpoint answered sensibly; the request (or the model's answer to it) was the problem.
    route.health.breaker.onSuccess();
  } else if (error.code === "insufficient_credits" || error.code === "upstream_auth") {
    deps.health.blockAccount(route.account.id, now + breaker.creditOpenMs);
    route.health.recordFailure(now, breaker.creditOpenMs);
    deps.events.emit("accountBlocked", {
      account: route.account.id,
      code: error.code,
      until: now + breaker.creditOpenMs,
    });
  } else {
    const openFor =
      error.code === "rate_limited" && error.retryAfterSeconds !== undefined
        ? error.retryAfterSeconds * 1000
        : undefined;
    route.health.recordFailure(now, openFor);
  }
  return error;
}

/** Every candidate is paused: waits for the soonest to reopen if that is within the Retry-After cap, else fails. */
export async function waitForReopen(
  deps: EngineDeps,
  ctx: RequestContext,
  candidates: LiveRoute[],
  lastError: RouterError | null,
): Promise<void> {
  const now = Date.now();
  let soonest = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const at = Math.max(c.health.breaker.reopensAt, deps.health.accountBlockedUntil(c.route.account));
    soonest = Math.min(soonest, Math.max(at, now));
  }
  const wait = soonest - now;
  if (wait <= deps.policy.retry.retryAfterCapMs && wait < ctx.remaining()) {
    // Half-open breakers with a probe in flight reopen "now": poll briefly instead of spinning.
    await pause(ctx, Math.max(wait, 10));
    return;
  }
  if (lastError) throw lastError;
  const seconds = Math.ceil(wait / 1000);
  throw new RouterError(
    "rate_limited",
    `Every endpoint for ${candidates[0]?.model.id ?? "this request"} is paused after recent failures; retry in about ${seconds} s.`,
    { retryAfterSeconds: seconds, details: { breakerOpen: candidates.map((c) => c.route.endpoint) } },
  );
}

/** Waits out a backoff, unless it would pass the deadline or the caller cancels. */
export async function pause(ctx: RequestContext, ms: number): Promise<void> {
  const signal = ctx.options.signal;
  if (ms <= 0) return;
  if (ms >= ctx.remaining()) throw deadlinePassed(ctx.timeouts.totalMs);
  try {
    await sleep(ms, signal);
  } catch {
    throw abortedError();
  }
}

export function abortedError(): RouterError {
  return new RouterError("aborted", "The caller cancelled the request.");
}
