// Closed -> open (after N consecutive failures, or at once for a 429 with Retry-After) -> half-open
// (after the open period one probe is let through) -> closed on the probe's success, or open again
// for twice as long on its failure. While open, the endpoint is skipped without a network call.
import type { BreakerPolicy } from "../config.ts";

const maxTrustedOpenMs = 15 * 60_000;

export type BreakerStateName = "closed" | "open" | "half_open";

export class CircuitBreaker {
  state: BreakerStateName = "closed";
  consecutiveFailures = 0;
  reopensAt = 0;
  #openMs: number;
  #probeInFlight = false;
  readonly #policy: BreakerPolicy;
  readonly #onChange: ((state: BreakerStateName) => void) | undefined;

  constructor(policy: BreakerPolicy, onChange?: (state: BreakerStateName) => void) {
    this.#policy = policy;
    this.#openMs = policy.openMs;
    this.#onChange = onChange;
  }

  /** Whether a request may go now. In half-open, only the first caller gets the probe. */
  tryAcquire(now: number): boolean {
    if (this.state === "closed") return true;
    if (this.state === "open") {
      if (now < this.reopensAt) return false;
      this.#set("half_open");
    }
    if (this.#probeInFlight) return false;
    this.#probeInFlight = true;
    return true;
  }

  /** Whether the breaker would let a request through now (no side effects). */
  isAvailable(now: number): boolean {
    if (this.state === "closed") return true;
    if (this.state === "open") return now >= this.reopensAt;
    return !this.#probeInFlight;
  }

  onSuccess(): void {
    this.consecutiveFailures = 0;
    this.#probeInFlight = false;
    this.#openMs = this.#policy.openMs;
    if (this.state !== "closed") this.#set("closed");
  }

  // #region breaker-failure
  /** A failure; `openForMs` (from Retry-After or a 402) opens the breaker at once. */
  onFailure(now: number, openForMs?: number): void {
    this.consecutiveFailures++;
    const wasProbe = this.state === "half_open";
    this.#probeInFlight = false;
    if (openForMs !== undefined) {
      // The upstream said when to come back (Retry-After, 402): believe it, within reason.
      this.#open(now, Math.min(openForMs, maxTrustedOpenMs));
    } else if (wasProbe) {
      this.#openMs = Math.min(this.#openMs * 2, this.#policy.maxOpenMs);
      this.#open(now, this.#openMs);
    } else if (this.consecutiveFailures >= this.#policy.failureThreshold) {
      this.#open(now, this.#openMs);
    }
  }
  // #endregion

  /** A probe that ended without a verdict (caller aborted): let the next caller probe. */
  onAbandon(): void {
    this.#probeInFlight = false;
  }

  #open(now: number, forMs: number): void {
    this.reopensAt = Math.max(this.reopensAt, now + forMs);
    if (this.state !== "open") this.#set("open");
  }

  #set(state: BreakerStateName): void {
    this.state = state;
    this.#onChange?.(state);
  }
}
