// Per time bucket: requests, failed requests, extra attempts (retries) and failovers.
import { type Database, llmCalls } from "@switchyard/db";
import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { bucketMs, ledgerWhere, num } from "./ledgerSql.ts";
import { bucketStarts, type UsageFilters, type UsageWindow } from "./usageQuery.ts";

export interface ReliabilityPoint {
  bucket: number;
  requests: number;
  failed: number;
  /** Attempts beyond each request's first, at the same endpoint or another. */
  retries: number;
  /** Requests answered by a different endpoint than the one tried first. */
  failovers: number;
}

export async function reliabilityOverTime(
  db: Database,
  window: UsageWindow,
  filters: UsageFilters,
): Promise<ReliabilityPoint[]> {
  const first = alias(llmCalls, "first_attempt");
  const rows = await db
    .select({
      bucket: bucketMs(window),
      requests: num(sql`count(*)`),
      failed: num(sql`count(*) filter (where ${llmCalls.outcome} <> 'ok')`),
      retries: num(sql`coalesce(sum(greatest(${llmCalls.attempt} - 1, 0)), 0)`),
      failovers: num(
        sql`count(*) filter (where ${llmCalls.outcome} = 'ok' and ${first.id} is not null and ${first.endpoint} is distinct from ${llmCalls.endpoint})`,
      ),
    })
    .from(llmCalls)
    .leftJoin(
      first,
      and(eq(first.requestId, llmCalls.requestId), eq(first.kind, "attempt"), eq(first.attempt, 1)),
    )
    .where(ledgerWhere("request", window, filters))
    .groupBy(sql`1`);
  const byBucket = new Map(rows.map((r) => [r.bucket, r]));
  return bucketStarts(window).map(
    (bucket) => byBucket.get(bucket) ?? { bucket, requests: 0, failed: 0, retries: 0, failovers: 0 },
  );
}
