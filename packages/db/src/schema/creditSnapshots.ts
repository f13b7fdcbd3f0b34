import { bigint, index, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Credit balance readings (OpenRouter /api/v1/key or the local provider's), for the usage page. */
export const creditSnapshots = pgTable(
  "credit_snapshots",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    account: text("account").notNull(),
    limitRemainingUsd: numeric("limit_remaining_usd", { precision: 18, scale: 10, mode: "number" }),
    usageUsd: numeric("usage_usd", { precision: 18, scale: 10, mode: "number" }),
    readAt: timestamp("read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("credit_snapshots_account_read_idx").on(t.account, t.readAt)],
);

export type CreditSnapshot = typeof creditSnapshots.$inferSelect;
