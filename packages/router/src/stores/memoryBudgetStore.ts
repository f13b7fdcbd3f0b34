// In-memory BudgetStore. JavaScript runs reserve() to completion without yielding, so the check
// and the increment are atomic here just as a conditional UPDATE is in Postgres. Holds expire as in
// the Postgres store, so both behave alike when a request never settles.
import { randomUUID } from "node:crypto";
import type { BudgetReservation, BudgetScope, BudgetStore, ReserveOptions, ReserveResult } from "./types.ts";

/** A hold lasts this long unless the caller says otherwise: longer than any request runs. */
export const DEFAULT_HOLD_MS = 15 * 60_000;

export class MemoryBudgetStore implements BudgetStore {
  readonly #used = new Map<string, number>();
  readonly #holds = new Map<string, { reservation: BudgetReservation; expiresAt: number }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  async reserve(
    scopes: BudgetScope[],
    estimateUsd: number,
    day: string,
    options: ReserveOptions = {},
  ): Promise<ReserveResult> {
    for (const { scope, limitUsd } of scopes) {
      const usedUsd = this.#used.get(`${day}|${scope}`) ?? 0;
      if (usedUsd + estimateUsd > limitUsd) return { ok: false, exceeded: { scope, limitUsd, usedUsd } };
    }
    for (const { scope } of scopes) this.#add(day, scope, estimateUsd);
    const reservation = { id: randomUUID(), day, scopes: scopes.map((s) => s.scope), amountUsd: estimateUsd };
    const expiresAt = this.#now() + (options.holdMs ?? DEFAULT_HOLD_MS);
    this.#holds.set(reservation.id, { reservation, expiresAt });
    return { ok: true, reservation };
  }

  async settle(reservation: BudgetReservation, actualUsd: number): Promise<void> {
    const held = this.#holds.delete(reservation.id);
    const delta = actualUsd - (held ? reservation.amountUsd : 0);
    for (const scope of reservation.scopes) this.#add(reservation.day, scope, delta);
  }

  async used(scope: string, day: string): Promise<number> {
    return this.#used.get(`${day}|${scope}`) ?? 0;
  }

  async releaseExpiredHolds(): Promise<number> {
    const now = this.#now();
    let released = 0;
    for (const [id, { reservation, expiresAt }] of this.#holds) {
      if (expiresAt > now) continue;
      this.#holds.delete(id);
      for (const scope of reservation.scopes) this.#add(reservation.day, scope, -reservation.amountUsd);
      released++;
    }
    return released;
  }

  #add(day: string, scope: string, usd: number): void {
    const key = `${day}|${scope}`;
    this.#used.set(key, Math.max(0, (this.#used.get(key) ?? 0) + usd));
  }
}
