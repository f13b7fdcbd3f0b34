import { expect, it } from "vitest";
import { RouterError } from "../errors.ts";
import { MemoryBudgetStore } from "../stores/memoryBudgetStore.ts";
import { useHarness } from "../testing/harness.ts";
import { utcDay } from "./budget.ts";

const h = useHarness({ freshRouter: false });

it("never overspends a nearly spent budget under 100 concurrent requests", async () => {
  const budgetStore = new MemoryBudgetStore();
  const limitUsd = 0.002;
  const router = h.newRouter({ budgetStore, budgets: { user: { u1: limitUsd } } });
  // Most of the day's budget is already gone.
  const spent = await budgetStore.reserve([{ scope: "user:u1", limitUsd }], 0.0015, utcDay());
  expect(spent.ok).toBe(true);

  const outcomes = await Promise.allSettled(
    Array.from({ length: 100 }, (_, i) =>
      router.chat(
        { model: "fast", max_tokens: 60, messages: [{ role: "user", content: `question number ${i}` }] },
        { userId: "u1" },
      ),
    ),
  );
  const ok = outcomes.filter((o) => o.status === "fulfilled");
  const refused = outcomes
    .filter((o) => o.status === "rejected")
    .map((o) => (o as PromiseRejectedResult).reason);
  expect(ok.length).toBeGreaterThan(0);
  expect(refused.length).toBeGreaterThan(0);
  for (const err of refused) expect(err).toMatchObject({ code: "budget_exceeded" });
  expect(refused[0]).toBeInstanceOf(RouterError);

  const spentToday = await budgetStore.used("user:u1", utcDay());
  expect(spentToday).toBeLessThanOrEqual(limitUsd);
  const ledgerCost = h.ledger.entries.filter((e) => e.kind === "request").reduce((s, e) => s + e.costUsd, 0);
  expect(spentToday).toBeCloseTo(0.0015 + ledgerCost, 10);
});

it("says what was spent and when it resets in the 402 (budget_exceeded)", async () => {
  const router = h.newRouter({ budgetStore: new MemoryBudgetStore(), budgets: { user: 0 } });
  const refused = await router
    .chat({ model: "fast", max_tokens: 10, messages: [{ role: "user", content: "hi" }] }, { userId: "u2" })
    .catch((e: RouterError) => e);
  const tomorrow = new Date(Date.parse(`${utcDay()}T00:00:00Z`) + 86_400_000).toISOString();
  expect(refused).toMatchObject({
    code: "budget_exceeded",
    status: 402,
    details: { scope: "user:u2", limitUsd: 0, usedUsd: 0, resetsAt: tomorrow },
  });
  expect((refused as RouterError).message).toContain("Your daily budget ($0.00)");
  expect((refused as RouterError).message).toContain("resets at midnight UTC");
});

it("caps a call without max_tokens at the output the reservation assumed", async () => {
  const router = h.newRouter({
    budgetStore: new MemoryBudgetStore(),
    budgets: { user: 1, defaultMaxTokens: 5 },
  });
  const long =
    "Explain in detail, step by step, how a circuit breaker protects a service from a failing provider.";
  const capped = await router.chat(
    { model: "fast", messages: [{ role: "user", content: long }] },
    { userId: "u3" },
  );
  expect(capped.routing.completionTokens).toBeLessThanOrEqual(5);
  expect(capped.response.choices[0]?.finish_reason).toBe("length");
});

it("gives back the expired hold of a request whose process died instead of refusing until midnight", async () => {
  let now = Date.now();
  const budgetStore = new MemoryBudgetStore(() => now);
  const router = h.newRouter({ budgetStore, budgets: { user: { u4: 0.002 } } });
  // A process reserved all of u4's day and was killed before it settled.
  const crashed = await budgetStore.reserve([{ scope: "user:u4", limitUsd: 0.002 }], 0.002, utcDay(), {
    holdMs: 1_000,
  });
  expect(crashed.ok).toBe(true);
  const ask = { model: "fast", max_tokens: 20, messages: [{ role: "user" as const, content: "hi" }] };
  await expect(router.chat(ask, { userId: "u4" })).rejects.toMatchObject({ code: "budget_exceeded" });
  now += 2_000; // past the dead request's hold
  const answered = await router.chat(ask, { userId: "u4" });
  expect(await budgetStore.used("user:u4", utcDay())).toBeCloseTo(answered.routing.costUsd, 10);
});
