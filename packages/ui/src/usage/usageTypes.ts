// The shape the dashboard reads. @switchyard/server's usageDashboard() returns it (the apps' page
// passes one to the other, so TypeScript checks that they agree); the UI knows no database.

export type UsageRange = "1h" | "24h" | "7d" | "30d";
export type UsageGroup = "model" | "app" | "feature";
export type UsageBucket = "minute" | "hour" | "day";

export interface UsageQueryView {
  range: UsageRange;
  groupBy: UsageGroup;
  app?: string | undefined;
  feature?: string | undefined;
  model?: string | undefined;
  outcome?: "ok" | "error" | "skipped" | "aborted" | undefined;
  page: number;
}

export interface LedgerRowView {
  requestId: string;
  kind: "request" | "attempt";
  createdAt: string;
  operation: string | null;
  app: string | null;
  feature: string | null;
  modelRequested: string;
  modelUsed: string | null;
  provider: string | null;
  endpoint: string | null;
  tier: string | null;
  complexityScore: number | null;
  reasons: string[];
  attempt: number;
  fallbackChain: string[];
  outcome: string;
  errorCode: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  costUsd: number;
  ttftMs: number | null;
  latencyMs: number | null;
  idempotent: boolean;
  replay: boolean;
}

export interface AttemptChainView {
  request: LedgerRowView | null;
  attempts: LedgerRowView[];
}

export interface LatencyFiguresView {
  endpoint: string;
  requests: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  ttftP50Ms: number | null;
  ttftP95Ms: number | null;
  ttftP99Ms: number | null;
}

export interface UsageDashboardView {
  app: string;
  query: UsageQueryView;
  window: { from: string; to: string; bucket: UsageBucket };
  summary: {
    requests: number;
    failed: number;
    replays: number;
    costUsd: number;
    promptTokens: number;
    completionTokens: number;
  };
  spend: {
    groupBy: UsageGroup;
    keys: string[];
    points: {
      bucket: number;
      costUsd: number;
      promptTokens: number;
      completionTokens: number;
      requests: number;
      byKey: Record<string, number>;
    }[];
  };
  costDistribution: {
    bins: { fromUsd: number; toUsd: number | null; requests: number }[];
    p50Usd: number | null;
    p95Usd: number | null;
    p99Usd: number | null;
  };
  savings: {
    strongModel: string;
    strongLabel: string;
    requests: number;
    actualUsd: number;
    strongOnlyUsd: number;
    savedUsd: number;
    savedShare: number | null;
    tiers: { tier: string; requests: number; costUsd: number }[];
  };
  latency: { byEndpoint: LatencyFiguresView[]; overTime: (LatencyFiguresView & { bucket: number })[] };
  endpoints: {
    endpoint: string;
    attempts: number;
    errors: number;
    errorRate: number | null;
    skipped: number;
    topErrorCode: string | null;
    p50Ms: number | null;
    p95Ms: number | null;
  }[];
  reliability: { bucket: number; requests: number; failed: number; retries: number; failovers: number }[];
  router: {
    breakers: {
      endpoint: string;
      model: string;
      state: "closed" | "open" | "half_open";
      consecutiveFailures: number;
      reopensAt: string | null;
    }[];
    credits: {
      account: string;
      label: string;
      limitUsd: number | null;
      remainingUsd: number | null;
      fetchedAt: string;
      low: boolean;
    }[];
    lowBalanceUsd: number;
  };
  budgets: {
    day: string;
    lines: {
      scope: string;
      kind: string;
      name: string;
      limitUsd: number | null;
      spentTodayUsd: number;
      used: number | null;
    }[];
  };
  log: { rows: LedgerRowView[]; total: number; page: number; pageSize: number };
  filterOptions: { apps: string[]; features: string[]; models: string[] };
}
