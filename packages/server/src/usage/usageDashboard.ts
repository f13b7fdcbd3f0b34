// Everything the /usage page shows, gathered in one call: SQL aggregates over the ledger (never the
// rows themselves, except one page of the log) plus the router's in-memory breaker and credit state.
import type { Database } from "@switchyard/db";
import type { Router } from "@switchyard/router";
import { type BudgetStatus, budgetStatus } from "./budgetStatus.ts";
import { type CostDistribution, costDistribution } from "./costDistribution.ts";
import { type EndpointReliability, endpointReliability } from "./endpointReliability.ts";
import { type LatencyFigures, type LatencyPoint, latencyByEndpoint, latencyOverTime } from "./latency.ts";
import { type ReliabilityPoint, reliabilityOverTime } from "./reliabilityOverTime.ts";
import { type FilterOptions, filterOptions, type RequestLogPage, requestLog } from "./requestLog.ts";
import { type RouterStateView, routerState } from "./routerState.ts";
import { type Savings, type StrongModelPrice, savings, strongModelPrice } from "./savings.ts";
import { type SpendOverTime, spendOverTime } from "./spendOverTime.ts";
import { type UsageQuery, usageWindow } from "./usageQuery.ts";
import { type UsageSummary, usageSummary } from "./usageSummary.ts";

export interface UsageDashboardData {
  /** The app whose router supplied breakers and credits. */
  app: string;
  query: UsageQuery;
  window: { from: string; to: string; bucket: "minute" | "hour" | "day" };
  summary: UsageSummary;
  spend: SpendOverTime;
  costDistribution: CostDistribution;
  savings: Savings;
  latency: { byEndpoint: LatencyFigures[]; overTime: LatencyPoint[] };
  endpoints: EndpointReliability[];
  reliability: ReliabilityPoint[];
  router: RouterStateView;
  budgets: BudgetStatus;
  log: RequestLogPage;
  filterOptions: FilterOptions;
}

export interface UsageDashboardDeps {
  db: Database;
  router: Pick<Router, "breakerStates" | "credits">;
  app: string;
  now?: Date;
  strong?: StrongModelPrice;
}

export async function usageDashboard(
  deps: UsageDashboardDeps,
  query: UsageQuery,
): Promise<UsageDashboardData> {
  const { db } = deps;
  const now = deps.now ?? new Date();
  const window = usageWindow(query.range, now);
  const filters = { app: query.app, feature: query.feature, model: query.model };
  // One after another: embedded PGlite runs queries one at a time anyway, and a pool stays free.
  const summary = await usageSummary(db, window, filters);
  const spend = await spendOverTime(db, window, filters, query.groupBy);
  const distribution = await costDistribution(db, window, filters);
  const saved = await savings(db, window, filters, deps.strong ?? strongModelPrice());
  const byEndpoint = await latencyByEndpoint(db, window, filters);
  const overTime = await latencyOverTime(db, window, filters);
  const endpoints = await endpointReliability(db, window, filters);
  const reliability = await reliabilityOverTime(db, window, filters);
  const budgets = await budgetStatus(db, now);
  const log = await requestLog(db, window, query);
  const options = await filterOptions(db, window);
  return {
    app: deps.app,
    query,
    window: { from: window.from.toISOString(), to: window.to.toISOString(), bucket: window.bucket },
    summary,
    spend,
    costDistribution: distribution,
    savings: saved,
    latency: { byEndpoint, overTime },
    endpoints,
    reliability,
    router: routerState(deps.router),
    budgets,
    log,
    filterOptions: options,
  };
}
