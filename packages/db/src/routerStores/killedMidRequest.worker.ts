// The process the kill test kills: a router on the Postgres stores with a daily budget makes one keyed
// call to an upstream that answers slowly; the test sends SIGKILL while the call is in flight.
import { createRouter } from "@switchyard/router";
import { createDb } from "../client.ts";
import { createRouterStores } from "./index.ts";

const env = process.env;
const handle = await createDb({ url: env.DATABASE_URL, migrate: false });
const stores = createRouterStores(handle.db);
const router = createRouter({
  env: {},
  app: "kill-test",
  localProviderUrl: env.LOCAL_PROVIDER_URL,
  idempotencyStore: stores.idempotency,
  budgetStore: stores.budgets,
  budgets: { user: 1 },
  ledger: stores.ledger,
  policy: { credits: { refreshMs: 0 } },
});
await router.chat(
  {
    model: "fast",
    max_tokens: 50,
    messages: [{ role: "user", content: "a question that never gets its answer" }],
  },
  { idempotencyKey: env.IDEMPOTENCY_KEY, userId: "killed" },
);
