// Latency as the caller felt it (request rows: every retry and failover included), per endpoint that
// finally answered, over time and for the whole window.
import { type Database, llmCalls } from "@switchyard/db";
import { sql } from "drizzle-orm";
import { bucketMs, ledgerWhere, num, percentile } from "./ledgerSql.ts";
import type { UsageFilters, UsageWindow } from "./usageQuery.ts";

export interface LatencyFigures {
  endpoint: string;
  requests: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** Time to first token: streamed requests only. */
  ttftP50Ms: number | null;
  ttftP95Ms: number | null;
  ttftP99Ms: number | null;
}

export interface LatencyPoint extends LatencyFigures {
  bucket: number;
}

const NO_ENDPOINT = "(none)";

function figures() {
  return {
    endpoint: sql<string>`coalesce(${llmCalls.endpoint}, ${NO_ENDPOINT})`,
    requests: num(sql`count(*)`),
    p50Ms: percentile(0.5, llmCalls.latencyMs),
    p95Ms: percentile(0.95, llmCalls.latencyMs),
    p99Ms: percentile(0.99, llmCalls.latencyMs),
    ttftP50Ms: percentile(0.5, llmCalls.ttftMs),
    ttftP95Ms: percentile(0.95, llmCalls.ttftMs),
    ttftP99Ms: percentile(0.99, llmCalls.ttftMs),
  };
}

export async function latencyByEndpoint(
  db: Database,
  window: UsageWindow,
  filters: UsageFilters,
): Promise<LatencyFigures[]> {
  return db
    .select(figures())
    .from(llmCalls)
    .where(ledgerWhere("request", window, filters))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
}

export async function latencyOverTime(
  db: Database,
  window: UsageWindow,
  filters: UsageFilters,
): Promise<LatencyPoint[]> {
  return db
    .select({ bucket: bucketMs(window), ...figures() })
    .from(llmCalls)
    .where(ledgerWhere("request", window, filters))
    .groupBy(sql`1`, sql`2`)
    .orderBy(sql`1`, sql`2`);
}
