// The router's budget store with months: a virtual key's monthly scope ("vkey:<id>:month") is kept on
// the row of the month's first day, its daily scope on today's. Both reservations go through the same
// atomic store; when the second is refused the first is given back, so neither cap is ever passed.
import type {
  BudgetReservation,
  BudgetScope,
  BudgetStore,
  ReserveOptions,
  ReserveResult,
} from "@switchyard/router";

export const MONTH_SCOPE_SUFFIX = ":month";

const isMonthly = (scope: string) => scope.endsWith(MONTH_SCOPE_SUFFIX);
/** "2026-12-03" -> "2026-12-01". */
export const monthOf = (day: string) => `${day.slice(0, 7)}-01`;

export class KeyBudgetStore implements BudgetStore {
  readonly #inner: BudgetStore;
  /** The month's reservation behind each combined one, until it is settled (same process: the engine's). */
  readonly #monthly = new Map<string, BudgetReservation>();

  constructor(inner: BudgetStore) {
    this.#inner = inner;
  }

  async reserve(
    scopes: BudgetScope[],
    estimateUsd: number,
    day: string,
    options?: ReserveOptions,
  ): Promise<ReserveResult> {
    const monthly = scopes.filter((s) => isMonthly(s.scope));
    if (monthly.length === 0) return this.#inner.reserve(scopes, estimateUsd, day, options);
    const daily = scopes.filter((s) => !isMonthly(s.scope));
    const today = await this.#inner.reserve(daily, estimateUsd, day, options);
    if (!today.ok) return today;
    const month = await this.#inner.reserve(monthly, estimateUsd, monthOf(day), options);
    if (!month.ok) {
      await this.#inner.settle(today.reservation, 0);
      return month;
    }
    this.#monthly.set(today.reservation.id, month.reservation);
    return {
      ok: true,
      reservation: {
        ...today.reservation,
        scopes: [...today.reservation.scopes, ...month.reservation.scopes],
      },
    };
  }

  async settle(reservation: BudgetReservation, actualUsd: number): Promise<void> {
    const month = this.#monthly.get(reservation.id);
    this.#monthly.delete(reservation.id);
    const daily = { ...reservation, scopes: reservation.scopes.filter((s) => !isMonthly(s)) };
    await this.#inner.settle(daily, actualUsd);
    if (month) await this.#inner.settle(month, actualUsd);
  }

  used(scope: string, day: string): Promise<number> {
    return this.#inner.used(scope, isMonthly(scope) ? monthOf(day) : day);
  }

  releaseExpiredHolds(): Promise<number> {
    return this.#inner.releaseExpiredHolds();
  }
}
