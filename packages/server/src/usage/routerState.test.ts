import type { BreakerState, CreditBalance } from "@switchyard/router";
import { describe, expect, it } from "vitest";
import { routerState } from "./routerState.ts";

const breaker = (endpoint: string, state: BreakerState["state"], reopensAt: number | null): BreakerState => ({
  key: `${endpoint}|m`,
  endpoint,
  model: "m",
  state,
  consecutiveFailures: state === "open" ? 3 : 0,
  reopensAt,
  ewmaLatencyMs: null,
  ewmaTtftMs: null,
  errorRate: 0,
});
const credit = (account: string, remainingUsd: number | null): CreditBalance => ({
  account,
  label: account,
  limitUsd: 10,
  usageUsd: null,
  remainingUsd,
  fetchedAt: Date.parse("2026-11-25T12:00:00Z"),
});

describe("routerState", () => {
  it("shows breakers sorted by endpoint and warns on a balance under the low-balance threshold", () => {
    const state = routerState({
      breakerStates: () => [
        breaker("local:primary", "open", Date.parse("2026-11-25T12:00:05Z")),
        breaker("local:backup", "closed", null),
      ],
      credits: () => [credit("local:primary", 0.5), credit("openrouter", 25), credit("local:backup", null)],
    });
    expect(state.breakers.map((b) => [b.endpoint, b.state, b.reopensAt])).toEqual([
      ["local:backup", "closed", null],
      ["local:primary", "open", "2026-11-25T12:00:05.000Z"],
    ]);
    expect(state.lowBalanceUsd).toBe(1);
    expect(state.credits.map((c) => [c.account, c.low, c.fetchedAt])).toEqual([
      ["local:primary", true, "2026-11-25T12:00:00.000Z"],
      ["openrouter", false, "2026-11-25T12:00:00.000Z"],
      ["local:backup", false, "2026-11-25T12:00:00.000Z"],
    ]);
  });
});
