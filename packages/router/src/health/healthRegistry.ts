// Holds every route's health and the per-account blocks (a 402 stops all of an account's routes).
import type { BreakerPolicy } from "../config.ts";
import type { BreakerState } from "../types.ts";
import type { BreakerStateName } from "./circuitBreaker.ts";
import { RouteHealth } from "./routeHealth.ts";

export type BreakerListener = (change: {
  key: string;
  endpoint: string;
  model: string;
  state: BreakerStateName;
}) => void;

export class HealthRegistry {
  readonly #routes = new Map<string, RouteHealth>();
  readonly #accountBlockedUntil = new Map<string, number>();
  readonly #policy: BreakerPolicy;
  readonly #listener: BreakerListener | undefined;

  constructor(policy: BreakerPolicy, listener?: BreakerListener) {
    this.#policy = policy;
    this.#listener = listener;
  }

  route(endpoint: string, model: string): RouteHealth {
    const key = `${endpoint}|${model}`;
    let health = this.#routes.get(key);
    if (!health) {
      const listener = this.#listener;
      health = new RouteHealth(
        endpoint,
        model,
        this.#policy,
        listener
          ? (h, state) => listener({ key: h.key, endpoint: h.endpoint, model: h.model, state })
          : undefined,
      );
      this.#routes.set(key, health);
    }
    return health;
  }

  /** Epoch ms until which the account is blocked (402), or 0. */
  accountBlockedUntil(account: string): number {
    return this.#accountBlockedUntil.get(account) ?? 0;
  }

  blockAccount(account: string, until: number): void {
    this.#accountBlockedUntil.set(account, Math.max(until, this.accountBlockedUntil(account)));
  }

  snapshot(): BreakerState[] {
    return [...this.#routes.values()].map((h) => h.snapshot());
  }
}
