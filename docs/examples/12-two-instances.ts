// Chapter 12: two app instances on one database. One Postgres (an embedded PGlite served over the wire
// here; a managed Postgres with pgvector in production), two routers as two processes would have them.
// What lives in Postgres is shared (idempotency, ledger, budgets); breakers stay per process.
import { createDb, createRouterStores, llmCalls, startPgliteServer } from "@switchyard/db";
import { startLocalProvider } from "@switchyard/local-provider";
import { createRouter } from "@switchyard/router";
import { count } from "drizzle-orm";

process.env.SWITCHYARD_LOG_LEVEL ??= "error";
const provider = await startLocalProvider();
const server = await startPgliteServer({ dataDir: "memory://", port: 0 });

// #region instances
async function appInstance(name: string) {
  const { db, close } = await createDb({ url: server.url, cache: false }); // as DATABASE_URL would
  const stores = createRouterStores(db);
  const router = createRouter({
    app: "todo",
    localProviderUrl: provider.url,
    idempotencyStore: stores.idempotency,
    ledger: stores.ledger,
    budgetStore: stores.budgets,
  });
  const stop = async () => {
    await router.close();
    await close();
  };
  return { name, db, router, close: stop };
}
const a = await appInstance("instance A");
const b = await appInstance("instance B");
// #endregion

// #region shared
const ask = {
  model: "fast",
  messages: [{ role: "user" as const, content: "Add 'call the bank' to my list." }],
};
const key = "todo-create-7f3a";
const fromA = await a.router.chat(ask, { idempotencyKey: key });
const fromB = await b.router.chat(ask, { idempotencyKey: key }); // a client retry that landed elsewhere
console.log(
  `idempotency (shared): A replay ${fromA.routing.replay}, B replay ${fromB.routing.replay}, ` +
    `upstream calls for the key ${provider.control.log({ idempotencyKey: key }).length}`,
);
await Promise.all([a.router.flush(), b.router.flush()]);
const [rows] = await a.db.select({ n: count() }).from(llmCalls);
console.log(`ledger (shared): ${rows?.n} rows written by both instances, read from one table`);
// #endregion

// #region per-process
provider.control.setFaults("primary", { errorRates: { "429": 1 }, retryAfterSeconds: 30 });
await a.router.chat(ask); // A meets the 429 and opens its breaker for primary
const breakerOf = (r: typeof a.router) =>
  r.breakerStates().find((s) => s.endpoint === "local:primary")?.state;
const second = await b.router.chat(ask);
console.log(
  `breakers (per process): A ${breakerOf(a.router)}, B ${breakerOf(b.router)} after B paid ${second.routing.attempts} attempts to learn it`,
);
// #endregion

await a.close();
await b.close();
await server.close();
await provider.close();
