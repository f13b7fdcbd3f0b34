// The request log: one row per request, newest first, a page at a time; and one request's attempts.
import { type Database, type LlmCall, llmCalls } from "@switchyard/db";
import { and, asc, desc, eq, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { ledgerWhere, modelName, num } from "./ledgerSql.ts";
import type { UsageFilters, UsageQuery, UsageWindow } from "./usageQuery.ts";

const LOG_PAGE_SIZE = 25;

/** A ledger row as the page shows it: metadata only, no idempotency key (a client's own string). */
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

function toRowView(r: LlmCall): LedgerRowView {
  return {
    requestId: r.requestId,
    kind: r.kind,
    createdAt: r.createdAt.toISOString(),
    operation: r.operation,
    app: r.app,
    feature: r.feature,
    modelRequested: r.modelRequested,
    modelUsed: r.modelUsed,
    provider: r.provider,
    endpoint: r.endpoint,
    tier: r.tier,
    complexityScore: r.complexityScore,
    reasons: r.reasons ?? [],
    attempt: r.attempt,
    fallbackChain: r.fallbackChain ?? [],
    outcome: r.outcome,
    errorCode: r.errorCode,
    promptTokens: r.promptTokens,
    completionTokens: r.completionTokens,
    costUsd: Number(r.costUsd),
    ttftMs: r.ttftMs,
    latencyMs: r.latencyMs,
    idempotent: r.idempotencyKey !== null,
    replay: r.replay,
  };
}

export interface RequestLogPage {
  rows: LedgerRowView[];
  total: number;
  page: number;
  pageSize: number;
}

export async function requestLog(
  db: Database,
  window: UsageWindow,
  query: Pick<UsageQuery, "app" | "feature" | "model" | "outcome" | "page"> & UsageFilters,
  pageSize = LOG_PAGE_SIZE,
): Promise<RequestLogPage> {
  const where = ledgerWhere(
    "request",
    window,
    query,
    query.outcome ? eq(llmCalls.outcome, query.outcome) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(llmCalls)
      .where(where)
      .orderBy(desc(llmCalls.createdAt), desc(llmCalls.id))
      .limit(pageSize)
      .offset((query.page - 1) * pageSize),
    db
      .select({ total: num(sql`count(*)`) })
      .from(llmCalls)
      .where(where),
  ]);
  return { rows: rows.map(toRowView), total: count?.total ?? 0, page: query.page, pageSize };
}

export interface AttemptChain {
  request: LedgerRowView | null;
  attempts: LedgerRowView[];
}

/**
 * Every row of one request: the request row and its attempts in the order they were made. With a
 * `userId`, only that user's rows: another user's request comes back empty, as if it did not exist.
 */
export async function attemptChain(db: Database, requestId: string, userId?: string): Promise<AttemptChain> {
  const rows = await db
    .select()
    .from(llmCalls)
    .where(and(eq(llmCalls.requestId, requestId), userId ? eq(llmCalls.userId, userId) : undefined))
    .orderBy(asc(llmCalls.attempt), asc(llmCalls.id));
  const views = rows.map(toRowView);
  return {
    request: views.find((r) => r.kind === "request") ?? null,
    attempts: views.filter((r) => r.kind === "attempt"),
  };
}

export interface FilterOptions {
  apps: string[];
  features: string[];
  models: string[];
}

/** The gateway keys with rows in the window (ids, at most 100): the dashboard's key filter. */
export async function keyFilterOptions(
  db: Database,
  window: UsageWindow,
  filters: Pick<UsageFilters, "userId"> = {},
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ value: sql<string>`${llmCalls.keyId}` })
    .from(llmCalls)
    .where(
      and(ledgerWhere("request", window, { userId: filters.userId }), sql`${llmCalls.keyId} is not null`),
    )
    .orderBy(sql`1`)
    .limit(100);
  return rows.map((r) => r.value);
}

/** The values the log's filters offer: what occurs in the window (a bounded list, not every row). */
export async function filterOptions(
  db: Database,
  window: UsageWindow,
  filters: Pick<UsageFilters, "userId"> = {},
): Promise<FilterOptions> {
  const inWindow = ledgerWhere("request", window, { userId: filters.userId });
  const distinct = async (column: AnyPgColumn | SQL) => {
    const rows = await db
      .selectDistinct({ value: sql<string>`${column}` })
      .from(llmCalls)
      .where(and(inWindow, sql`${column} is not null`))
      .orderBy(sql`1`)
      .limit(100);
    return rows.map((r) => r.value);
  };
  const [apps, features, models] = await Promise.all([
    distinct(llmCalls.app),
    distinct(llmCalls.feature),
    distinct(modelName),
  ]);
  return { apps, features, models };
}
