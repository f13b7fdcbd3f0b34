// The Postgres rate limiter every process on the database shares (see consumeRateLimit.ts).
export {
  chargeRateLimit,
  consumeRateLimit,
  purgeRateLimits,
  type RateLimitDecision,
  type RateLimitRule,
  rateLimitRuleSchema,
} from "./consumeRateLimit.ts";
