import type { LedgerEntry, LedgerSink } from "@switchyard/router";
import type { Database } from "../database.ts";
import { llmCalls, type NewLlmCall } from "../schema/index.ts";

/** The router's ledger in the `llm_calls` table: one multi-row INSERT per batch. */
export class PgLedgerSink implements LedgerSink {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async write(entries: LedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.#db.insert(llmCalls).values(entries.map(toRow));
  }
}

/**
 * Postgres text refuses NUL, and one refused row loses its whole batch: fields a caller may have typed
 * (the model asked for, the feature, the idempotency key) keep the rest of their text instead.
 */
const pgText = <T extends string | null>(s: T): T =>
  (s?.includes("\u0000") ? s.replaceAll("\u0000", "\uFFFD") : s) as T;

export function toRow(e: LedgerEntry): NewLlmCall {
  return {
    requestId: e.requestId,
    kind: e.kind,
    operation: e.operation,
    app: e.app,
    feature: pgText(e.feature),
    userId: e.userId,
    keyId: e.keyId ?? null,
    modelRequested: pgText(e.modelRequested),
    modelUsed: e.modelUsed,
    provider: e.provider,
    endpoint: e.endpoint,
    tier: e.tier,
    complexityScore: e.complexityScore,
    reasons: e.reasons,
    attempt: e.attempt,
    fallbackChain: e.fallbackChain,
    outcome: e.outcome,
    errorCode: e.errorCode,
    promptTokens: e.promptTokens,
    completionTokens: e.completionTokens,
    cachedTokens: e.cachedTokens ?? null,
    cacheWriteTokens: e.cacheWriteTokens ?? null,
    reasoningTokens: e.reasoningTokens ?? null,
    imageTokens: e.imageTokens ?? null,
    audioTokens: e.audioTokens ?? null,
    images: e.images ?? null,
    costUsd: e.costUsd,
    pricedCostUsd: e.pricedCostUsd ?? null,
    upstreamCostUsd: e.upstreamCostUsd ?? null,
    ttftMs: e.ttftMs,
    latencyMs: e.latencyMs,
    idempotencyKey: pgText(e.idempotencyKey),
    replay: e.replay,
    createdAt: e.createdAt,
  };
}
