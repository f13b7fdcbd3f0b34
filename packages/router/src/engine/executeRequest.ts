// The skeleton every call shares, streams included: idempotency claim, model resolution, candidate
// selection, budget reservation, the attempts, then ledger, budget settlement and idempotency
// completion (a stream's reader does the last three when the stream ends).

import type { LiveRoute } from "../catalog/liveCatalog.ts";
import { asRouterError, failureOutcome, type RouterError } from "../errors.ts";
import { selectCandidates } from "../selection/selectCandidates.ts";
import type { BudgetReservation, StoredResponse } from "../stores/types.ts";
import type { RoutingMeta } from "../types.ts";
import { fullJitterDelay } from "../upstream/backoff.ts";
import { deadlinePassed, UpstreamCall } from "../upstream/upstreamCall.ts";
import { upstreamError } from "../upstream/upstreamError.ts";
import {
  abortedError,
  callOptions,
  endsRequest,
  pause,
  recordAttemptFailure,
  waitForReopen,
} from "./attempts.ts";
import { budgetScopes, HOLD_MARGIN_MS, reserveBudget } from "./budget.ts";
import type { EngineDeps } from "./engineDeps.ts";
import { claimKey, fingerprint } from "./idempotency.ts";
import type { AttemptWin, Plan } from "./plan.ts";
import type { RequestContext } from "./requestContext.ts";

const routeLabel = (route: LiveRoute) => route.label;

interface Stored<V> {
  value: V;
  routing: RoutingMeta;
}

/**
 * Runs one request. The attempts: one per endpoint in turn (fast failover), then round again after
 * a full-jitter backoff; open breakers are skipped without a network call; when every candidate is
 * open, waits for the soonest to reopen if that is within the Retry-After cap, else fails at once;
 * non-retryable errors (400, 403, abort) end the request.
 */
export async function executeRequest<V, R>(
  deps: EngineDeps,
  ctx: RequestContext,
  plan: Plan<V, R>,
): Promise<R> {
  // One function, attempts included: one suspended frame per waiting request (README, Overhead).
  const key = plan.identity === undefined ? undefined : ctx.options.idempotencyKey;
  let claimed: { key: string; holder: string } | null = null;
  let reservation: BudgetReservation | null = null;
  try {
    if (key) {
      const claim = await claimKey(deps, ctx, key, fingerprint(ctx.operation, plan.identity));
      if (claim.state === "replay") return replay(deps, ctx, plan, claim.response as unknown as Stored<V>);
      claimed = { key: claim.key, holder: claim.holder };
    }
    const modelIds = await plan.resolve();
    const candidates = selectCandidates(deps.live, modelIds, plan.query);
    if (deps.budget) {
      reservation = await reserveBudget(
        deps.budget.store,
        budgetScopes(deps.budget.limits, ctx),
        plan.estimateUsd(candidates),
        Math.max(ctx.remaining(), 0) + HOLD_MARGIN_MS,
      );
    }
    const { retry } = deps.policy;
    const signal = ctx.options.signal;
    const n = candidates.length;
    ctx.firstRoute = candidates[0] ?? null;
    ctx.fallbackChain = candidates.map(routeLabel);
    let lastError: RouterError | null = null;
    let pos = 0;
    let skipped = 0;
    let win: AttemptWin<V> | null = null;
    while (!win) {
      if (signal?.aborted) throw abortedError();
      if (ctx.attempts >= retry.maxAttempts && lastError) throw lastError;
      if (pos > 0 && pos % n === 0 && lastError && skipped === 0) {
        await pause(ctx, fullJitterDelay(Math.floor(pos / n) - 1, retry.baseDelayMs, retry.maxDelayMs));
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
      try {
        if (ctx.remaining() <= 0) throw deadlinePassed(ctx.timeouts.totalMs);
        await call.start(route.url, plan.path(route), deps.dispatcher, callOptions(deps, ctx, route, plan));
        if (call.status < 200 || call.status >= 300) {
          throw await upstreamError(call, ctx.timeouts.idleMs, route.route.endpoint);
        }
        const got = await plan.consume(call, route, startedAt);
        open = got.open === true;
        if (open) {
          route.health.breaker.onSuccess();
        } else {
          const latency = performance.now() - startedAt;
          route.health.recordSuccess(latency, got.ttftMs, got.usage?.completionTokens ?? null);
          ctx.attemptRow(route, attempt, "ok", null, got.usage, got.ttftMs, latency);
        }
        // Spelled out rather than spread (README, Overhead).
        win = {
          value: got.value,
          usage: got.usage,
          ttftMs: got.ttftMs,
          open,
          route,
          attempt,
          call,
          attemptStartedAt: startedAt,
        };
      } catch (err) {
        const error = recordAttemptFailure(deps, route, err);
        ctx.attemptRow(
          route,
          attempt,
          failureOutcome(error),
          error.code,
          error.spent,
          null,
          performance.now() - startedAt,
        );
        if (endsRequest.has(error.code) || error.final) throw error;
        lastError = error;
      } finally {
        if (!open) call.close();
      }
    }
    if (win.open) {
      const handed = reservation;
      reservation = null;
      return plan.opened!(win, handed);
    }
    const ttft = win.ttftMs === null ? null : win.attemptStartedAt - ctx.startedAt + win.ttftMs;
    const routing = ctx.finish(win.route, "ok", null, win.usage, ttft);
    deps.ledger.write(ctx.rows);
    if (reservation) {
      const settled = reservation;
      reservation = null;
      await deps.budget!.store.settle(settled, routing.costUsd);
    }
    if (claimed) {
      const done = claimed;
      claimed = null;
      // The call succeeded and was paid for: a store failure must not turn it into an error.
      const stored =
        ctx.options.keepResult === false
          ? Promise.resolve(false)
          : deps.idempotency.complete(done.key, done.holder, {
              value: win.value,
              routing,
            } as unknown as StoredResponse);
      await stored
        .then((kept) => (kept ? undefined : deps.idempotency.release(done.key, done.holder)))
        .catch(() => deps.idempotency.release(done.key, done.holder).catch(() => undefined));
    }
    return plan.build!(win.value, routing);
  } catch (err) {
    const error = recordFailure(deps, ctx, err);
    if (reservation) {
      await deps.budget!.store.settle(reservation, error.routing?.costUsd ?? 0);
    }
    if (claimed) await deps.idempotency.release(claimed.key, claimed.holder).catch(() => undefined);
    throw error;
  }
}

/** Writes the failed request's ledger rows (once) and attaches its routing metadata to the error. */
function recordFailure(deps: EngineDeps, ctx: RequestContext, err: unknown): RouterError {
  const error = asRouterError(err);
  if (ctx.rows.at(-1)?.kind !== "request") {
    error.routing = ctx.finish(null, failureOutcome(error), error.code, null, null);
    deps.ledger.write(ctx.rows);
  }
  return error;
}

function replay<V, R>(deps: EngineDeps, ctx: RequestContext, plan: Plan<V, R>, stored: Stored<V>): R {
  const routing = ctx.finishReplay(stored.routing);
  deps.ledger.write(ctx.rows);
  return plan.build!(stored.value, routing);
}
