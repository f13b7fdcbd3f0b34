import { describe, expect, it } from "vitest";
import { RouterError } from "../errors.ts";
import { ask, callsTo, shortTimeouts, useHarness } from "../testing/harness.ts";

const h = useHarness();

async function failure(p: Promise<unknown>): Promise<RouterError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RouterError);
  return err as RouterError;
}

describe("failover", () => {
  it.each(["429", "500", "502", "503"] as const)(
    "moves to the backup when the primary answers %s",
    async (status) => {
      h.provider.control.setFaults("primary", { errorRates: { [status]: 1 } });
      const result = await h.router.chat(ask("hello"));
      expect(result.routing.endpoint).toBe("local:backup");
      expect(result.routing.failover).toBe(true);
      expect(result.routing.attempts).toBe(2);
      expect(result.text.length).toBeGreaterThan(0);
      expect(callsTo(h.provider, "primary")).toBe(1);
      expect(callsTo(h.provider, "backup")).toBe(1);
    },
  );

  it("moves to the backup when the primary never starts answering (timeout)", async () => {
    h.provider.control.setFaults("primary", { hangBeforeFirstTokenMs: Number.POSITIVE_INFINITY });
    const result = await h.router.chat(ask("hello"), shortTimeouts);
    expect(result.routing.endpoint).toBe("local:backup");
    const attempts = h.ledger.forRequest(result.routing.requestId).filter((r) => r.kind === "attempt");
    expect(attempts.map((a) => [a.endpoint, a.errorCode])).toEqual([
      ["local:primary", "timeout_first_token"],
      ["local:backup", null],
    ]);
  });

  it.each([true, "reset"] as const)("moves to the backup during an outage (down: %s)", async (down) => {
    h.provider.control.setFaults("primary", { down });
    const result = await h.router.chat(ask("hello"));
    expect(result.routing.endpoint).toBe("local:backup");
    expect(result.routing.failover).toBe(true);
  });

  it("does not retry or fail over on a 400", async () => {
    const err = await failure(h.router.chat({ ...ask("draw a cat"), modalities: ["image"] }));
    expect(err.code).toBe("invalid_request");
    expect(err.upstreamStatus).toBe(400);
    expect(callsTo(h.provider, "primary")).toBe(1);
    expect(callsTo(h.provider, "backup")).toBe(0);
  });

  it("fails with the last error when every endpoint fails, after maxAttempts", async () => {
    for (const e of ["primary", "backup", "zdr"])
      h.provider.control.setFaults(e, { errorRates: { "500": 1 } });
    const err = await failure(h.router.chat(ask("hello")));
    expect(err.code).toBe("upstream_error");
    const routing = err.routing as { attempts: number };
    expect(routing.attempts).toBe(4);
  });
});

describe("Retry-After", () => {
  it("waits as long as the endpoint asks, then retries the same endpoint", async () => {
    h.provider.control.setFaults("primary", {
      throttle: { capacity: 1, refillPerSecond: 1, retryAfterSeconds: 1 },
    });
    const only = { only: ["local:primary"] };
    await h.router.chat(ask("first uses the only token"), only);
    const result = await h.router.chat(ask("second is throttled, then retried"), only);
    expect(result.routing.endpoint).toBe("local:primary");
    expect(result.routing.attempts).toBe(2);
    const log = h.provider.control.log({ endpoint: "primary" });
    expect(log.map((e) => e.status)).toEqual([200, 429, 200]);
    expect(log[2]!.at - log[1]!.at).toBeGreaterThanOrEqual(950);
  });

  it("fails at once with rate_limited when Retry-After is beyond the cap", async () => {
    h.provider.control.setFaults("primary", { errorRates: { "429": 1 }, retryAfterSeconds: 60 });
    const err = await failure(h.router.chat(ask("hello"), { only: ["local:primary"] }));
    expect(err.code).toBe("rate_limited");
    expect(err.retryAfterSeconds).toBe(60);
    expect(callsTo(h.provider, "primary")).toBe(1);
  });
});

describe("circuit breaker", () => {
  const primaryState = () =>
    h.router.breakerStates().find((b) => b.key === "local:primary|anthropic/claude-3-haiku");

  it("opens after repeated failures and then skips the endpoint without calling it", async () => {
    h.newRouter({ policy: { breaker: { openMs: 30_000 } } });
    h.provider.control.setFaults("primary", { errorRates: { "500": 1 } });
    for (let i = 0; i < 3; i++) await h.router.chat(ask(`request ${i}`));
    expect(callsTo(h.provider, "primary")).toBe(3);
    expect(primaryState()?.state).toBe("open");
    const skipped = await h.router.chat(ask("while open"));
    expect(skipped.routing.endpoint).toBe("local:backup");
    expect(skipped.routing.attempts).toBe(1);
    expect(skipped.routing.failover).toBe(true);
    expect(callsTo(h.provider, "primary")).toBe(3);
  });

  it("opens at once on a 429 with Retry-After", async () => {
    h.provider.control.setFaults("primary", { errorRates: { "429": 1 }, retryAfterSeconds: 30 });
    await h.router.chat(ask("throttled"));
    expect(primaryState()?.state).toBe("open");
    await h.router.chat(ask("skips the primary"));
    expect(callsTo(h.provider, "primary")).toBe(1);
  });

  it("half-opens after the open period, lets one probe through, and closes when it succeeds", async () => {
    h.provider.control.setFaults("primary", { errorRates: { "500": 1 } });
    for (let i = 0; i < 3; i++) await h.router.chat(ask(`request ${i}`));
    h.provider.control.setFaults("primary", { errorRates: {} });
    await new Promise((r) => setTimeout(r, 250));
    expect(primaryState()?.state).toBe("half_open");
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => h.router.chat(ask(`probe ${i}`))));
    // One probe reaches the primary; the others go to the backup while it is in flight.
    expect(callsTo(h.provider, "primary")).toBe(4);
    expect(results.filter((r) => r.routing.endpoint === "local:primary")).toHaveLength(1);
    expect(primaryState()?.state).toBe("closed");
    const after = await h.router.chat(ask("back to normal"));
    expect(after.routing.endpoint).toBe("local:primary");
    expect(after.routing.failover).toBe(false);
  });

  it("opens again, for longer, when the probe fails", async () => {
    h.provider.control.setFaults("primary", { errorRates: { "500": 1 } });
    for (let i = 0; i < 3; i++) await h.router.chat(ask(`request ${i}`));
    const firstOpen = primaryState()!;
    await new Promise((r) => setTimeout(r, 250));
    await h.router.chat(ask("probe fails"));
    const reopened = primaryState()!;
    expect(reopened.state).toBe("open");
    expect(callsTo(h.provider, "primary")).toBe(4);
    expect(reopened.reopensAt! - firstOpen.reopensAt!).toBeGreaterThan(200);
  });
});
