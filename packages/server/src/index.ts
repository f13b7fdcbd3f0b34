// @switchyard/server: what the apps' routes and pages call. Only names an app, a doc or a bench uses
// are exported; the usage aggregates behind the dashboard stay internal to src/usage/.
export { ApiError, errorResponse, idempotencyKeyOf, readJson } from "./apiErrors.ts";
export {
  type ApiHandler,
  type ApiRouteContext,
  type ApiRouteOptions,
  apiRoute,
} from "./auth/apiRoute.ts";
export { authRoutes, demoSignInPOST } from "./auth/authRoutes.ts";
export { getAuth } from "./auth/authServices.ts";
export { pageUser, safeNextPath, signInOptions } from "./auth/pageUser.ts";
export { RATE_LIMIT_DEFAULTS, type RateLimitKind } from "./auth/rateLimits.ts";
export { idempotencyInFlight, idempotencyMismatch } from "./idempotency/idempotencyErrors.ts";
export {
  type IdempotentOutcome,
  type IdempotentRequest,
  type IdempotentSteps,
  runIdempotent,
} from "./idempotency/runIdempotent.ts";
export { getLiveStatus, healthGET } from "./liveStatus.ts";
export { processSingleton } from "./processSingleton.ts";
export { type ServerEnv, serverEnv } from "./serverEnv.ts";
export { getDb, getRouter, routerOptionsFor } from "./services.ts";
export { type GatewayKeyView, gatewayKeyRoutes, loadGatewayKeys } from "./usage/gatewayKeyRoutes.ts";
export type { CatalogSyncView, ModelsPageData } from "./usage/modelsPage.ts";
export type { AttemptChain, LedgerRowView } from "./usage/requestLog.ts";
export { type UsageDashboardData, usageDashboard } from "./usage/usageDashboard.ts";
export {
  parseUsageQuery,
  type UsageBucket,
  type UsageGroup,
  type UsageQuery,
  type UsageRange,
} from "./usage/usageQuery.ts";
export {
  loadModelsPage,
  loadUsageDashboard,
  usageBudgetRoutes,
  usageGET,
  usageRequestGET,
} from "./usage/usageRoutes.ts";
export type { UserBudget, UserBudgetLine } from "./usage/userBudgets.ts";
