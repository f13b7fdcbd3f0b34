// In-memory BudgetStore. JavaScript runs reserve() to completion without yielding, so the check
// and the increment are atomic here just as a conditional UPDATE is in Postgres.
import { randomUUID } from "node:crypto";
import type { BudgetReservation, BudgetScope, BudgetStore, ReserveResult } from "./types.ts";

export class MemoryBudgetStore implements BudgetStore {
  readonly #used = new Map<string, number>();

  async reserve(scopes: BudgetScope[], estimateUsd: number, day: string): Promise<ReserveResult> {
    for (const { scope, limitUsd } of scopes) {
      const usedUsd = this.#used.get(`${day}|${scope}`) ?? 0;
      if (usedUsd + estimateUsd > limitUsd) return { ok: false, exceeded: { scope, limitUsd, usedUsd } };
    }
    for (const { scope } of scopes) this.#add(day, scope, estimateUsd);
    return {
      ok: true,
      reservation: { id: randomUUID(), day, scopes: scopes.map((s) => s.scope), amountUsd: estimateUsd },
    };
  }

  async settle(reservation: BudgetReservation, actualUsd: number): Promise<void> {
    const delta = actualUsd - reservation.amountUsd;
    for (const scope of reservation.scopes) this.#add(reservation.day, scope, delta);
  }

  async used(scope: string, day: string): Promise<number> {
    return this.#used.get(`${day}|${scope}`) ?? 0;
  }

  #add(day: string, scope: string, usd: number): void {
    const key = `${day}|${scope}`;
    this.#used.set(key, Math.max(0, (this.#used.get(key) ?? 0) + usd));
  }
}
