// better-auth's request throttling counted in Postgres, so it holds across app processes.
import { consumeRateLimit, type Database } from "@switchyard/db";
import type { BetterAuthRateLimitStorage } from "better-auth";

/**
 * better-auth's `rateLimit.customStorage` on the db package's token bucket. Keys are better-auth's
 * "<ip>|<path>", prefixed so they never meet an app's own.
 */
export function postgresRateLimitStorage(db: Database, prefix = "auth:"): BetterAuthRateLimitStorage {
  return {
    async consume(key, rule) {
      const decision = await consumeRateLimit(db, {
        key: `${prefix}${key}`,
        limit: rule.max,
        windowSeconds: rule.window,
      });
      return { allowed: decision.allowed, retryAfter: decision.allowed ? null : decision.retryAfterSeconds };
    },
  };
}
