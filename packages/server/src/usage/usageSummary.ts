// The headline figures for the window: requests, failures, spend, tokens.
import { type Database, llmCalls } from "@switchyard/db";
import { sql } from "drizzle-orm";
import { ledgerWhere, num } from "./ledgerSql.ts";
import type { UsageFilters, UsageWindow } from "./usageQuery.ts";

export interface UsageSummary {
  requests: number;
  failed: number;
  /** Answered from the idempotency store: no upstream call, no charge. */
  replays: number;
  costUsd: number;
  promptTokens: number;
  completionTokens: number;
}

export async function usageSummary(
  db: Database,
  window: UsageWindow,
  filters: UsageFilters,
): Promise<UsageSummary> {
  const [row] = await db
    .select({
      requests: num(sql`count(*)`),
      failed: num(sql`count(*) filter (where ${llmCalls.outcome} <> 'ok')`),
      replays: num(sql`count(*) filter (where ${llmCalls.replay})`),
      costUsd: num(sql`coalesce(sum(${llmCalls.costUsd}), 0)`),
      promptTokens: num(sql`coalesce(sum(${llmCalls.promptTokens}), 0)`),
      completionTokens: num(sql`coalesce(sum(${llmCalls.completionTokens}), 0)`),
    })
    .from(llmCalls)
    .where(ledgerWhere("request", window, filters));
  return row ?? { requests: 0, failed: 0, replays: 0, costUsd: 0, promptTokens: 0, completionTokens: 0 };
}
