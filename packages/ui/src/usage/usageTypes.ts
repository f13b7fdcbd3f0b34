// The shape the dashboard reads is exactly what @switchyard/server's usageDashboard() returns. Type-only
// imports: nothing of the server reaches a browser bundle.
export type {
  AttemptChain as AttemptChainView,
  CatalogSyncView,
  GatewayKeyView,
  LedgerRowView,
  ModelsPageData as ModelsPageView,
  UsageBucket,
  UsageDashboardData as UsageDashboardView,
  UsageGroup,
  UsageQuery as UsageQueryView,
  UsageRange,
  UserBudget as UserBudgetView,
  UserBudgetLine as UserBudgetLineView,
} from "@switchyard/server";
