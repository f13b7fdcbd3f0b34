import { date, index, numeric, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
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

/**
 * One reservation held for a request in flight, also counted in budget_spend.reserved_usd. Settling
 * deletes it; a hold past expires_at belongs to a request whose process died, and releasing it gives
 * its amount back, so a crash never keeps budget held until midnight.
 */
export const budgetHolds = pgTable(
  "budget_holds",
  {
    id: uuid("id").primaryKey(),
    day: date("day", { mode: "string" }).notNull(),
    scopes: text("scopes").array().notNull(),
    amountUsd: numeric("amount_usd", { precision: 18, scale: 10, mode: "number" }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("budget_holds_expires_at_idx").on(t.expiresAt)],
);

export type Budget = typeof budgets.$inferSelect;
export type BudgetSpend = typeof budgetSpend.$inferSelect;
export type BudgetHold = typeof budgetHolds.$inferSelect;
