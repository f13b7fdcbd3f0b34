// Everything the /usage page shows, gathered in one call: SQL aggregates over the ledger (never the
// rows themselves, except one page of the log) plus the router's in-memory breaker and credit state.
// A member's view is their own rows and budget; the whole-app view (breakers, credits, every budget)
// is an admin's.
import { type Database, PgCatalogPriceStore } from "@switchyard/db";
import type { Router } from "@switchyard/router";
import { type BudgetStatus, budgetStatus, utcDay } from "./budgetStatus.ts";
import { type CostDistribution, costDistribution } from "./costDistribution.ts";
import { type EndpointReliability, endpointReliability } from "./endpointReliability.ts";
import { type LatencyFigures, type LatencyPoint, latencyByEndpoint, latencyOverTime } from "./latency.ts";
import { catalogSyncView, type ModelsPageData } from "./modelsPage.ts";
import { type ReliabilityPoint, reliabilityOverTime } from "./reliabilityOverTime.ts";
import {
  type FilterOptions,
  filterOptions,
  keyFilterOptions,
  type RequestLogPage,
  requestLog,
} from "./requestLog.ts";
import { type RouterStateView, routerState } from "./routerState.ts";
import { type Savings, type StrongModelPrice, savings, strongModelPrice } from "./savings.ts";
import { type SpendOverTime, spendOverTime } from "./spendOverTime.ts";
import { type UsageQuery, usageWindow } from "./usageQuery.ts";
import { type UsageSummary, usageSummary } from "./usageSummary.ts";
import { type UserBudget, type UserBudgetLine, userBudget, userBudgetLines } from "./userBudgets.ts";

export interface UsageDashboardData {
  /** The app whose router supplied breakers and credits. */
  app: string;
  /** "user": one user's own rows (a member's view); "app": every user's (an admin's). */
  scope: "user" | "app";
  query: UsageQuery;
  window: { from: string; to: string; bucket: "minute" | "hour" | "day" };
  summary: UsageSummary;
  spend: SpendOverTime;
  costDistribution: CostDistribution;
  savings: Savings;
  latency: { byEndpoint: LatencyFigures[]; overTime: LatencyPoint[] };
  endpoints: EndpointReliability[];
  reliability: ReliabilityPoint[];
  /** Breakers and credits: the whole app's, so empty in a member's view. */
  router: RouterStateView;
  /** Every app, feature and budgeted user today: no lines in a member's view. */
  budgets: BudgetStatus;
  /** Each user's budget, for the admin's editor: null in a member's view. */
  userBudgets: UserBudgetLine[] | null;
  /** The viewer's own budget today, when the viewer is a user. */
  myBudget: UserBudget | null;
  log: RequestLogPage;
  /** And the gateway's virtual keys seen in the window. */
  filterOptions: FilterOptions & { keys: string[] };
  /** How the catalog's last sync went (a failed one keeps the last good prices); nulls: never synced. */
  catalogSync: ModelsPageData["sync"];
}

export interface UsageDashboardDeps {
  db: Database;
  router: Pick<Router, "breakerStates" | "credits">;
  app: string;
  now?: Date;
  strong?: StrongModelPrice;
  /** Only this user's rows (a member's own view). Unset: the whole app. */
  userId?: string;
  /** Who is looking, for their own budget line. */
  viewerId?: string;
  /** Daily limits in force besides the `budgets` table: the app's cap and the default per user. */
  limits?: { appDailyUsd?: number; userDailyUsd?: number };
}

export async function usageDashboard(
  deps: UsageDashboardDeps,
  query: UsageQuery,
): Promise<UsageDashboardData> {
  const { db, limits = {} } = deps;
  const now = deps.now ?? new Date();
  const window = usageWindow(query.range, now);
  const filters = {
    app: query.app,
    feature: query.feature,
    model: query.model,
    key: query.key,
    userId: deps.userId,
  };
  const wholeApp = deps.userId === undefined;
  const userDefault = limits.userDailyUsd;
  // One after another: embedded PGlite runs queries one at a time anyway, and a pool stays free.
  const summary = await usageSummary(db, window, filters);
  const spend = await spendOverTime(db, window, filters, query.groupBy);
  const distribution = await costDistribution(db, window, filters);
  const saved = await savings(db, window, filters, deps.strong ?? strongModelPrice());
  const byEndpoint = await latencyByEndpoint(db, window, filters);
  const overTime = await latencyOverTime(db, window, filters);
  const endpoints = await endpointReliability(db, window, filters);
  const reliability = await reliabilityOverTime(db, window, filters);
  const configured = limits.appDailyUsd === undefined ? {} : { [`app:${deps.app}`]: limits.appDailyUsd };
  const budgets = wholeApp ? await budgetStatus(db, now, configured) : { day: utcDay(now).day, lines: [] };
  // Budget lines need the default per user to mean anything; without one (chapter 8's call) they are left out.
  const withUsers = userDefault !== undefined && deps.viewerId !== undefined;
  const userBudgets = withUsers && wholeApp ? await userBudgetLines(db, userDefault, now) : null;
  const myBudget = withUsers ? await userBudget(db, deps.viewerId as string, userDefault, now) : null;
  const log = await requestLog(db, window, { ...query, userId: deps.userId });
  const options = await filterOptions(db, window, { userId: deps.userId });
  const keys = await keyFilterOptions(db, window, { userId: deps.userId });
  const runs = await new PgCatalogPriceStore(db).lastRuns();
  return {
    app: deps.app,
    scope: wholeApp ? "app" : "user",
    query,
    window: { from: window.from.toISOString(), to: window.to.toISOString(), bucket: window.bucket },
    summary,
    spend,
    costDistribution: distribution,
    savings: saved,
    latency: { byEndpoint, overTime },
    endpoints,
    reliability,
    router: wholeApp ? routerState(deps.router) : { breakers: [], credits: [], lowBalanceUsd: 0 },
    budgets,
    userBudgets,
    myBudget,
    log,
    filterOptions: { ...options, keys },
    catalogSync: { last: catalogSyncView(runs.last), lastGood: catalogSyncView(runs.lastGood) },
  };
}
