// One database and one router per server process, shared by every route of an app. Both live on
// globalThis so Next's dev hot reload, which re-evaluates modules, never builds them twice.
import { createComplexityClassifier } from "@switchyard/complexity";
import { createDb, createRouterStores, type DbHandle } from "@switchyard/db";
import { createRouter, type Router } from "@switchyard/router";

export function getDb(): Promise<DbHandle> {
  // createDb caches per target on globalThis, so this is cheap after the first call.
  return createDb();
}

const routers = Symbol.for("switchyard.routers");
type RouterCache = Map<string, Promise<Router>>;

// #region router-per-app
/** The router for one app: Postgres idempotency, ledger and budgets; the learned complexity classifier. */
export function getRouter(app: string): Promise<Router> {
  const g = globalThis as { [routers]?: RouterCache };
  g[routers] ??= new Map();
  const cache = g[routers];
  let router = cache.get(app);
  if (!router) {
    router = getDb().then(({ db }) => {
      const stores = createRouterStores(db);
      return createRouter({
        app,
        classifier: createComplexityClassifier(),
        idempotencyStore: stores.idempotency,
        budgetStore: stores.budgets,
        ledger: stores.ledger,
      });
    });
    router.catch(() => cache.delete(app));
    cache.set(app, router);
  }
  return router;
}
// #endregion
