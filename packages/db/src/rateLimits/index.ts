// The Postgres rate limiter every process on the database shares (see consumeRateLimit.ts).
export {
  chargeRateLimit,
  consumeRateLimit,
  purgeRateLimits,
  type RateLimitDecision,
  type RateLimitRule,
  rateLimitRuleSchema,
  refundRateLimit,
} from "./consumeRateLimit.ts";
