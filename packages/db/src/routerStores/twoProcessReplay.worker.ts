// A separate process for the two-process idempotency test: opens the shared Postgres through
// @switchyard/db, builds a router on the Postgres stores, makes one keyed call, prints the result.
// @switchyard/db is reached by path: it depends on this package, so a package dependency back would
// be a cycle in the workspace graph.
import { createRouter } from "../router.ts";

const env = process.env;
const dbModule = new URL("../../../db/src/index.ts", import.meta.url).href;
const { createDb, createRouterStores } = await import(dbModule);
const handle = await createDb({ url: env.DATABASE_URL, migrate: false });
const stores = createRouterStores(handle.db);
const router = createRouter({
  env: {},
  localProviderUrl: env.LOCAL_PROVIDER_URL,
  idempotencyStore: stores.idempotency,
  ledger: stores.ledger,
  policy: { credits: { refreshMs: 0 }, idempotency: { pollMinMs: 10, pollMaxMs: 100 } },
});
const result = await router.chat(
  { model: "fast", messages: [{ role: "user", content: "create the weekly report todo" }] },
  { idempotencyKey: env.IDEMPOTENCY_KEY, app: "todo" },
);
await router.close();
await handle.close();
process.stdout.write(
  JSON.stringify({
    id: result.response.id,
    text: result.text,
    replay: result.routing.replay,
    cost: result.routing.costUsd,
  }),
);
