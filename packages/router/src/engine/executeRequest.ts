// The skeleton every non-streaming call shares: idempotency claim, model resolution, candidate
// selection, budget reservation, attempts, ledger, budget settlement, idempotency completion.
import { RouterError } from "../errors.ts";
import type { LiveRoute } from "../policy/liveCatalog.ts";
import { type CandidateQuery, selectCandidates } from "../policy/selectCandidates.ts";
import type { BudgetReservation, StoredResponse } from "../stores/types.ts";
import type { RoutingMeta } from "../types.ts";
import { type AttemptSpec, runAttempts } from "./attemptLoop.ts";
import { budgetScopes, reserveBudget } from "./budget.ts";
import type { EngineDeps } from "./engineDeps.ts";
import { claimKey, fingerprint } from "./idempotency.ts";
import type { RequestContext } from "./requestContext.ts";

export interface Plan<V, R> {
  /** Resolves the models to try (may consult the classifier and set ctx.tier/score). */
  resolve: () => Promise<string[]>;
  query: CandidateQuery;
  /** Upper bound of the cost for the budget reservation. */
  estimateUsd: (candidates: LiveRoute[]) => number;
  spec: AttemptSpec<V>;
  build: (value: V, routing: RoutingMeta) => R;
  /** What identifies the request for idempotency (the request body). */
  identity: unknown;
}

interface Stored<V> {
  value: V;
  routing: RoutingMeta;
}

export async function executeRequest<V, R>(
  deps: EngineDeps,
  ctx: RequestContext,
  plan: Plan<V, R>,
): Promise<R> {
  // One function for the whole skeleton: each nested async function would keep its own suspended
  // frame alive for as long as the upstream takes (see bench/results/overhead.md).
  const key = ctx.options.idempotencyKey;
  let claimed: string | null = null;
  let reservation: BudgetReservation | null = null;
  try {
    if (key) {
      const claim = await claimKey(deps, ctx, key, fingerprint(ctx.operation, plan.identity));
      if (claim.state === "replay") return replay(deps, ctx, plan, claim.response as unknown as Stored<V>);
      claimed = claim.key;
    }
    const modelIds = await plan.resolve();
    const candidates = selectCandidates(deps.live, modelIds, plan.query);
    if (deps.budget) {
      reservation = await reserveBudget(
        deps.budget.store,
        budgetScopes(deps.budget.limits, ctx),
        plan.estimateUsd(candidates),
      );
    }
    const win = await runAttempts(deps, ctx, candidates, plan.spec);
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
      await deps.idempotency
        .complete(done, { value: win.value, routing } as unknown as StoredResponse)
        .catch(() => deps.idempotency.release(done).catch(() => undefined));
    }
    return plan.build(win.value, routing);
  } catch (err) {
    const error = recordFailure(deps, ctx, err);
    if (reservation) {
      await deps.budget!.store.settle(reservation, (error.routing as RoutingMeta | undefined)?.costUsd ?? 0);
    }
    if (claimed) await deps.idempotency.release(claimed).catch(() => undefined);
    throw error;
  }
}

/** Writes the failed request's ledger rows (once) and attaches its routing metadata to the error. */
export function recordFailure(deps: EngineDeps, ctx: RequestContext, err: unknown): RouterError {
  const error =
    err instanceof RouterError
      ? err
      : new RouterError("internal", "Unexpected router failure.", { cause: err });
  if (ctx.rows.at(-1)?.kind !== "request") {
    error.routing = ctx.finish(null, error.code === "aborted" ? "aborted" : "error", error.code, null, null);
    deps.ledger.write(ctx.rows);
  }
  return error;
}

function replay<V, R>(deps: EngineDeps, ctx: RequestContext, plan: Plan<V, R>, stored: Stored<V>): R {
  const routing = ctx.finishReplay(stored.routing);
  deps.ledger.write(ctx.rows);
  return plan.build(stored.value, routing);
}
