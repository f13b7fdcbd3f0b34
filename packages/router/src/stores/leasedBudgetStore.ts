// A budget store that reserves in leases: one reservation in the shared store for many requests, spent
// here without a round trip, so a busy process writes its budget rows a few times a second instead of
// twice per request. The cap still holds across processes, because every lease is itself a reservation
// the shared store made atomically: a process can only spend what it holds.
//
// A lease grows while requests use it up within its lifetime (doubling, as TCP's slow start) and never
// past LEASE_SHARE of a scope's cap; a request dearer than that reserves exactly its own estimate, so a
// small cap behaves as it did per request. A lease takes new requests for LEASE_MS, and is settled with
// what its requests really cost once the last one ends: what it held and did not spend goes back.
// A process that dies holding a lease loses the record of what it spent in it (at most one lease: the
// ledger still has each call) when the store gives the hold back.
import { randomUUID } from "node:crypto";
import { utcDay } from "../engine/budget.ts";
import type { BudgetReservation, BudgetScope, BudgetStore, ReserveOptions, ReserveResult } from "./types.ts";

/** A request's hold when the caller names none, as the shared stores have it. */
const DEFAULT_HOLD_MS = 15 * 60_000;
/** How long a lease takes new requests. */
export const LEASE_MS = 1000;
/** How far into its time a lease in use is followed by the next. */
const RENEW_AT = 0.8;
/** The most of a scope's cap one lease may hold, so several processes can still share a nearly spent cap. */
export const LEASE_SHARE = 1 / 20;

/** What a lease is taken for: one set of scopes on one day, a request's estimate and hold. */
interface LeaseAsk {
  key: string;
  scopes: BudgetScope[];
  estimateUsd: number;
  day: string;
  holdMs: number;
}

interface Lease {
  /** What it was taken for; its estimate is the last request's, which a lease taken ahead must fit. */
  ask: LeaseAsk;
  /** The shared store's reservation behind the lease. */
  inner: BudgetReservation;
  openUntil: number;
  /** The latest a request's own hold may end for the lease's hold to cover it. */
  holdUntil: number;
  /** Estimates of the requests in flight, and what the finished ones cost. */
  heldUsd: number;
  spentUsd: number;
  /** Estimates taken over the lease's life: the next lease's size. */
  servedUsd: number;
  inFlight: number;
  closed: boolean;
}

export class LeasedBudgetStore implements BudgetStore {
  readonly #inner: BudgetStore;
  readonly #now: () => number;
  /** The open lease of each set of scopes and day. */
  readonly #open = new Map<string, Lease>();
  /** A lease being taken, per set of scopes and day: the requests that find none wait for it. */
  readonly #taking = new Map<string, Promise<ReserveResult>>();
  /** The size the next lease of each set of scopes asks for. */
  readonly #nextUsd = new Map<string, number>();
  /** When each set of scopes last had a request. */
  readonly #lastUsed = new Map<string, number>();
  /** The lease behind each request's reservation, until it is settled. */
  readonly #byReservation = new Map<string, Lease>();
  readonly #settling = new Set<Promise<void>>();

  constructor(inner: BudgetStore, now: () => number = Date.now) {
    this.#inner = inner;
    this.#now = now;
  }

  async reserve(
    scopes: BudgetScope[],
    estimateUsd: number,
    day: string,
    options: ReserveOptions = {},
  ): Promise<ReserveResult> {
    const key = `${day}|${scopes.map((s) => `${s.scope}=${s.limitUsd}`).join("|")}`;
    const holdMs = options.holdMs ?? DEFAULT_HOLD_MS;
    for (;;) {
      const lease = this.#usable(key, estimateUsd);
      // A request that may outlive the lease's hold (a longer deadline than the one it was taken for)
      // reserves on its own.
      if (lease && this.#now() + holdMs > lease.holdUntil)
        return this.#inner.reserve(scopes, estimateUsd, day, options);
      if (lease) return { ok: true, reservation: this.#take(lease, estimateUsd) };
      const taking = this.#taking.get(key);
      const result = await (taking ?? this.#renew({ key, scopes, estimateUsd, day, holdMs }));
      if (!result.ok && !taking) return result;
    }
  }

  async settle(reservation: BudgetReservation, actualUsd: number): Promise<void> {
    const lease = this.#byReservation.get(reservation.id);
    if (!lease) return this.#inner.settle(reservation, actualUsd);
    this.#byReservation.delete(reservation.id);
    lease.heldUsd -= reservation.amountUsd;
    lease.spentUsd += actualUsd;
    lease.inFlight--;
    if (lease.closed && lease.inFlight === 0) void this.#settleLease(lease);
  }

  used(scope: string, day: string): Promise<number> {
    return this.#inner.used(scope, day);
  }

  releaseExpiredHolds(): Promise<number> {
    return this.#inner.releaseExpiredHolds();
  }

  /** Closes every open lease and waits until those with no request in flight are settled (shutdown, tests). */
  async flush(): Promise<void> {
    for (const lease of this.#open.values()) this.#close(lease);
    while (this.#settling.size > 0) await Promise.all(this.#settling);
  }

  #usable(key: string, estimateUsd: number): Lease | null {
    const lease = this.#open.get(key);
    if (!lease) return null;
    if (this.#now() < lease.openUntil && room(lease) >= estimateUsd) return lease;
    this.#close(lease);
    return null;
  }

  #take(lease: Lease, estimateUsd: number): BudgetReservation {
    const { key, day, scopes } = lease.ask;
    const reservation = { id: randomUUID(), day, scopes: scopes.map((s) => s.scope), amountUsd: estimateUsd };
    lease.heldUsd += estimateUsd;
    lease.servedUsd += estimateUsd;
    lease.ask.estimateUsd = estimateUsd;
    this.#lastUsed.set(key, this.#now());
    lease.inFlight++;
    this.#byReservation.set(reservation.id, lease);
    // Full (another request like this one would not fit) within its time: the next one is twice the size.
    if (room(lease) < estimateUsd) {
      this.#nextUsd.set(key, lease.servedUsd * 2);
      this.#close(lease);
      this.#renewAhead(lease);
    }
    return reservation;
  }

  /** Takes the next lease, once at a time per key: requests that find none meanwhile wait for it. */
  #renew(ask: LeaseAsk): Promise<ReserveResult> {
    const taking = this.#lease(ask).finally(() => this.#taking.delete(ask.key));
    this.#taking.set(ask.key, taking);
    return taking;
  }

  /** Reserves the next lease in the shared store; near the cap, just this request's estimate. */
  async #lease(ask: LeaseAsk): Promise<ReserveResult> {
    const { key, scopes, estimateUsd, day, holdMs } = ask;
    const wanted = Math.max(estimateUsd, Math.min(this.#nextUsd.get(key) ?? estimateUsd, leaseCap(scopes)));
    const leaseHoldMs = holdMs + LEASE_MS;
    let result = await this.#inner.reserve(scopes, wanted, day, { holdMs: leaseHoldMs });
    if (!result.ok && wanted > estimateUsd) {
      this.#nextUsd.delete(key);
      result = await this.#inner.reserve(scopes, estimateUsd, day, { holdMs: leaseHoldMs });
    }
    if (!result.ok) return result;
    const now = this.#now();
    const lease: Lease = {
      ask: { ...ask },
      inner: result.reservation,
      openUntil: now + LEASE_MS,
      holdUntil: now + leaseHoldMs,
      heldUsd: 0,
      spentUsd: 0,
      servedUsd: 0,
      inFlight: 0,
      closed: false,
    };
    // The lease it replaces (one renewed ahead of its time) takes no more requests.
    const previous = this.#open.get(key);
    if (previous) this.#close(previous);
    this.#open.set(key, lease);
    setTimeout(() => this.#renewOrExpire(lease), LEASE_MS * RENEW_AT).unref();
    return result;
  }

  /**
   * Near the end of a lease's time: a caller seen within the last two leases' time gets the next one
   * now, while this one still serves (a steady caller a second apart would otherwise always find its
   * lease just gone), sized by what this one served. An idle one's is not renewed and it closes on time.
   */
  #renewOrExpire(lease: Lease): void {
    if (lease.closed) return;
    // Closed on time even if the renewal fails or no request comes to find it too old.
    setTimeout(() => this.#close(lease), Math.max(0, lease.openUntil - this.#now())).unref();
    const { key } = lease.ask;
    if (this.#now() - (this.#lastUsed.get(key) ?? 0) > 2 * LEASE_MS) {
      this.#nextUsd.delete(key);
      this.#lastUsed.delete(key);
      return;
    }
    this.#nextUsd.set(key, lease.servedUsd / RENEW_AT);
    this.#renewAhead(lease);
  }

  /**
   * The next lease, taken before the requests that will need it arrive. Only for a true
   * lease (within a share of the cap): a request-sized one ahead would keep a small cap from others.
   */
  #renewAhead(lease: Lease): void {
    const { ask } = lease;
    const today = utcDay(new Date(this.#now()));
    if (lease.inner.amountUsd > leaseCap(ask.scopes) || ask.day !== today || this.#taking.has(ask.key))
      return;
    void this.#renew({ ...ask }).catch(() => undefined);
  }

  #close(lease: Lease): void {
    if (lease.closed) return;
    lease.closed = true;
    if (this.#open.get(lease.ask.key) === lease) this.#open.delete(lease.ask.key);
    if (lease.inFlight === 0) void this.#settleLease(lease);
  }

  /** A failed settle is not the request's failure: the lease's hold expires and the store gives it back. */
  #settleLease(lease: Lease): Promise<void> {
    const settling = this.#inner
      .settle(lease.inner, lease.spentUsd)
      .catch(() => undefined)
      .finally(() => this.#settling.delete(settling));
    this.#settling.add(settling);
    return settling;
  }
}

/** The most one lease of these scopes may hold: a share of the smallest cap. */
const leaseCap = (scopes: BudgetScope[]) => Math.min(...scopes.map((s) => s.limitUsd)) * LEASE_SHARE;

const room = (lease: Lease) => lease.inner.amountUsd - lease.heldUsd - lease.spentUsd;
