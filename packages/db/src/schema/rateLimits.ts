// Rate limits shared by every process on the database: one row per key, a token bucket kept as GCRA's
// single timestamp (see src/rateLimits/consumeRateLimit.ts).
import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const rateLimits = pgTable(
  "rate_limits",
  {
    /** Whose limit: "user:<id>:images", "ip:203.0.113.7:sign-in", "auth:<better-auth key>". */
    key: text("key").primaryKey(),
    /**
     * When the bucket is full again, every earlier request paid back. A row whose moment has passed says
     * nothing a missing row would not, so `purgeRateLimits` deletes it.
     */
    fullAt: timestamp("full_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("rate_limits_full_at_idx").on(t.fullAt)],
);

export type RateLimitRow = typeof rateLimits.$inferSelect;
