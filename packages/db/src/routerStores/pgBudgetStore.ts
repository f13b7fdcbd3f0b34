import { randomUUID } from "node:crypto";
import type { BudgetReservation, BudgetScope, BudgetStore, ReserveResult } from "@switchyard/router";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type Database, resultRows } from "../database.ts";
import { budgetSpend, budgets } from "../schema/index.ts";

class BudgetExceeded extends Error {}

/**
 * The router's budget store in Postgres. A reservation locks the day's rows of its scopes in scope order
 * (so two multi-scope reservations cannot deadlock), then adds the estimate with one conditional UPDATE
 * that only touches rows with room left; unless every scope had room, the transaction rolls back.
 * A scope's limit is its row in `budgets` when there is one (what an admin set for a user, say), else the
 * router's configured one: read by that same UPDATE, so no caller can bring its own limit.
 */
export class PgBudgetStore implements BudgetStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async reserve(scopes: BudgetScope[], estimateUsd: number, day: string): Promise<ReserveResult> {
    const unique = [...new Map(scopes.map((s) => [s.scope, s])).values()].sort((a, b) =>
      a.scope < b.scope ? -1 : a.scope > b.scope ? 1 : 0,
    );
    const reservation: BudgetReservation = {
      id: randomUUID(),
      day,
      scopes: unique.map((s) => s.scope),
      amountUsd: estimateUsd,
    };
    if (unique.length === 0) return { ok: true, reservation };

    try {
      await this.#db.transaction(async (tx) => {
        await tx
          .insert(budgetSpend)
          .values(unique.map((s) => ({ scope: s.scope, day })))
          .onConflictDoNothing();
        await tx
          .select({ scope: budgetSpend.scope })
          .from(budgetSpend)
          .where(and(eq(budgetSpend.day, day), inArray(budgetSpend.scope, reservation.scopes)))
          .orderBy(asc(budgetSpend.scope))
          .for("update");
        const limits = sql.join(
          unique.map((s) => sql`(${s.scope}::text, ${s.limitUsd}::numeric)`),
          sql`, `,
        );
        const updated = resultRows<{ scope: string }>(
          await tx.execute(sql`
            update ${budgetSpend} as b
               set reserved_usd = b.reserved_usd + ${estimateUsd}::numeric, updated_at = now()
              from (values ${limits}) as l(scope, limit_usd)
              left join ${budgets} as o on o.scope = l.scope
             where b.scope = l.scope and b.day = ${day}::date
               and b.spent_usd + b.reserved_usd + ${estimateUsd}::numeric <= coalesce(o.limit_usd, l.limit_usd)
         returning b.scope`),
        );
        if (updated.length !== unique.length) throw new BudgetExceeded();
      });
      return { ok: true, reservation };
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      return { ok: false, exceeded: await this.#firstExceeded(unique, estimateUsd, day) };
    }
  }

  async settle(reservation: BudgetReservation, actualUsd: number): Promise<void> {
    if (reservation.scopes.length === 0) return;
    await this.#db
      .update(budgetSpend)
      .set({
        reservedUsd: sql`greatest(${budgetSpend.reservedUsd} - ${reservation.amountUsd}::numeric, 0)`,
        spentUsd: sql`${budgetSpend.spentUsd} + ${actualUsd}::numeric`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(budgetSpend.day, reservation.day), inArray(budgetSpend.scope, reservation.scopes)));
  }

  async used(scope: string, day: string): Promise<number> {
    const [row] = await this.#db
      .select({ used: sql<string>`${budgetSpend.spentUsd} + ${budgetSpend.reservedUsd}` })
      .from(budgetSpend)
      .where(and(eq(budgetSpend.scope, scope), eq(budgetSpend.day, day)));
    return row ? Number(row.used) : 0;
  }

  async #firstExceeded(scopes: BudgetScope[], estimateUsd: number, day: string) {
    const stored = await this.#db
      .select({ scope: budgets.scope, limitUsd: budgets.limitUsd })
      .from(budgets)
      .where(
        inArray(
          budgets.scope,
          scopes.map((s) => s.scope),
        ),
      );
    const limitOf = new Map(stored.map((row) => [row.scope, Number(row.limitUsd)]));
    const usage = await Promise.all(
      scopes.map(async (s) => ({
        scope: s.scope,
        limitUsd: limitOf.get(s.scope) ?? s.limitUsd,
        usedUsd: await this.used(s.scope, day),
      })),
    );
    const over = usage.find((s) => s.usedUsd + estimateUsd > s.limitUsd) ?? usage[0]!;
    return { scope: over.scope, limitUsd: over.limitUsd, usedUsd: over.usedUsd };
  }
}
