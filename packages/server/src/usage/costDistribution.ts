// How much one request costs: a histogram on a log scale, and the percentiles.
import { type Database, llmCalls } from "@switchyard/db";
import { eq, sql } from "drizzle-orm";
import { ledgerWhere, num, percentile } from "./ledgerSql.ts";
import type { UsageFilters, UsageWindow } from "./usageQuery.ts";

/** Lower edges of the bins after "$0"; costs are tiny, so each bin is ten times the one before. */
const COST_BIN_EDGES = [1e-12, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1] as const;

export interface CostBin {
  /** Inclusive lower edge in USD (0 for the "$0" bin). */
  fromUsd: number;
  /** Exclusive upper edge, or null for the last bin. */
  toUsd: number | null;
  requests: number;
}

export interface CostDistribution {
  bins: CostBin[];
  p50Usd: number | null;
  p95Usd: number | null;
  p99Usd: number | null;
}

export async function costDistribution(
  db: Database,
  window: UsageWindow,
  filters: UsageFilters,
): Promise<CostDistribution> {
  // Successful requests that reached a provider: a replay or a failure is not what a request costs.
  const where = ledgerWhere(
    "request",
    window,
    filters,
    eq(llmCalls.outcome, "ok"),
    eq(llmCalls.replay, false),
  );
  const edges = sql.raw(`array[${COST_BIN_EDGES.join(",")}]::float8[]`);
  const [counts, [stats]] = await Promise.all([
    db
      .select({
        bin: num(sql`width_bucket(${llmCalls.costUsd}::float8, ${edges})`),
        requests: num(sql`count(*)`),
      })
      .from(llmCalls)
      .where(where)
      .groupBy(sql`1`),
    db
      .select({
        p50Usd: percentile(0.5, llmCalls.costUsd),
        p95Usd: percentile(0.95, llmCalls.costUsd),
        p99Usd: percentile(0.99, llmCalls.costUsd),
      })
      .from(llmCalls)
      .where(where),
  ]);
  const lower = [0, ...COST_BIN_EDGES];
  const bins = lower.map((fromUsd, i) => ({
    fromUsd: i === 0 ? 0 : fromUsd,
    toUsd: lower[i + 1] ?? null,
    requests: counts.find((c) => c.bin === i)?.requests ?? 0,
  }));
  return {
    bins,
    p50Usd: stats?.p50Usd ?? null,
    p95Usd: stats?.p95Usd ?? null,
    p99Usd: stats?.p99Usd ?? null,
  };
}
