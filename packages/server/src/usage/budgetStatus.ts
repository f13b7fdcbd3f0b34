// Budgets per app and feature with what each spent today (UTC), from the ledger. Scopes with a limit
// in the `budgets` table are listed even when idle; apps and features without one are listed when they
// spent something today.
import { budgets, type Database, llmCalls } from "@switchyard/db";
import { and, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import { num } from "./ledgerSql.ts";

export interface BudgetLine {
  /** "app:todo", "feature:ask", "user:u1", as the router names scopes. */
  scope: string;
  kind: string;
  name: string;
  limitUsd: number | null;
  spentTodayUsd: number;
  /** spent / limit, or null without a limit. */
  used: number | null;
}

export interface BudgetStatus {
  /** The UTC day the spend is for, YYYY-MM-DD. */
  day: string;
  lines: BudgetLine[];
}

export function utcDay(now: Date): { day: string; from: Date; to: Date } {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { day: from.toISOString().slice(0, 10), from, to: new Date(from.getTime() + 86_400_000) };
}

const SCOPE_COLUMNS = { app: llmCalls.app, feature: llmCalls.feature, user: llmCalls.userId } as const;
type ScopeKind = keyof typeof SCOPE_COLUMNS;

/**
 * `configured`: limits set in code or the environment (e.g. `{ "app:todo": 20 }`), listed like rows of
 * the `budgets` table; a row in the table for the same scope wins, as it does in the router's store.
 */
export async function budgetStatus(
  db: Database,
  now: Date = new Date(),
  configured: Record<string, number> = {},
): Promise<BudgetStatus> {
  const { day, from, to } = utcDay(now);
  const today = and(eq(llmCalls.kind, "request"), gte(llmCalls.createdAt, from), lt(llmCalls.createdAt, to));
  const spendBy = (kind: ScopeKind) =>
    db
      .select({
        scope: sql<string>`${`${kind}:`} || ${SCOPE_COLUMNS[kind]}`,
        spent: num(sql`sum(${llmCalls.costUsd})`),
      })
      .from(llmCalls)
      .where(and(today, isNotNull(SCOPE_COLUMNS[kind])))
      .groupBy(sql`1`);
  const [limits, apps, features, users] = await Promise.all([
    db.select({ scope: budgets.scope, limitUsd: budgets.limitUsd }).from(budgets),
    spendBy("app"),
    spendBy("feature"),
    spendBy("user"),
  ]);
  const spent = new Map([...apps, ...features, ...users].map((r) => [r.scope, r.spent]));
  const limitOf = new Map([
    ...Object.entries(configured),
    ...limits.map((l): [string, number] => [l.scope, Number(l.limitUsd)]),
  ]);
  // Users without a limit are left out: one line per user would drown the page.
  const scopes = new Set([...limitOf.keys(), ...apps.map((a) => a.scope), ...features.map((f) => f.scope)]);
  const lines = [...scopes].map((scope): BudgetLine => {
    const [kind = "", ...rest] = scope.split(":");
    const limitUsd = limitOf.get(scope) ?? null;
    const spentTodayUsd = spent.get(scope) ?? 0;
    return {
      scope,
      kind,
      name: rest.join(":"),
      limitUsd,
      spentTodayUsd,
      used: limitUsd && limitUsd > 0 ? spentTodayUsd / limitUsd : null,
    };
  });
  lines.sort(
    (a, b) =>
      a.kind.localeCompare(b.kind) || b.spentTodayUsd - a.spentTodayUsd || a.name.localeCompare(b.name),
  );
  return { day, lines };
}
