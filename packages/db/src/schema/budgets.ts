import { date, numeric, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns.ts";

/** Configured USD-per-day limits. A scope is "app:todo", "feature:ask" or "user:u1", as the router names them. */
export const budgets = pgTable("budgets", {
  scope: text("scope").primaryKey(),
  limitUsd: numeric("limit_usd", { precision: 18, scale: 10, mode: "number" }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * What one scope spent (settled) and holds (reserved for requests in flight) on one UTC day.
 * Reservations are a conditional UPDATE on these rows, so concurrent requests can never overspend.
 */
export const budgetSpend = pgTable(
  "budget_spend",
  {
    scope: text("scope").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    spentUsd: numeric("spent_usd", { precision: 18, scale: 10, mode: "number" }).notNull().default(0),
    reservedUsd: numeric("reserved_usd", { precision: 18, scale: 10, mode: "number" }).notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.day] })],
);

export type Budget = typeof budgets.$inferSelect;
export type BudgetSpend = typeof budgetSpend.$inferSelect;
