export { type BudgetLine, type BudgetStatus, budgetStatus, utcDay } from "./budgetStatus.ts";
export { COST_BIN_EDGES, type CostBin, type CostDistribution, costDistribution } from "./costDistribution.ts";
export { type EndpointReliability, endpointReliability } from "./endpointReliability.ts";
export { type LatencyFigures, type LatencyPoint, latencyByEndpoint, latencyOverTime } from "./latency.ts";
export { type ReliabilityPoint, reliabilityOverTime } from "./reliabilityOverTime.ts";
export {
  type AttemptChain,
  attemptChain,
  type FilterOptions,
  filterOptions,
  type LedgerRowView,
  LOG_PAGE_SIZE,
  type RequestLogPage,
  requestLog,
} from "./requestLog.ts";
export { type BreakerView, type CreditView, type RouterStateView, routerState } from "./routerState.ts";
export { type Savings, type StrongModelPrice, savings, strongModelPrice, type TierShare } from "./savings.ts";
export { MAX_SERIES, type SpendOverTime, type SpendPoint, spendOverTime } from "./spendOverTime.ts";
export { type UsageDashboardData, type UsageDashboardDeps, usageDashboard } from "./usageDashboard.ts";
export {
  parseUsageQuery,
  USAGE_GROUPS,
  USAGE_RANGES,
  type UsageBucket,
  type UsageGroup,
  type UsageQuery,
  type UsageRange,
  type UsageWindow,
  usageWindow,
} from "./usageQuery.ts";
export { loadUsageDashboard, usageGET, usageRequestGET } from "./usageRoutes.ts";
export { type UsageSummary, usageSummary } from "./usageSummary.ts";
