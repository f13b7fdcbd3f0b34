// The state of one request while the engine works on it: who asked, what was chosen, every attempt.
// It turns into the ledger rows and the RoutingMeta the caller gets back.
import { randomUUID } from "node:crypto";
import type { LiveRoute } from "../catalog/liveCatalog.ts";
import type { Timeouts } from "../config.ts";
import type { LedgerEntry, LedgerOperation, LedgerOutcome } from "../stores/types.ts";
import type { RequestOptions, RoutingMeta, Tier } from "../types.ts";
import type { UsageFigures } from "./cost.ts";

export class RequestContext {
  /** Epoch ms: a Date is made per ledger row, not kept while the request waits (README, Overhead). */
  readonly createdAt = Date.now();
  readonly startedAt = performance.now();
  readonly deadline: number;
  readonly operation: LedgerOperation;
  readonly options: RequestOptions;
  readonly app: string | null;
  readonly modelRequested: string;
  readonly timeouts: Timeouts;
  tier: Tier | null = null;
  score: number | null = null;
  reasons: string[] = [];
  threshold: number | null = null;
  fallbackChain: string[] = [];
  attempts = 0;
  readonly rows: LedgerEntry[] = [];
  firstRoute: LiveRoute | null = null;
  #requestId: string | null = null;

  constructor(
    operation: LedgerOperation,
    modelRequested: string,
    options: RequestOptions,
    app: string | null,
    timeouts: Timeouts,
  ) {
    this.operation = operation;
    this.modelRequested = modelRequested;
    this.options = options;
    this.app = options.app ?? app;
    this.timeouts = options.timeouts ? { ...timeouts, ...options.timeouts } : timeouts;
    this.deadline = this.startedAt + this.timeouts.totalMs;
  }

  /** Made on first use (the first ledger row), not kept while the request waits (README, Overhead). */
  get requestId(): string {
    this.#requestId ??= randomUUID();
    return this.#requestId;
  }

  elapsed(): number {
    return performance.now() - this.startedAt;
  }

  remaining(): number {
    return this.deadline - performance.now();
  }

  /** Records one upstream attempt (or a replay/skip) as a ledger row. */
  attemptRow(
    route: LiveRoute,
    attempt: number,
    outcome: LedgerOutcome,
    errorCode: string | null,
    usage: UsageFigures | null,
    ttftMs: number | null,
    latencyMs: number,
  ): void {
    this.rows.push(this.#row("attempt", route, attempt, outcome, errorCode, usage, ttftMs, latencyMs, false));
  }

  /** The request row, appended last; returns the caller's RoutingMeta. */
  finish(
    route: LiveRoute | null,
    outcome: LedgerOutcome,
    errorCode: string | null,
    usage: UsageFigures | null,
    ttftMs: number | null,
    replay = false,
  ): RoutingMeta {
    const latencyMs = this.elapsed();
    let totalCost = 0;
    if (!replay) for (const r of this.rows) totalCost += r.costUsd;
    const row = this.#row(
      "request",
      route,
      this.attempts,
      outcome,
      errorCode,
      usage,
      ttftMs,
      latencyMs,
      replay,
    );
    row.costUsd = totalCost;
    this.rows.push(row);
    return this.meta(route, usage, ttftMs, latencyMs, totalCost, replay);
  }

  /** RoutingMeta as of now (used for a stream's `started`, before the request row exists). */
  meta(
    route: LiveRoute | null,
    usage: UsageFigures | null,
    ttftMs: number | null,
    latencyMs: number,
    totalCost: number,
    replay = false,
  ): RoutingMeta {
    return {
      requestId: this.requestId,
      modelRequested: this.modelRequested,
      modelUsed: route?.model.id ?? null,
      provider: route?.account.label ?? null,
      endpoint: route?.route.endpoint ?? null,
      tier: this.tier,
      score: this.score,
      reasons: this.reasons,
      threshold: this.threshold,
      attempts: this.attempts,
      failover: route !== null && this.firstRoute !== null && route !== this.firstRoute,
      fallbackChain: this.fallbackChain,
      promptTokens: usage?.promptTokens ?? null,
      completionTokens: usage?.completionTokens ?? null,
      cachedTokens: usage?.cachedTokens ?? null,
      reasoningTokens: usage?.reasoningTokens ?? null,
      costUsd: totalCost,
      pricedCostUsd: usage?.pricedCostUsd ?? 0,
      upstreamCostUsd: usage?.upstreamCostUsd ?? null,
      ttftMs,
      latencyMs,
      replay,
      idempotencyKey: this.options.idempotencyKey ?? null,
    };
  }

  /** The request row of an idempotent replay: no upstream call, no cost. */
  finishReplay(stored: RoutingMeta): RoutingMeta {
    const latencyMs = this.elapsed();
    this.tier = stored.tier;
    this.score = stored.score;
    this.reasons = stored.reasons;
    this.threshold = stored.threshold;
    this.fallbackChain = stored.fallbackChain;
    this.rows.push({
      ...this.#row("request", null, 0, "ok", null, null, null, latencyMs, true),
      modelUsed: stored.modelUsed,
      provider: stored.provider,
      endpoint: stored.endpoint,
    });
    return { ...stored, requestId: this.requestId, attempts: 0, costUsd: 0, latencyMs, replay: true };
  }

  #row(
    kind: "request" | "attempt",
    route: LiveRoute | null,
    attempt: number,
    outcome: LedgerOutcome,
    errorCode: string | null,
    usage: UsageFigures | null,
    ttftMs: number | null,
    latencyMs: number,
    replay: boolean,
  ): LedgerEntry {
    const o = this.options;
    return {
      requestId: this.requestId,
      kind,
      operation: this.operation,
      app: this.app,
      feature: o.feature ?? null,
      userId: o.userId ?? null,
      keyId: o.keyId ?? null,
      modelRequested: this.modelRequested,
      modelUsed: route?.model.id ?? null,
      provider: route?.account.label ?? null,
      endpoint: route?.route.endpoint ?? null,
      tier: this.tier,
      complexityScore: this.score,
      reasons: this.reasons,
      attempt,
      fallbackChain: this.fallbackChain,
      outcome,
      errorCode,
      promptTokens: usage?.promptTokens ?? null,
      completionTokens: usage?.completionTokens ?? null,
      cachedTokens: usage?.cachedTokens ?? null,
      cacheWriteTokens: usage?.cacheWriteTokens ?? null,
      reasoningTokens: usage?.reasoningTokens ?? null,
      imageTokens: usage?.imageTokens ?? null,
      audioTokens: usage?.audioTokens ?? null,
      images: usage?.images ?? null,
      costUsd: usage?.costUsd ?? 0,
      pricedCostUsd: usage?.pricedCostUsd ?? null,
      upstreamCostUsd: usage?.upstreamCostUsd ?? null,
      ttftMs,
      latencyMs,
      idempotencyKey: o.idempotencyKey ?? null,
      replay,
      createdAt: kind === "request" ? new Date(this.createdAt) : new Date(),
    };
  }
}
