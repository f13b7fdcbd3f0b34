import { expect, it } from "vitest";
import { useHarness } from "../testing/harness.ts";

const h = useHarness({ freshRouter: { app: "todo" } });

it("records every attempt and the request, matching what happened", async () => {
  h.provider.control.setFaults("primary", { errorRates: { "502": 1 } });
  const result = await h.router.chat(
    { model: "auto", messages: [{ role: "user", content: "what is due today?" }] },
    { feature: "ask", userId: "u7", idempotencyKey: "ledger-1" },
  );
  const rows = h.ledger.forRequest(result.routing.requestId);
  expect(rows.map((r) => [r.kind, r.attempt, r.endpoint, r.outcome, r.errorCode])).toEqual([
    ["attempt", 1, "local:primary", "error", "upstream_error"],
    ["attempt", 2, "local:backup", "ok", null],
    ["request", 2, "local:backup", "ok", null],
  ]);
  const [failed, served, request] = rows;
  expect(failed).toMatchObject({ costUsd: 0, promptTokens: null });
  expect(served!.promptTokens).toBe(result.response.usage?.prompt_tokens);
  expect(served!.completionTokens).toBe(result.response.usage?.completion_tokens);
  expect(served!.costUsd).toBeGreaterThan(0);
  expect(request).toMatchObject({
    operation: "chat",
    app: "todo",
    feature: "ask",
    userId: "u7",
    modelRequested: "auto",
    modelUsed: "anthropic/claude-3-haiku",
    provider: "Local Backup",
    tier: "fast",
    complexityScore: result.routing.score,
    reasons: result.routing.reasons,
    idempotencyKey: "ledger-1",
    replay: false,
    costUsd: served!.costUsd,
  });
  expect(request!.fallbackChain[0]).toBe("anthropic/claude-3-haiku@local:primary");
  expect(request!.latencyMs).toBeGreaterThanOrEqual(served!.latencyMs);
  expect(request!.ttftMs).not.toBeNull();
  // Cost = tokens x catalog price for Claude 3 Haiku ($0.25 / $1.25 per million).
  expect(served!.costUsd).toBeCloseTo(
    (served!.promptTokens! * 0.25 + served!.completionTokens! * 1.25) / 1e6,
    12,
  );
});

it("records a failed request with its error code and no model used", async () => {
  await expect(
    h.router.chat({ model: "fast", messages: [{ role: "user", content: "x" }] }, { only: ["nowhere"] }),
  ).rejects.toMatchObject({ code: "no_candidate" });
  const request = h.ledger.entries.at(-1);
  expect(request).toMatchObject({
    kind: "request",
    outcome: "error",
    errorCode: "no_candidate",
    modelUsed: null,
    attempt: 0,
  });
});

it("records a stream's usage and cost once it ends", async () => {
  const stream = h.router.stream({
    model: "strong",
    messages: [{ role: "user", content: "compare two plans" }],
  });
  for await (const _ of stream) {
    // drain
  }
  const { routing } = await stream.result;
  const request = h.ledger.forRequest(routing.requestId).at(-1)!;
  expect(request).toMatchObject({
    operation: "stream",
    outcome: "ok",
    modelUsed: "openai/gpt-4o",
    completionTokens: routing.completionTokens,
    costUsd: routing.costUsd,
  });
  expect(routing.costUsd).toBeCloseTo(
    (routing.promptTokens! * 2.5 + routing.completionTokens! * 10) / 1e6,
    12,
  );
});
