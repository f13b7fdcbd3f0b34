// Each user's daily budget: the default (SWITCHYARD_USER_DAILY_USD) unless an admin stored the user's
// own limit in `budgets` under the router's scope `user:<id>`; used today is what the router's budget
// store holds for that scope (settled plus reserved), so the page and the 402 agree.
import { budgetSpend, budgets, type Database, users } from "@switchyard/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { utcDay } from "./budgetStatus.ts";

export const userScope = (userId: string) => `user:${userId}`;

export interface UserBudget {
  /** The UTC day the figures are for, YYYY-MM-DD. */
  day: string;
  /** When the day's spend starts again from zero: the next midnight UTC (ISO). */
  resetsAt: string;
  limitUsd: number;
  /** True when an admin set this user's own limit; false: the default. */
  custom: boolean;
  usedTodayUsd: number;
  leftUsd: number;
}

export interface UserBudgetLine extends UserBudget {
  userId: string;
  email: string;
  name: string;
}

/** Users listed on the admin panel at most; the busiest-first order keeps the ones that matter. */
const MAX_LINES = 200;

function budgetOf(row: { limitUsd: number | null; usedUsd: number | null }, defaultUsd: number, now: Date) {
  const { day, to } = utcDay(now);
  const limitUsd = row.limitUsd === null ? defaultUsd : Number(row.limitUsd);
  const usedTodayUsd = Number(row.usedUsd ?? 0);
  return {
    day,
    resetsAt: to.toISOString(),
    limitUsd,
    custom: row.limitUsd !== null,
    usedTodayUsd,
    leftUsd: Math.max(0, limitUsd - usedTodayUsd),
  };
}

const limitColumn = sql<number | null>`${budgets.limitUsd}::float8`.mapWith(Number);
const usedColumn = sql<number | null>`(${budgetSpend.spentUsd} + ${budgetSpend.reservedUsd})::float8`.mapWith(
  Number,
);

/** One user's budget today. */
export async function userBudget(
  db: Database,
  userId: string,
  defaultUsd: number,
  now = new Date(),
): Promise<UserBudget> {
  const scope = userScope(userId);
  const [limit] = await db.select({ limitUsd: limitColumn }).from(budgets).where(eq(budgets.scope, scope));
  const [used] = await db
    .select({ usedUsd: usedColumn })
    .from(budgetSpend)
    .where(and(eq(budgetSpend.scope, scope), eq(budgetSpend.day, utcDay(now).day)));
  return budgetOf({ limitUsd: limit?.limitUsd ?? null, usedUsd: used?.usedUsd ?? null }, defaultUsd, now);
}

/** Every user's budget today, biggest spender first (for the admin panel). */
export async function userBudgetLines(
  db: Database,
  defaultUsd: number,
  now = new Date(),
): Promise<UserBudgetLine[]> {
  const { day } = utcDay(now);
  const scope = sql`'user:' || ${users.id}`;
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      limitUsd: limitColumn,
      usedUsd: usedColumn,
    })
    .from(users)
    .leftJoin(budgets, eq(budgets.scope, scope))
    .leftJoin(budgetSpend, and(eq(budgetSpend.scope, scope), eq(budgetSpend.day, day)))
    .orderBy(sql`${usedColumn} desc nulls last`, asc(users.email))
    .limit(MAX_LINES);
  return rows.map((r) => ({
    userId: r.userId,
    email: r.email,
    name: r.name,
    ...budgetOf(r, defaultUsd, now),
  }));
}

/**
 * Sets a user's own daily limit, or with null returns them to the default. The router's budget store
 * reads it in the next reservation. False when no such user exists.
 */
export async function setUserBudget(db: Database, userId: string, limitUsd: number | null): Promise<boolean> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!user) return false;
  const scope = userScope(userId);
  if (limitUsd === null) {
    await db.delete(budgets).where(eq(budgets.scope, scope));
  } else {
    await db
      .insert(budgets)
      .values({ scope, limitUsd })
      .onConflictDoUpdate({ target: budgets.scope, set: { limitUsd, updatedAt: sql`now()` } });
  }
  return true;
}
