import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  real,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

export const LLM_CALL_KINDS = ["request", "attempt"] as const;
export const LLM_CALL_OPERATIONS = ["chat", "stream", "embed", "image"] as const;
export const LLM_CALL_OUTCOMES = ["ok", "error", "skipped", "client_closed", "invalid_output"] as const;

/**
 * The router's ledger. One `request` row per caller request (its final outcome, total cost and latency)
 * and one `attempt` row per upstream try, joined by `request_id`. Metadata only: no prompt text.
 */
export const llmCalls = pgTable(
  "llm_calls",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: text("request_id").notNull(),
    kind: text("kind", { enum: LLM_CALL_KINDS }).notNull(),
    operation: text("operation", { enum: LLM_CALL_OPERATIONS }),
    app: text("app"),
    feature: text("feature"),
    userId: text("user_id"),
    /** The gateway's virtual key (gateway_keys.id) the request came with; null outside the gateway. */
    keyId: text("key_id"),
    modelRequested: text("model_requested").notNull(),
    modelUsed: text("model_used"),
    provider: text("provider"),
    endpoint: text("endpoint"),
    tier: text("tier"),
    complexityScore: real("complexity_score"),
    /** The classifier's top reasons for the score. */
    reasons: jsonb("reasons").$type<string[]>(),
    /** 1-based on attempt rows; on the request row, how many attempts were made. */
    attempt: integer("attempt").notNull().default(1),
    fallbackChain: jsonb("fallback_chain").$type<string[]>(),
    outcome: text("outcome", { enum: LLM_CALL_OUTCOMES }).notNull(),
    errorCode: text("error_code"),
    promptTokens: integer("prompt_tokens"),
    completionTokens: integer("completion_tokens"),
    /** Of prompt_tokens, read from the provider's prompt cache (prompt_tokens_details.cached_tokens). */
    cachedTokens: integer("cached_tokens"),
    /** Of prompt_tokens, written to the prompt cache (prompt_tokens_details.cache_write_tokens). */
    cacheWriteTokens: integer("cache_write_tokens"),
    /** Of completion_tokens, spent reasoning (completion_tokens_details.reasoning_tokens). */
    reasoningTokens: integer("reasoning_tokens"),
    /** Of prompt_tokens, image and audio input (prompt_tokens_details.image_tokens / audio_tokens). */
    imageTokens: integer("image_tokens"),
    audioTokens: integer("audio_tokens"),
    /** Images an image call returned (each priced per image). */
    images: integer("images"),
    /** What the router charged: the upstream's own figure when it reports one, else priced_cost_usd. */
    costUsd: numeric("cost_usd", { precision: 18, scale: 10, mode: "number" }).notNull().default(0),
    /** The catalog's price of the tokens, each kind at its own rate. */
    pricedCostUsd: numeric("priced_cost_usd", { precision: 18, scale: 10, mode: "number" }),
    /** The upstream's usage.cost (OpenRouter reports one); minus priced_cost_usd is the drift. */
    upstreamCostUsd: numeric("upstream_cost_usd", { precision: 18, scale: 10, mode: "number" }),
    ttftMs: real("ttft_ms"),
    latencyMs: real("latency_ms"),
    idempotencyKey: text("idempotency_key"),
    replay: boolean("replay").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("llm_calls_created_idx").on(t.createdAt),
    index("llm_calls_app_feature_created_idx").on(t.app, t.feature, t.createdAt),
    index("llm_calls_model_created_idx").on(t.modelUsed, t.createdAt),
    index("llm_calls_endpoint_created_idx").on(t.endpoint, t.createdAt),
    index("llm_calls_request_idx").on(t.requestId),
    index("llm_calls_key_created_idx").on(t.keyId, t.createdAt),
    index("llm_calls_requests_created_idx").on(t.createdAt).where(sql`${t.kind} = 'request'`),
  ],
);

export type LlmCall = typeof llmCalls.$inferSelect;
export type NewLlmCall = typeof llmCalls.$inferInsert;
