// @switchyard/ui/usage: the usage and reliability dashboard both apps mount at /usage.
export { AttemptChain } from "./AttemptChain.tsx";
export { RequestLog } from "./RequestLog.tsx";
export { UsageDashboard } from "./UsageDashboard.tsx";
export type { AttemptChainView, LedgerRowView, UsageDashboardView, UsageQueryView } from "./usageTypes.ts";
