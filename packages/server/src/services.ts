// One database and one router per server process, shared by every route of an app. Both are kept on
// globalThis so Next's dev hot reload, which re-evaluates modules, never builds them twice.
import type { SessionUser } from "@switchyard/auth";
import { APPS_WITH_DIALS, createComplexityClassifier } from "@switchyard/complexity";
import { createDb, createRouterStores, type DbHandle, startStoreMaintenance } from "@switchyard/db";
import {
  catalogRefreshPlan,
  createRouter,
  parseRouterEnv,
  type Router,
  startCatalogRefresh,
} from "@switchyard/router";
import { processSingleton } from "./processSingleton.ts";
import { serverEnv } from "./serverEnv.ts";

export async function getDb(): Promise<DbHandle> {
  // createDb caches per target on globalThis, so this is cheap after the first call.
  const handle = await createDb();
  // The process that opens the database keeps its stores tidy: expired idempotency keys purged, budget
  // holds of dead processes given back, at start-up and then hourly (a timer until jobs are scheduled).
  void processSingleton("switchyard.storeMaintenance", async () => startStoreMaintenance(handle.db));
  return handle;
}

// #region router-per-app
/**
 * The router for one app: Postgres idempotency, ledger, budgets and synced catalog prices; the learned
 * complexity classifier, at the default stop of the app's own dial when it has one (the todo app: each
 * user's stop applies per request through atThreshold()).
 * Daily caps: the app's (SWITCHYARD_APP_DAILY_USD) and each user's (SWITCHYARD_USER_DAILY_USD, unless
 * an admin set the user's own in the `budgets` table, which the budget store reads in the reservation).
 */
export function getRouter(app: string): Promise<Router> {
  return processSingleton(`switchyard.router.${app}`, async () => {
    const env = serverEnv();
    const stores = createRouterStores((await getDb()).db);
    const router = createRouter({
      app,
      classifier: createComplexityClassifier(
        (APPS_WITH_DIALS as readonly string[]).includes(app) ? { app } : {},
      ),
      idempotencyStore: stores.idempotency,
      budgetStore: stores.budgets,
      budgets: { app: { [app]: env.SWITCHYARD_APP_DAILY_USD }, user: env.SWITCHYARD_USER_DAILY_USD },
      ledger: stores.ledger,
    });
    // Synced prices from the database (and, when sync is on, a sync first), now and every interval.
    startCatalogRefresh({
      store: stores.catalogPrices,
      apply: (records) => router.applyCatalogPrices(records),
      plan: catalogRefreshPlan(parseRouterEnv()),
    });
    return router;
  });
}
// #endregion

/** Options for router calls made on a user's behalf: the ledger row, idempotency scope and budget are theirs. */
export function routerOptionsFor(user: Pick<SessionUser, "id">): { userId: string } {
  return { userId: user.id };
}
