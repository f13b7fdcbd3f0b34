// One process of the two-process idempotency test: opens the shared Postgres, builds a router on the
// Postgres stores, makes one keyed call, prints the result.
import { createRouter } from "@switchyard/router";
import { createDb } from "../client.ts";
import { createRouterStores } from "./index.ts";

const env = process.env;
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
