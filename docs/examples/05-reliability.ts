// Chapter 5: reliability. Injects faults into the local provider's `primary` endpoint and prints what
// the router did about them, attempt by attempt: failover on a 429, the breaker that skips the throttled
// endpoint, a first-token timeout, an idempotent replay, and a stream that breaks after its first token.
import { startLocalProvider } from "@switchyard/local-provider";
import { createRouter, isRouterError, MemoryLedgerSink } from "@switchyard/router";

process.env.SWITCHYARD_LOG_LEVEL ??= "error"; // failed requests are logged at "warn" (chapter 8)
const provider = await startLocalProvider();
const ledger = new MemoryLedgerSink();
const newRouter = () => createRouter({ app: "tutorial", localProviderUrl: provider.url, ledger });
const ask = { model: "fast", messages: [{ role: "user" as const, content: "Say hello." }] };

async function printAttempts(requestId: string) {
  for (const row of ledger.forRequest(requestId).filter((r) => r.kind === "attempt"))
    console.log(
      `  attempt ${row.attempt}: ${row.endpoint} ${row.outcome}${row.errorCode ? ` (${row.errorCode})` : ""}`,
    );
}

// #region failover
let router = newRouter();
provider.control.setFaults("primary", { errorRates: { "429": 1 }, retryAfterSeconds: 2 });
const first = await router.chat(ask);
await router.flush();
console.log(
  `1. primary answers 429: served by ${first.routing.endpoint} after ${first.routing.attempts} attempts`,
);
await printAttempts(first.routing.requestId);

const second = await router.chat(ask);
const primary = router.breakerStates().find((b) => b.endpoint === "local:primary");
console.log(
  `2. next call: ${second.routing.attempts} attempt, ${second.routing.endpoint}; primary breaker ${primary?.state}`,
);
// #endregion
await router.close();

// #region first-token-timeout
provider.control.reset();
provider.control.setFaults("primary", { hangBeforeFirstTokenMs: 2_000 });
router = newRouter();
const stream = router.stream(ask, { timeouts: { firstTokenMs: 300 } });
for await (const _ of stream); // read to the end so the call is closed and recorded
const streamed = await stream.result;
await router.flush();
console.log(`3. primary silent for 2 s, first-token timeout 300 ms: served by ${streamed.routing.endpoint}`);
await printAttempts(streamed.routing.requestId);
// #endregion
await router.close();

// #region idempotency
provider.control.reset();
router = newRouter();
const key = "tutorial-order-42";
const a = await router.chat(ask, { idempotencyKey: key });
const b = await router.chat(ask, { idempotencyKey: key });
const upstream = provider.control.log({ idempotencyKey: key }).length;
console.log(
  `4. same key twice: replay ${b.routing.replay}, second cost $${b.routing.costUsd}, upstream calls ${upstream}, same text ${a.text === b.text}`,
);
// #endregion
await router.close();

// #region interrupted
provider.control.reset();
provider.control.setFaults("primary", { errorAfterTokens: 3 });
router = newRouter();
const broken = router.stream({ ...ask, messages: [{ role: "user", content: "Tell me a long story." }] });
try {
  for await (const part of broken) void part;
} catch (error) {
  if (!isRouterError(error)) throw error;
  console.log(
    `5. error after the first tokens: ${error.code} (no silent truncation, no failover mid-answer)`,
  );
}
// #endregion
await router.close();
await provider.close();
