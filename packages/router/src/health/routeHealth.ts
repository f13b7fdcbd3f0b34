// Per-route health: a breaker plus exponentially weighted moving averages of latency, time to first
// token, throughput and error rate. Every update is O(1) and allocation-free.
import type { BreakerPolicy } from "../config.ts";
import type { BreakerState } from "../types.ts";
import { type BreakerStateName, CircuitBreaker } from "./circuitBreaker.ts";

const alpha = 0.2;
const ewma = (prev: number | null, sample: number) =>
  prev === null ? sample : prev + alpha * (sample - prev);

export class RouteHealth {
  readonly key: string;
  readonly endpoint: string;
  readonly model: string;
  readonly breaker: CircuitBreaker;
  latencyMs: number | null = null;
  ttftMs: number | null = null;
  tokensPerSecond: number | null = null;
  errorRate = 0;

  constructor(
    endpoint: string,
    model: string,
    policy: BreakerPolicy,
    onChange?: (h: RouteHealth, s: BreakerStateName) => void,
  ) {
    this.key = `${endpoint}|${model}`;
    this.endpoint = endpoint;
    this.model = model;
    this.breaker = new CircuitBreaker(policy, onChange ? (s) => onChange(this, s) : undefined);
  }

  recordSuccess(latencyMs: number, ttftMs: number | null, completionTokens: number | null): void {
    this.breaker.onSuccess();
    this.latencyMs = ewma(this.latencyMs, latencyMs);
    if (ttftMs !== null) this.ttftMs = ewma(this.ttftMs, ttftMs);
    if (completionTokens && latencyMs > 0) {
      this.tokensPerSecond = ewma(this.tokensPerSecond, (completionTokens * 1000) / latencyMs);
    }
    this.errorRate = ewma(this.errorRate, 0);
  }

  recordFailure(now: number, openForMs?: number): void {
    this.breaker.onFailure(now, openForMs);
    this.errorRate = ewma(this.errorRate, 1);
  }

  snapshot(): BreakerState {
    const b = this.breaker;
    const now = Date.now();
    const state = b.state === "open" && now >= b.reopensAt ? "half_open" : b.state;
    return {
      key: this.key,
      endpoint: this.endpoint,
      model: this.model,
      state,
      consecutiveFailures: b.consecutiveFailures,
      reopensAt: b.state === "open" ? b.reopensAt : null,
      ewmaLatencyMs: this.latencyMs,
      ewmaTtftMs: this.ttftMs,
      errorRate: this.errorRate,
    };
  }
}
