// The router's budget store in Postgres: reservations as conditional UPDATEs on the day's rows, each one
// also a row in budget_holds with an expiry, so a hold whose process died can be given back.
import { randomUUID } from "node:crypto";
import type {
  BudgetReservation,
  BudgetScope,
  BudgetStore,
  ReserveOptions,
  ReserveResult,
} from "@switchyard/router";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { type Database, resultRows } from "../database.ts";
import { budgetHolds, budgetSpend, budgets } from "../schema/index.ts";

class BudgetExceeded extends Error {}

/** A hold lasts this long unless the caller says: longer than any request runs (the router passes its own). */
export const DEFAULT_HOLD_MS = 15 * 60_000;

export interface PgBudgetStoreOptions {
  /** The clock for hold expiries; tests move it forward. */
  now?: () => Date;
}

/**
 * The router's budget store in Postgres. A reservation locks the day's rows of its scopes in scope order
 * (so two multi-scope reservations cannot deadlock), then adds the estimate with one conditional UPDATE
 * that only touches rows with room left; unless every scope had room, the transaction rolls back.
 * A scope's limit is its row in `budgets` when there is one (what an admin set for a user, say), else the
 * router's configured one: read by that same UPDATE, so no caller can bring its own limit.
 * Each reservation is also a row in budget_holds, written in the same transaction, that settle() deletes;
 * releaseExpiredHolds() gives back the ones nobody settled in time (their process died).
 */
export class PgBudgetStore implements BudgetStore {
  readonly #db: Database;
  readonly #now: () => Date;

  constructor(db: Database, options: PgBudgetStoreOptions = {}) {
    this.#db = db;
    this.#now = options.now ?? (() => new Date());
  }

  async reserve(
    scopes: BudgetScope[],
    estimateUsd: number,
    day: string,
    options: ReserveOptions = {},
  ): Promise<ReserveResult> {
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
        await tx.insert(budgetHolds).values({
          id: reservation.id,
          day,
          scopes: reservation.scopes,
          amountUsd: estimateUsd,
          expiresAt: new Date(this.#now().getTime() + (options.holdMs ?? DEFAULT_HOLD_MS)),
        });
      });
      return { ok: true, reservation };
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      return { ok: false, exceeded: await this.#firstExceeded(unique, estimateUsd, day) };
    }
  }

  async settle(reservation: BudgetReservation, actualUsd: number): Promise<void> {
    if (reservation.scopes.length === 0) return;
    await this.#db.transaction(async (tx) => {
      // A hold already given back (it expired first) is no longer in reserved_usd: only the cost is added.
      const held = await tx
        .delete(budgetHolds)
        .where(eq(budgetHolds.id, reservation.id))
        .returning({ id: budgetHolds.id });
      const reserved = held.length > 0 ? reservation.amountUsd : 0;
      await tx
        .update(budgetSpend)
        .set({
          reservedUsd: sql`greatest(${budgetSpend.reservedUsd} - ${reserved}::numeric, 0)`,
          spentUsd: sql`${budgetSpend.spentUsd} + ${actualUsd}::numeric`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(budgetSpend.day, reservation.day), inArray(budgetSpend.scope, reservation.scopes)));
    });
  }

  async releaseExpiredHolds(): Promise<number> {
    return this.#db.transaction(async (tx) => {
      const expired = await tx
        .delete(budgetHolds)
        .where(lte(budgetHolds.expiresAt, this.#now()))
        .returning({ day: budgetHolds.day, scopes: budgetHolds.scopes, amountUsd: budgetHolds.amountUsd });
      const owed = new Map<string, { day: string; scope: string; usd: number }>();
      for (const hold of expired) {
        for (const scope of hold.scopes) {
          const key = `${hold.day}|${scope}`;
          const entry = owed.get(key) ?? { day: hold.day, scope, usd: 0 };
          entry.usd += Number(hold.amountUsd);
          owed.set(key, entry);
        }
      }
      // In scope order, as reserve() locks them, so the two can never deadlock.
      for (const { day, scope, usd } of [...owed.values()].sort((a, b) => (a.scope < b.scope ? -1 : 1))) {
        await tx
          .update(budgetSpend)
          .set({
            reservedUsd: sql`greatest(${budgetSpend.reservedUsd} - ${usd}::numeric, 0)`,
            updatedAt: sql`now()`,
          })
          .where(and(eq(budgetSpend.day, day), eq(budgetSpend.scope, scope)));
      }
      return expired.length;
    });
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
