// The live state of one named endpoint: its current faults (changed at run time by the control API),
// its seeded random generator, its throttle bucket and the credit it has spent.
import type { FaultProfile } from "./faultProfile.ts";
import { ProviderError } from "./providerError.ts";
import type { EndpointSpec } from "./providerProfiles.ts";
import { hashString, seededRandom } from "./seededRandom.ts";
import { TokenBucket } from "./tokenBucket.ts";

export class EndpointState {
  faults!: FaultProfile;
  spent = 0;
  private random!: () => number;
  private bucket: TokenBucket | undefined;

  constructor(
    readonly name: string,
    readonly spec: EndpointSpec,
    private readonly seed: number,
  ) {
    this.reset();
  }

  reset() {
    this.faults = structuredClone(this.spec.faults);
    this.spent = 0;
    this.random = seededRandom(hashString(this.name, this.seed));
    this.bucket = this.faults.throttle ? new TokenBucket(this.faults.throttle) : undefined;
  }

  setFaults(patch: Partial<FaultProfile>) {
    this.faults = { ...this.faults, ...patch };
    if ("throttle" in patch)
      this.bucket = this.faults.throttle ? new TokenBucket(this.faults.throttle) : undefined;
  }

  get provider() {
    return this.spec.provider;
  }

  get creditRemaining(): number | null {
    return this.faults.creditLimit === null ? null : Math.max(0, this.faults.creditLimit - this.spent);
  }

  /** A latency with the profile's jitter applied (Infinity stays Infinity). */
  jittered(ms: number): number {
    if (!Number.isFinite(ms) || ms === 0 || this.faults.jitter === 0) return ms;
    return Math.max(0, ms * (1 + (this.random() * 2 - 1) * this.faults.jitter));
  }

  /**
   * The faults a generation request meets before any work, in OpenRouter's order: credit (402),
   * then rate limit (429), then the provider's own failures (injected 429/5xx).
   */
  admit(metadata: Record<string, unknown>) {
    const remaining = this.creditRemaining;
    if (remaining !== null && remaining <= 0) {
      throw new ProviderError(
        402,
        "insufficient_credits",
        "This endpoint's credit is exhausted; add credits and retry.",
        {
          ...metadata,
          limit: this.faults.creditLimit,
          usage: this.spent,
        },
      );
    }
    const taken = this.bucket?.take();
    if (taken && !taken.ok) {
      throw new ProviderError(
        429,
        "rate_limited",
        `Rate limited by ${this.provider}: the endpoint's request budget is used up; retry after ${taken.retryAfterSeconds} s.`,
        { ...metadata, retry_after_seconds: taken.retryAfterSeconds },
        { "retry-after": String(taken.retryAfterSeconds) },
      );
    }
    const injected = this.drawInjectedError();
    if (injected) throw injectedError(injected, this.faults.retryAfterSeconds, metadata);
  }

  private drawInjectedError(): number | undefined {
    const rates = Object.entries(this.faults.errorRates).filter(([, rate]) => (rate ?? 0) > 0);
    if (rates.length === 0) return undefined;
    let r = this.random();
    for (const [status, rate] of rates) {
      r -= rate ?? 0;
      if (r < 0) return Number(status);
    }
    return undefined;
  }

  charge(cost: number) {
    this.spent += cost;
  }
}

function injectedError(
  status: number,
  retryAfterSeconds: number,
  metadata: Record<string, unknown>,
): ProviderError {
  switch (status) {
    case 429:
      return new ProviderError(
        429,
        "rate_limited",
        "Rate limited by the upstream provider; retry later.",
        { ...metadata, retry_after_seconds: retryAfterSeconds },
        { "retry-after": String(retryAfterSeconds) },
      );
    case 500:
      return new ProviderError(500, "server_error", "The provider had an internal error.", metadata);
    case 502:
      return new ProviderError(
        502,
        "upstream_error",
        "The model is down or returned an invalid response.",
        metadata,
      );
    default:
      return new ProviderError(
        503,
        "service_unavailable",
        "The provider is temporarily unavailable.",
        metadata,
      );
  }
}
