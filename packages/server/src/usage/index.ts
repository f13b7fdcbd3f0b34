export { type BudgetLine, type BudgetStatus, budgetStatus, utcDay } from "./budgetStatus";
export { COST_BIN_EDGES, type CostBin, type CostDistribution, costDistribution } from "./costDistribution";
export { type EndpointReliability, endpointReliability } from "./endpointReliability";
export { type LatencyFigures, type LatencyPoint, latencyByEndpoint, latencyOverTime } from "./latency";
export { type ReliabilityPoint, reliabilityOverTime } from "./reliabilityOverTime";
export {
  type AttemptChain,
  attemptChain,
  type FilterOptions,
  filterOptions,
  type LedgerRowView,
  LOG_PAGE_SIZE,
  type RequestLogPage,
  requestLog,
} from "./requestLog";
export { type BreakerView, type CreditView, type RouterStateView, routerState } from "./routerState";
export { type Savings, type StrongModelPrice, savings, strongModelPrice, type TierShare } from "./savings";
export { MAX_SERIES, type SpendOverTime, type SpendPoint, spendOverTime } from "./spendOverTime";
export { type UsageDashboardData, type UsageDashboardDeps, usageDashboard } from "./usageDashboard";
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
} from "./usageQuery";
export { loadUsageDashboard, usageGET, usageRequestGET } from "./usageRoutes";
export { type UsageSummary, usageSummary } from "./usageSummary";
