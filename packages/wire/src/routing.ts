// What the router reports about one request (which model and endpoint answered, why, at what cost),
// as a zod schema: the router returns it on every result and error, the fetch face sends it in a
// `switchyard` field, and apps forward it to the browser, which parses it with this schema.
import { z } from "zod";

/** The two tiers "auto" chooses between: the cheap model, or the strong one. */
export const routingTier = z.enum(["fast", "strong"]);
export type Tier = z.infer<typeof routingTier>;

export const routingMeta = z.object({
  requestId: z.string(),
  /** What the caller asked for: "auto", "fast", "strong" or a model id. */
  modelRequested: z.string(),
  modelUsed: z.string().nullable(),
  /** Account label that served it ("OpenRouter", "local provider"). */
  provider: z.string().nullable(),
  endpoint: z.string().nullable(),
  tier: routingTier.nullable(),
  /** The classifier's score, its reasons and its threshold, when "auto" consulted it. */
  score: z.number().nullable(),
  reasons: z.array(z.string()),
  threshold: z.number().nullable(),
  attempts: z.number(),
  /** True when the answer came from another endpoint or model than the first choice. */
  failover: z.boolean(),
  /** The candidates in the order they were to be tried, as "model@endpoint". */
  fallbackChain: z.array(z.string()),
  promptTokens: z.number().nullable(),
  completionTokens: z.number().nullable(),
  /** Of promptTokens, read from the prompt cache (absent: not reported). */
  cachedTokens: z.number().nullable().optional(),
  /** Of completionTokens, spent reasoning (absent: not reported). */
  reasoningTokens: z.number().nullable().optional(),
  /** What was charged: the upstream's own cost when it reported one, else the catalog's price. */
  costUsd: z.number(),
  /** The catalog's price of the answer's usage, each token kind at its own rate. */
  pricedCostUsd: z.number().optional(),
  /** The upstream's own usage.cost; minus pricedCostUsd is the drift. */
  upstreamCostUsd: z.number().nullable().optional(),
  ttftMs: z.number().nullable(),
  latencyMs: z.number(),
  /** True when an idempotency key replayed a stored result (no upstream call, no cost). */
  replay: z.boolean(),
  idempotencyKey: z.string().nullable(),
});
export type RoutingMeta = z.infer<typeof routingMeta>;
