import { date, numeric, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns.ts";

/** A USD-per-day limit for one scope: scope "app" + key "todo", "feature" + "todo:ask", "user" + id. */
export const budgets = pgTable(
  "budgets",
  {
    scope: text("scope").notNull(),
    scopeKey: text("scope_key").notNull(),
    limitUsd: numeric("limit_usd", { precision: 18, scale: 10, mode: "number" }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.scopeKey] })],
);

/**
 * What one scope spent (settled) and holds (reserved for requests in flight) on one UTC day.
 * Reservations are a single conditional UPDATE, so concurrent requests can never overspend.
 */
export const budgetSpend = pgTable(
  "budget_spend",
  {
    scope: text("scope").notNull(),
    scopeKey: text("scope_key").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    spentUsd: numeric("spent_usd", { precision: 18, scale: 10, mode: "number" }).notNull().default(0),
    reservedUsd: numeric("reserved_usd", { precision: 18, scale: 10, mode: "number" }).notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.scopeKey, t.day] })],
);

export type Budget = typeof budgets.$inferSelect;
export type BudgetSpend = typeof budgetSpend.$inferSelect;
