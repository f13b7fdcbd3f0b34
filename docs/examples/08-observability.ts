// Chapter 8: the ledger, cost, budgets and credits. Routes a few questions through a router whose
// ledger and budgets live in Postgres (embedded PGlite in memory here), lets a tiny daily budget stop
// the last ones, then reads the same aggregates the /usage dashboard shows.
import { createDb, createRouterStores } from "@switchyard/db";
import { startLocalProvider } from "@switchyard/local-provider";
import { createRouter, isRouterError } from "@switchyard/router";
import { parseUsageQuery, usageDashboard } from "@switchyard/server";

process.env.SWITCHYARD_LOG_LEVEL ??= "error"; // the router logs failed requests at "warn"
const provider = await startLocalProvider();
provider.control.setFaults("primary", { creditLimit: 5 }); // a $5 key on the primary endpoint
const { db, close } = await createDb({ dataDir: "memory://" });

// #region router-with-stores
const stores = createRouterStores(db); // Postgres idempotency, ledger and budgets
const router = createRouter({
  app: "tutorial",
  localProviderUrl: provider.url,
  ledger: stores.ledger,
  budgetStore: stores.budgets,
  budgets: { feature: { ask: 0.004 } }, // USD per UTC day for the "ask" feature
});
// #endregion

// #region spend
// Before each call the router reserves the most it could cost (prompt + max_tokens at the dearest
// candidate's price), then settles to what it did cost: a call that might pass the budget is refused.
for (let i = 1; i <= 12; i++) {
  const model = i % 2 === 0 ? "strong" : "fast";
  try {
    const { routing } = await router.chat(
      { model, messages: [{ role: "user", content: `Plan step ${i} of my move.` }], max_tokens: 300 },
      { feature: "ask", userId: "u1" },
    );
    console.log(`${i} ${model.padEnd(6)} ${routing.modelUsed} $${routing.costUsd.toFixed(6)}`);
  } catch (error) {
    if (!isRouterError(error)) throw error;
    console.log(`${i} ${model.padEnd(6)} refused: ${error.code}`);
  }
}
await router.flush(); // ledger writes never delay a request; flush waits for them
// #endregion

// #region dashboard
const data = await usageDashboard({ db, router, app: "tutorial" }, parseUsageQuery({ range: "1h" }));
const { summary, savings } = data;
console.log(
  `ledger: ${summary.requests} requests, ${summary.failed} failed, $${summary.costUsd.toFixed(6)}, ` +
    `${summary.promptTokens} + ${summary.completionTokens} tokens`,
);
console.log(
  `savings: $${savings.actualUsd.toFixed(6)} instead of $${savings.strongOnlyUsd.toFixed(6)} on ${savings.strongLabel} alone`,
);
for (const e of data.endpoints)
  console.log(
    `endpoint ${e.endpoint}: ${e.attempts} attempts, ${e.errors} errors, p50 ${Math.round(e.p50Ms ?? 0)} ms`,
  );
for (const b of data.budgets.lines)
  console.log(`budget ${b.scope}: $${b.spentTodayUsd.toFixed(6)} spent today`);
// #endregion

// #region credits
await router.refreshCredits(); // the background monitor does this every minute
const primaryCredit = router.credits().find((c) => c.account === "local:primary"); // cached: no network
console.log(
  `credit local:primary: $${primaryCredit?.remainingUsd?.toFixed(4)} left of $${primaryCredit?.limitUsd}`,
);
const keyChecks = provider.control.log({ path: "/api/v1/key" }).length;
const chats = provider.control.log({ path: "/v1/chat/completions" }).length;
console.log(`provider saw ${chats} chat calls and ${keyChecks} credit checks, none of them inside a request`);
// #endregion

await router.close();
await close();
await provider.close();
