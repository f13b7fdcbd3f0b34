// One database and one router per server process, shared by every route of an app. Both are kept on
// globalThis so Next's dev hot reload, which re-evaluates modules, never builds them twice.
import { createComplexityClassifier } from "@switchyard/complexity";
import { createDb, createRouterStores, type DbHandle } from "@switchyard/db";
import { createRouter, type Router } from "@switchyard/router";
import { processSingleton } from "./processSingleton.ts";

export function getDb(): Promise<DbHandle> {
  // createDb caches per target on globalThis, so this is cheap after the first call.
  return createDb();
}

// #region router-per-app
/** The router for one app: Postgres idempotency, ledger and budgets; the learned complexity classifier. */
export function getRouter(app: string): Promise<Router> {
  return processSingleton(`switchyard.router.${app}`, async () => {
    const stores = createRouterStores((await getDb()).db);
    return createRouter({
      app,
      classifier: createComplexityClassifier(),
      idempotencyStore: stores.idempotency,
      budgetStore: stores.budgets,
      ledger: stores.ledger,
    });
  });
}
// #endregion
