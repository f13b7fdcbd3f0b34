export {
  consumeRateLimit,
  purgeRateLimits,
  type RateLimitDecision,
  type RateLimitRule,
  rateLimitRuleSchema,
} from "./consumeRateLimit.ts";
