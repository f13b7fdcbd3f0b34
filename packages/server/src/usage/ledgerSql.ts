// SQL pieces every usage query shares: the window and filter conditions, and the time bucket.
import { llmCalls } from "@switchyard/db";
import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { BUCKET_MS, type UsageFilters, type UsageWindow } from "./usageQuery.ts";

/** Rows of one kind inside the window that match the page's filters. */
export function ledgerWhere(
  kind: "request" | "attempt",
  window: UsageWindow,
  filters: UsageFilters,
  ...extra: (SQL | undefined)[]
): SQL | undefined {
  return and(
    eq(llmCalls.kind, kind),
    gte(llmCalls.createdAt, window.from),
    lt(llmCalls.createdAt, window.to),
    filters.app ? eq(llmCalls.app, filters.app) : undefined,
    filters.feature ? eq(llmCalls.feature, filters.feature) : undefined,
    filters.model ? eq(modelName, filters.model) : undefined,
    filters.key ? eq(llmCalls.keyId, filters.key) : undefined,
    filters.userId ? eq(llmCalls.userId, filters.userId) : undefined,
    ...extra,
  );
}

/** The model a row is about: the one used, or the one asked for when nothing ran. */
export const modelName = sql<string>`coalesce(${llmCalls.modelUsed}, ${llmCalls.modelRequested})`;

/** Bucket start in epoch ms. date_bin counts from the Unix epoch, so buckets are UTC and match JS. */
export function bucketMs(window: UsageWindow) {
  const seconds = BUCKET_MS[window.bucket] / 1000;
  return sql<number>`(extract(epoch from date_bin(make_interval(secs => ${seconds}), ${llmCalls.createdAt}, timestamptz '1970-01-01 00:00:00+00')) * 1000)::float8`.mapWith(
    Number,
  );
}

/** A float8 aggregate read back as a JS number (drivers return numeric and bigint as strings). */
export function num(fragment: SQL): SQL<number> {
  return sql<number>`(${fragment})::float8`.mapWith(Number);
}

/** Like num(), typed as nullable: an aggregate over no rows is null (drizzle skips the mapper for null). */
function numOrNull(fragment: SQL): SQL<number | null> {
  return sql<number | null>`(${fragment})::float8`.mapWith(Number);
}

type Column = typeof llmCalls.latencyMs | typeof llmCalls.ttftMs | typeof llmCalls.costUsd;

/** percentile_cont (interpolated, nulls ignored), optionally over the rows a condition keeps. */
export function percentile(fraction: number, column: Column, only?: SQL): SQL<number | null> {
  const p = sql`percentile_cont(${sql.raw(String(fraction))}) within group (order by ${column})`;
  return numOrNull(only ? sql`${p} filter (where ${only})` : p);
}
