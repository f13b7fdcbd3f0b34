// The throttle of an endpoint: a bucket of request tokens refilled continuously over time.
import type { Throttle } from "./faultProfile.ts";

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly config: Throttle,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = config.capacity;
    this.updatedAt = now();
  }

  /** Takes one token; when none is left returns the seconds until one will be (for Retry-After). */
  take(): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    const refill = ((now - this.updatedAt) / 1000) * this.config.refillPerSecond;
    this.tokens = Math.min(this.config.capacity, this.tokens + refill);
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: this.config.retryAfterSeconds };
  }
}
