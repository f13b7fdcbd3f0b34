// Daily USD budgets per app / feature / user. Before the upstream call the engine reserves an upper
// bound of the cost in every applicable scope at once (atomic in the store), then settles to the
// actual cost. Concurrent requests can therefore never spend past a limit. A hold expires (holdMs) so a
// request whose process died gives its budget back instead of keeping it until midnight.

import type { LiveRoute } from "../catalog/liveCatalog.ts";
import type { BudgetLimits } from "../config.ts";
import { RouterError } from "../errors.ts";
import type { BudgetReservation, BudgetScope, BudgetStore } from "../stores/types.ts";
import type { RequestContext } from "./requestContext.ts";

export function budgetScopes(limits: BudgetLimits, ctx: RequestContext): BudgetScope[] {
  const scopes: BudgetScope[] = [];
  const o = ctx.options;
  const appLimit = ctx.app ? limits.app?.[ctx.app] : undefined;
  if (ctx.app && appLimit !== undefined) scopes.push({ scope: `app:${ctx.app}`, limitUsd: appLimit });
  const featureLimit = o.feature ? limits.feature?.[o.feature] : undefined;
  if (o.feature && featureLimit !== undefined)
    scopes.push({ scope: `feature:${o.feature}`, limitUsd: featureLimit });
  if (o.userId && limits.user !== undefined) {
    const userLimit = typeof limits.user === "number" ? limits.user : limits.user[o.userId];
    if (userLimit !== undefined) scopes.push({ scope: `user:${o.userId}`, limitUsd: userLimit });
  }
  if (o.budgetScopes) scopes.push(...o.budgetScopes);
  return scopes;
}

/**
 * The most any candidate could cost for this request: the rates in force for this prompt's size (a
 * long prompt's, when it passes the model's threshold), every prompt token at the dearer of the plain
 * and cache-write rates, every output token at the dearer of the plain and reasoning rates.
 */
export function costUpperBound(
  candidates: LiveRoute[],
  promptTokens: number,
  outputTokens: number,
  images = 0,
): number {
  let max = 0;
  for (const c of candidates) {
    const p = c.model.price;
    const rates = p.longContext && promptTokens > p.longContext.aboveInputTokens ? p.longContext : p;
    const inRate = Math.max(rates.inputPerMTokens, rates.cacheWritePerMTokens ?? 0);
    const outRate = Math.max(rates.outputPerMTokens, rates.reasoningPerMTokens ?? 0);
    const usd = (promptTokens * inRate + outputTokens * outRate) / 1e6 + images * (p.perImage ?? 0);
    if (usd > max) max = usd;
  }
  return max;
}

export const utcDay = (d = new Date()) => d.toISOString().slice(0, 10);

/** When a day's budgets start again from zero: the next midnight UTC, as ISO. */
export const budgetResetsAt = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

/** Cents, or two significant digits under a cent (a tiny budget must not read "$0.00"). */
const dollars = (usd: number) => `$${usd === 0 || usd >= 0.01 ? usd.toFixed(2) : usd.toPrecision(2)}`;

/** A hold outlives the request's own deadline by this much before another process may give it back. */
export const HOLD_MARGIN_MS = 60_000;

export async function reserveBudget(
  store: BudgetStore,
  scopes: BudgetScope[],
  estimateUsd: number,
  holdMs?: number,
): Promise<BudgetReservation | null> {
  if (scopes.length === 0) return null;
  const day = utcDay();
  let result = await store.reserve(scopes, estimateUsd, day, { holdMs });
  // Refused: holds a dead process left may be what fills the budget; give those back and look again.
  if (!result.ok && (await store.releaseExpiredHolds()) > 0) {
    result = await store.reserve(scopes, estimateUsd, day, { holdMs });
  }
  if (result.ok) return result.reservation;
  const { scope, limitUsd, usedUsd } = result.exceeded;
  const resetsAt = budgetResetsAt(day);
  const whose = scope.startsWith("user:") ? "Your daily budget" : `The daily budget for ${scope}`;
  throw new RouterError(
    "budget_exceeded",
    `${whose} (${dollars(limitUsd)}) would be exceeded: ${dollars(usedUsd)} used today. ` +
      `It resets at midnight UTC (${resetsAt}).`,
    { details: { scope, limitUsd, usedUsd, resetsAt } },
  );
}
