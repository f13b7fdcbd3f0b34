// Runs a request against its ordered candidates: one attempt per endpoint in turn (fast failover),
// then round again after a full-jitter backoff; breakers that are open are skipped without a network
// call; when every candidate is open, waits for the soonest to reopen if that is within the
// Retry-After cap, else fails at once. Non-retryable errors (400, 403, abort) end the request.
import { RouterError } from "../errors.ts";
import { fullJitterDelay, sleep } from "../execution/backoff.ts";
import { type CallOptions, deadlinePassed, UpstreamCall } from "../execution/upstreamCall.ts";
import { upstreamError } from "../execution/upstreamError.ts";
import type { LiveRoute } from "../policy/liveCatalog.ts";
import type { UsageFigures } from "./cost.ts";
import type { EngineDeps } from "./engineDeps.ts";
import type { RequestContext } from "./requestContext.ts";

export interface AttemptSpec<T> {
  /** Path under the route's base URL, e.g. "/chat/completions". */
  path: (route: LiveRoute) => string;
  stream: boolean;
  body: (route: LiveRoute) => string;
  /** Reads a 2xx response. A stream resolves once its first token arrived. */
  consume: (call: UpstreamCall, route: LiveRoute, startedAt: number) => Promise<AttemptSuccess<T>>;
}

export interface AttemptSuccess<T> {
  value: T;
  usage: UsageFigures | null;
  ttftMs: number | null;
  /** Streams: the attempt row and final health sample are written when the stream ends. */
  open?: boolean;
}

export interface AttemptWin<T> extends AttemptSuccess<T> {
  route: LiveRoute;
  attempt: number;
  call: UpstreamCall;
  attemptStartedAt: number;
}

const endsRequest = new Set(["invalid_request", "content_refused", "aborted", "timeout_total"]);

export async function runAttempts<T>(
  deps: EngineDeps,
  ctx: RequestContext,
  candidates: LiveRoute[],
  spec: AttemptSpec<T>,
): Promise<AttemptWin<T>> {
  const { retry } = deps.policy;
  const signal = ctx.options.signal;
  const n = candidates.length;
  ctx.firstRoute = candidates[0] ?? null;
  ctx.fallbackChain = candidates.map((c) => c.label);
  let lastError: RouterError | null = null;
  let pos = 0;
  let skipped = 0;
  for (;;) {
    if (signal?.aborted) throw abortedError();
    if (ctx.attempts >= retry.maxAttempts && lastError) throw lastError;
    if (pos > 0 && pos % n === 0 && lastError && skipped === 0) {
      await pause(ctx, fullJitterDelay(Math.floor(pos / n) - 1, retry.baseDelayMs, retry.maxDelayMs), signal);
    }
    const route = candidates[pos % n]!;
    pos++;
    const now = Date.now();
    if (deps.health.accountBlockedUntil(route.account.id) > now || !route.health.breaker.tryAcquire(now)) {
      if (++skipped < n) continue;
      skipped = 0;
      await waitForReopen(deps, ctx, candidates, lastError);
      continue;
    }
    skipped = 0;
    const attempt = ++ctx.attempts;
    const startedAt = performance.now();
    const call = new UpstreamCall({ deadlineAt: ctx.deadline, totalMs: ctx.timeouts.totalMs, signal });
    // An open stream's reader owns the call once it is returned, and closes it when the stream ends.
    let open = false;
    // The attempt is inline rather than a helper: a nested async function would keep one more
    // suspended frame alive for as long as the upstream takes.
    try {
      if (ctx.remaining() <= 0) throw deadlinePassed(ctx.timeouts.totalMs);
      await call.start(route.url, spec.path(route), deps.dispatcher, callOptions(deps, ctx, route, spec));
      if (call.status < 200 || call.status >= 300) {
        throw await upstreamError(call, ctx.timeouts.idleMs, route.route.endpoint);
      }
      const win = await spec.consume(call, route, startedAt);
      open = win.open === true;
      if (open) {
        route.health.breaker.onSuccess();
      } else {
        const latency = performance.now() - startedAt;
        route.health.recordSuccess(latency, win.ttftMs, win.usage?.completionTokens ?? null);
        ctx.attemptRow(route, attempt, "ok", null, win.usage, win.ttftMs, latency);
      }
      // Spelled out rather than spread: a spread here costs microseconds per request.
      return {
        value: win.value,
        usage: win.usage,
        ttftMs: win.ttftMs,
        open,
        route,
        attempt,
        call,
        attemptStartedAt: startedAt,
      };
    } catch (err) {
      const error =
        err instanceof RouterError
          ? err
          : new RouterError("internal", "Unexpected router failure.", { cause: err });
      recordFailure(deps, route, error);
      ctx.attemptRow(
        route,
        attempt,
        error.code === "aborted" ? "aborted" : "error",
        error.code,
        null,
        null,
        performance.now() - startedAt,
      );
      if (endsRequest.has(error.code)) throw error;
      lastError = error;
    } finally {
      if (!open) call.close();
    }
  }
}

function callOptions<T>(
  deps: EngineDeps,
  ctx: RequestContext,
  route: LiveRoute,
  spec: AttemptSpec<T>,
): CallOptions {
  const t = ctx.timeouts;
  const headers = deps.headers.get(route.account)!;
  const key = ctx.options.idempotencyKey;
  return {
    method: "POST",
    headers: key ? { ...headers, "idempotency-key": key } : headers,
    body: spec.body(route),
    connectTimeoutMs: t.connectMs,
    headersTimeoutMs: spec.stream ? t.firstTokenMs : t.responseMs,
    headersTimeoutCode: "timeout_first_token",
  };
}

function recordFailure(deps: EngineDeps, route: LiveRoute, error: RouterError): void {
  const now = Date.now();
  const breaker = deps.policy.breaker;
  if (error.code === "aborted" || error.code === "timeout_total") {
    route.health.breaker.onAbandon();
    return;
  }
  if (error.code === "invalid_request" || error.code === "content_refused") {
    // The endpoint answered sensibly; the request was the problem.
    route.health.breaker.onSuccess();
    return;
  }
  if (error.code === "insufficient_credits" || error.code === "upstream_auth") {
    deps.health.blockAccount(route.account.id, now + breaker.creditOpenMs);
    route.health.recordFailure(now, breaker.creditOpenMs);
    deps.events.emit("accountBlocked", {
      account: route.account.id,
      code: error.code,
      until: now + breaker.creditOpenMs,
    });
    return;
  }
  const openFor =
    error.code === "rate_limited" && error.retryAfterSeconds !== undefined
      ? error.retryAfterSeconds * 1000
      : undefined;
  route.health.recordFailure(now, openFor);
}

async function waitForReopen(
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
    await pause(ctx, Math.max(wait, 10), ctx.options.signal);
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

async function pause(ctx: RequestContext, ms: number, signal: AbortSignal | undefined): Promise<void> {
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
