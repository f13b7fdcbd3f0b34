// @switchyard/ui/usage: the usage and reliability dashboard both apps mount at /usage.
export { AttemptChain } from "./AttemptChain";
export { RequestLog } from "./RequestLog";
export { UsageDashboard } from "./UsageDashboard";
export type { AttemptChainView, LedgerRowView, UsageDashboardView, UsageQueryView } from "./usageTypes";
