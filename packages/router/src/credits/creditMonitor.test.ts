import { expect, it } from "vitest";
import { ask, callsTo, useHarness } from "../testing/harness.ts";

const h = useHarness({ freshRouter: false });

const creditCalls = () => h.provider.control.log().filter((e) => e.path.endsWith("/key")).length;

it("reads credit balances in the background, never on a request's path", async () => {
  const router = h.newRouter({ policy: { credits: { refreshMs: 60_000 } } });
  await router.refreshCredits();
  const before = creditCalls();
  expect(before).toBeGreaterThan(0);
  expect(router.credits().map((c) => c.account)).toContain("local:primary");

  await Promise.all([
    router.chat(ask("one")),
    router.chat({ ...ask("two"), model: "strong" }),
    router.embed({ input: "three" }),
    router.image({ prompt: "four" }),
    (async () => {
      for await (const _ of router.stream(ask("five"))) {
        // drain
      }
    })(),
  ]);
  for (let i = 0; i < 5; i++) router.credits();
  expect(creditCalls()).toBe(before);
});

it("raises a lowBalance event when a balance drops under the threshold", async () => {
  h.provider.control.setFaults("primary", { creditLimit: 0.5 });
  const router = h.newRouter({ policy: { credits: { refreshMs: 60_000, lowBalanceUsd: 1 } } });
  const events: { account: string; remainingUsd: number }[] = [];
  router.on("lowBalance", (e) => events.push(e));
  await router.refreshCredits();
  expect(events).toEqual([expect.objectContaining({ account: "local:primary", remainingUsd: 0.5 })]);
});

it("a 402 (credits exhausted) stops every call to that account until the block ends", async () => {
  h.provider.control.setFaults("primary", { creditLimit: 0 });
  const router = h.newRouter();
  const blocked: string[] = [];
  router.on("accountBlocked", (e) => blocked.push(`${e.account}:${e.code}`));
  const first = await router.chat(ask("hello"));
  expect(first.routing.endpoint).toBe("local:backup");
  expect(blocked).toEqual(["local:primary:insufficient_credits"]);
  // Another model on the same account is skipped too: no second call to the primary.
  const strong = await router.chat({ ...ask("hello"), model: "strong" });
  expect(strong.routing.endpoint).toBe("local:backup");
  expect(callsTo(h.provider, "primary")).toBe(1);
});
