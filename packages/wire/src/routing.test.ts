import { expect, test } from "vitest";
import { routingMeta } from "./routing.ts";

test("routingMeta accepts what the router reports and names a missing field", () => {
  const meta = {
    requestId: "r1",
    modelRequested: "auto",
    modelUsed: "anthropic/claude-3-haiku",
    provider: "local provider",
    endpoint: "local:primary",
    tier: "fast",
    score: 0.12,
    reasons: ["short, simple request"],
    threshold: 0.5,
    attempts: 1,
    failover: false,
    fallbackChain: ["anthropic/claude-3-haiku@local:primary"],
    promptTokens: 12,
    completionTokens: 30,
    costUsd: 0.00005,
    ttftMs: 40.2,
    latencyMs: 80.5,
    replay: false,
    idempotencyKey: null,
  };
  expect(routingMeta.parse(meta)).toEqual(meta);
  const { tier: _tier, ...noTier } = meta;
  expect(routingMeta.safeParse(noTier).error?.issues[0]?.path).toEqual(["tier"]);
});
