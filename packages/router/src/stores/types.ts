// The three stores the engine writes through. The router ships in-memory versions (memory*.ts here,
// sinks/memoryLedgerSink.ts); @switchyard/db implements the same contracts in Postgres. Each method
// is shaped so a Postgres version can be one atomic statement (or one short transaction), safe
// across processes.
import type { Tier } from "@switchyard/wire";

/** A JSON-serialisable object (stored as jsonb). */
export type StoredResponse = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Idempotency (Stripe semantics). The engine calls claim() before the upstream call:
//   "claimed"     -> this caller holds the key (its `holder` token); it must later complete() or
//                    release() it with that token. A holder whose lease was taken over can do neither.
//   "replay"      -> the same key and the same request fingerprint already succeeded: return it.
//   "in_progress" -> another caller (maybe another process) holds the key right now; the engine
//                    polls claim() again with backoff until replay/claimed or its deadline
//                    (then idempotency_in_flight, 409 with Retry-After).
//   "conflict"    -> the key was used with a different request fingerprint (idempotency_mismatch, 422).
// Expired records (older than ttlMs) count as absent, and purgeExpired() deletes them. A claim whose
// holder died (lease older than leaseMs, never completed) may be claimed again, so a crash never
// blocks a key for 24 h.
// ---------------------------------------------------------------------------------------------

export type ClaimResult =
  | { state: "claimed"; holder: string }
  | { state: "replay"; response: StoredResponse }
  | { state: "in_progress" }
  | { state: "conflict" };

export interface ClaimOptions {
  /** How long a completed response is kept and replayed (default 24 h). */
  ttlMs: number;
  /** How long an unfinished claim blocks others before it may be taken over. */
  leaseMs: number;
}

export interface IdempotencyStore {
  /**
   * Atomically: insert (key, fingerprint, in_progress, new holder) if absent/expired/lease-expired ->
   * claimed; else compare fingerprints -> conflict; else completed -> replay; else in_progress.
   */
  claim(key: string, fingerprint: string, options: ClaimOptions): Promise<ClaimResult>;
  /**
   * Stores the successful response, only if `holder` still holds the key unfinished (only successes
   * are ever stored). False when the claim was taken over or is gone: nothing was stored.
   */
  complete(key: string, holder: string, response: StoredResponse): Promise<boolean>;
  /** Drops `holder`'s unfinished claim after a failure so a retry with the same key can run. */
  release(key: string, holder: string): Promise<boolean>;
  /** Deletes the records whose time to live has passed; returns how many. */
  purgeExpired(): Promise<number>;
}

// ---------------------------------------------------------------------------------------------
// Ledger: one row per request and one per upstream attempt. Append-only; write() gets a batch.
// ---------------------------------------------------------------------------------------------

export type LedgerKind = "request" | "attempt";
/** invalid_output: the answer came back but did not match the structured output's schema. */
export type LedgerOutcome = "ok" | "error" | "skipped" | "client_closed" | "invalid_output";
export type LedgerOperation = "chat" | "stream" | "embed" | "image";

export interface LedgerEntry {
  requestId: string;
  kind: LedgerKind;
  operation: LedgerOperation;
  app: string | null;
  feature: string | null;
  userId: string | null;
  /** The gateway's virtual key the request came with; optional so a sink's tests need not name it. */
  keyId?: string | null;
  /** What the caller asked for: "auto", "fast", "strong" or a concrete model id. */
  modelRequested: string;
  /** The catalog model actually used (null when nothing was tried). */
  modelUsed: string | null;
  /** Provider label of the endpoint ("openrouter", "openai", "local", ...). */
  provider: string | null;
  /** Endpoint id from the catalog (e.g. "local:primary"). */
  endpoint: string | null;
  tier: Tier | null;
  complexityScore: number | null;
  reasons: string[];
  /** 1-based attempt number; on a request row, the number of attempts made. */
  attempt: number;
  /** Candidates in the order they were to be tried, as "model@endpoint". */
  fallbackChain: string[];
  outcome: LedgerOutcome;
  /** A RouterError code when outcome is not "ok". */
  errorCode: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  /** The token kinds priced apart (engine/cost.ts); optional so a sink's tests need not name them. */
  cachedTokens?: number | null;
  cacheWriteTokens?: number | null;
  reasoningTokens?: number | null;
  imageTokens?: number | null;
  audioTokens?: number | null;
  images?: number | null;
  /** Charged: the upstream's own cost when reported, else the catalog's price (on a request row, all attempts). */
  costUsd: number;
  /** The catalog's price of the answer, and the upstream's own usage.cost: their difference is the drift. */
  pricedCostUsd?: number | null;
  upstreamCostUsd?: number | null;
  ttftMs: number | null;
  latencyMs: number;
  idempotencyKey: string | null;
  /** True when the result came from the idempotency store (no upstream call, no charge). */
  replay: boolean;
  createdAt: Date;
}

export interface LedgerSink {
  write(entries: LedgerEntry[]): Promise<void> | void;
}

// ---------------------------------------------------------------------------------------------
// Budgets: USD per UTC day per scope ("app:todo", "feature:ask", "user:u1"). reserve() is
// all-or-nothing across the scopes: in Postgres, one UPDATE ... SET used = used + $estimate
// WHERE day = $day AND scope = ANY($scopes) AND used + $estimate <= limit, inside a transaction
// that rolls back unless every scope row was updated. settle() applies (actual - estimate).
// The reservation carries everything settle needs, so it works across processes. A reservation is
// a hold with an expiry: one never settled (its process died) is given back by releaseExpiredHolds(),
// so a crash never keeps budget held until midnight.
// ---------------------------------------------------------------------------------------------

export interface BudgetScope {
  /** Stable scope key, e.g. "app:todo", "feature:ask", "user:u1". */
  scope: string;
  /** The day's limit for this scope in USD. */
  limitUsd: number;
}

export interface BudgetReservation {
  id: string;
  day: string;
  scopes: string[];
  amountUsd: number;
}

export type ReserveResult =
  | { ok: true; reservation: BudgetReservation }
  | { ok: false; exceeded: { scope: string; limitUsd: number; usedUsd: number } };

export interface ReserveOptions {
  /** How long the hold outlives its request at most: longer than any request may run. */
  holdMs?: number;
}

export interface BudgetStore {
  /** Atomically reserves estimateUsd in every scope for `day` ("YYYY-MM-DD", UTC), or none. */
  reserve(
    scopes: BudgetScope[],
    estimateUsd: number,
    day: string,
    options?: ReserveOptions,
  ): Promise<ReserveResult>;
  /**
   * Replaces the reserved amount with the actual cost (0 when the call failed). A hold that already
   * expired was given back: then only the actual cost is added.
   */
  settle(reservation: BudgetReservation, actualUsd: number): Promise<void>;
  /** USD used (settled + reserved) for one scope on one day. */
  used(scope: string, day: string): Promise<number>;
  /** Gives back every hold past its expiry (its request's process died); returns how many. */
  releaseExpiredHolds(): Promise<number>;
}
