// Per endpoint, from attempt rows: how often a try there failed, and how fast its tries were.
import { type Database, llmCalls } from "@switchyard/db";
import { sql } from "drizzle-orm";
import { ledgerWhere, num, percentile } from "./ledgerSql.ts";
import type { UsageFilters, UsageWindow } from "./usageQuery.ts";

export interface EndpointReliability {
  endpoint: string;
  attempts: number;
  errors: number;
  /** errors / attempts that were made (breaker skips are not attempts at the endpoint). */
  errorRate: number | null;
  skipped: number;
  /** The most frequent error code, if any. */
  topErrorCode: string | null;
  p50Ms: number | null;
  p95Ms: number | null;
}

export async function endpointReliability(
  db: Database,
  window: UsageWindow,
  filters: UsageFilters,
): Promise<EndpointReliability[]> {
  const made = sql`${llmCalls.outcome} <> 'skipped'`;
  const rows = await db
    .select({
      endpoint: sql<string>`coalesce(${llmCalls.endpoint}, '(none)')`,
      attempts: num(sql`count(*) filter (where ${made})`),
      errors: num(sql`count(*) filter (where ${llmCalls.outcome} = 'error')`),
      skipped: num(sql`count(*) filter (where ${llmCalls.outcome} = 'skipped')`),
      topErrorCode: sql<string | null>`mode() within group (order by ${llmCalls.errorCode})`,
      p50Ms: percentile(0.5, llmCalls.latencyMs, made),
      p95Ms: percentile(0.95, llmCalls.latencyMs, made),
    })
    .from(llmCalls)
    .where(ledgerWhere("attempt", window, filters))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return rows.map((r) => ({ ...r, errorRate: r.attempts > 0 ? r.errors / r.attempts : null }));
}
