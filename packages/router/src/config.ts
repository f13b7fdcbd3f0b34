// Everything tunable, in one place: the environment (parsed with zod) and the engine's knobs with
// their defaults. createRouter() merges the caller's partial config over these defaults.
import { envVar } from "@switchyard/wire";
import { z } from "zod";

const routerEnvSchema = z.object({
  OPENROUTER_API_KEY: envVar(z.string().min(1).optional()),
  OPENAI_API_KEY: envVar(z.string().min(1).optional()),
  LOCAL_PROVIDER_URL: envVar(z.url().default("http://127.0.0.1:4010")),
  /** Path of a JSON catalog override file. */
  SWITCHYARD_CATALOG: envVar(z.string().min(1).optional()),
  /** pino level for the router's own logger ("info" shows one line per request). */
  SWITCHYARD_LOG_LEVEL: envVar(
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  ),
  /** How long an idempotency key's result is replayed before the purge deletes it (router and apps). */
  SWITCHYARD_IDEMPOTENCY_TTL_HOURS: envVar(z.coerce.number().positive().finite().default(24)),
  /** Minutes between catalog syncs in the apps; 0 = off. Unset: 60 with OPENROUTER_API_KEY, else off. */
  SWITCHYARD_CATALOG_SYNC_MINUTES: envVar(z.coerce.number().min(0).finite().optional()),
  /** The model listing a sync reads (OpenRouter's shape); default OpenRouter's GET /api/v1/models. */
  SWITCHYARD_CATALOG_SYNC_URL: envVar(z.url().optional()),
});
export type RouterEnv = z.infer<typeof routerEnvSchema>;

/** Reads the router's variables from an env object (default process.env); empty strings count as unset. */
export function parseRouterEnv(env: Record<string, string | undefined> = process.env): RouterEnv {
  return routerEnvSchema.parse(env);
}

/** The idempotency keys' time to live in ms, from SWITCHYARD_IDEMPOTENCY_TTL_HOURS (default 24 h). */
export function idempotencyTtlMs(env: Record<string, string | undefined> = process.env): number {
  return parseRouterEnv(env).SWITCHYARD_IDEMPOTENCY_TTL_HOURS * 3_600_000;
}

export interface Timeouts {
  /** TCP/TLS connect. */
  connectMs: number;
  /** Streaming: until the first content token. */
  firstTokenMs: number;
  /** Streaming and bodies: longest silence between chunks. */
  idleMs: number;
  /** Non-streaming: until the response starts arriving (the whole answer is generated first). */
  responseMs: number;
  /** Whole request, all attempts and waits included. */
  totalMs: number;
}

export interface RetryPolicy {
  /** Upstream attempts per request, across all endpoints. */
  maxAttempts: number;
  /** Full-jitter backoff before going round the endpoint list again. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After the router will wait for; longer means fail (or fail over) now. */
  retryAfterCapMs: number;
}

export interface BreakerPolicy {
  /** Consecutive failures that open an endpoint's breaker. */
  failureThreshold: number;
  /** How long a breaker stays open before one probe is let through (doubles on failed probes). */
  openMs: number;
  maxOpenMs: number;
  /** How long a 402 (credits exhausted) blocks every endpoint of that account. */
  creditOpenMs: number;
}

export interface IdempotencyPolicy {
  ttlMs: number;
  /** An unfinished claim older than this may be taken over (its owner is presumed dead). */
  leaseMs: number;
  /** How long a concurrent duplicate waits for the first request's result. */
  waitMs: number;
  pollMinMs: number;
  pollMaxMs: number;
}

export interface CreditPolicy {
  /** Background refresh period; 0 disables the monitor. */
  refreshMs: number;
  /** A `lowBalance` event fires when the remaining balance drops below this. */
  lowBalanceUsd: number;
}

export interface BudgetLimits {
  /** USD per UTC day per app name. */
  app?: Record<string, number>;
  /** USD per UTC day per feature name. */
  feature?: Record<string, number>;
  /** USD per UTC day for every user (number) or per user id. */
  user?: number | Record<string, number>;
  /** Output tokens assumed for the reservation when a request sets no max_tokens. */
  defaultMaxTokens?: number;
}

export interface EnginePolicy {
  timeouts: Timeouts;
  retry: RetryPolicy;
  breaker: BreakerPolicy;
  idempotency: IdempotencyPolicy;
  credits: CreditPolicy;
}

export const defaultPolicy: EnginePolicy = {
  timeouts: { connectMs: 5_000, firstTokenMs: 20_000, idleMs: 30_000, responseMs: 120_000, totalMs: 180_000 },
  retry: { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 4_000, retryAfterCapMs: 10_000 },
  breaker: { failureThreshold: 3, openMs: 5_000, maxOpenMs: 60_000, creditOpenMs: 60_000 },
  idempotency: {
    ttlMs: 24 * 3_600_000,
    leaseMs: 5 * 60_000,
    waitMs: 180_000,
    pollMinMs: 25,
    pollMaxMs: 1_000,
  },
  credits: { refreshMs: 60_000, lowBalanceUsd: 1 },
};

export type PolicyOverrides = { [K in keyof EnginePolicy]?: Partial<EnginePolicy[K]> };

export function mergePolicy(overrides: PolicyOverrides = {}): EnginePolicy {
  return {
    timeouts: { ...defaultPolicy.timeouts, ...overrides.timeouts },
    retry: { ...defaultPolicy.retry, ...overrides.retry },
    breaker: { ...defaultPolicy.breaker, ...overrides.breaker },
    idempotency: { ...defaultPolicy.idempotency, ...overrides.idempotency },
    credits: { ...defaultPolicy.credits, ...overrides.credits },
  };
}
