// What only the running router knows: breaker states and cached credit balances. Both live in this
// server process's memory, so they describe this app's router, not the whole fleet.
import { type BreakerState, type CreditBalance, defaultPolicy, type Router } from "@switchyard/router";

export interface BreakerView {
  endpoint: string;
  model: string;
  state: BreakerState["state"];
  consecutiveFailures: number;
  /** When an open breaker lets a probe through, ISO time, or null. */
  reopensAt: string | null;
  errorRate: number;
}

export interface CreditView {
  account: string;
  label: string;
  limitUsd: number | null;
  usageUsd: number | null;
  remainingUsd: number | null;
  /** When the balance was read (ISO): it is a cached reading, not live. */
  fetchedAt: string;
  low: boolean;
}

export interface RouterStateView {
  breakers: BreakerView[];
  credits: CreditView[];
  lowBalanceUsd: number;
}

export function routerState(router: Pick<Router, "breakerStates" | "credits">): RouterStateView {
  // The apps' routers run with the default credit policy (see services.ts).
  const lowBalanceUsd = defaultPolicy.credits.lowBalanceUsd;
  const breakers = router
    .breakerStates()
    .map((b) => ({
      endpoint: b.endpoint,
      model: b.model,
      state: b.state,
      consecutiveFailures: b.consecutiveFailures,
      reopensAt: b.reopensAt === null ? null : new Date(b.reopensAt).toISOString(),
      errorRate: b.errorRate,
    }))
    .sort((a, b) => a.endpoint.localeCompare(b.endpoint) || a.model.localeCompare(b.model));
  const credits = router.credits().map((c: CreditBalance) => ({
    account: c.account,
    label: c.label,
    limitUsd: c.limitUsd,
    usageUsd: c.usageUsd,
    remainingUsd: c.remainingUsd,
    fetchedAt: new Date(c.fetchedAt).toISOString(),
    low: c.remainingUsd !== null && c.remainingUsd < lowBalanceUsd,
  }));
  return { breakers, credits, lowBalanceUsd };
}
