// @switchyard/server: what the apps' routes and pages call. Only names an app, a doc or a bench uses
// are exported; the usage aggregates behind the dashboard stay internal to src/usage/.
export { ApiError, errorResponse, idempotencyKeyOf, readJson } from "./apiErrors.ts";
export { getLiveStatus, healthGET } from "./liveStatus.ts";
export { processSingleton } from "./processSingleton.ts";
export { getDb, getRouter } from "./services.ts";
export type { AttemptChain, LedgerRowView } from "./usage/requestLog.ts";
export { type UsageDashboardData, usageDashboard } from "./usage/usageDashboard.ts";
export {
  parseUsageQuery,
  type UsageBucket,
  type UsageGroup,
  type UsageQuery,
  type UsageRange,
} from "./usage/usageQuery.ts";
export { loadUsageDashboard, usageGET, usageRequestGET } from "./usage/usageRoutes.ts";
