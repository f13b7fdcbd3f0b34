// Stop-gap: when the shared router cannot start because the learned classifier's weights cannot be
// read (in a Next production bundle, @switchyard/complexity resolves its weights file through
// `new URL(…, import.meta.url)`, which Turbopack rewrites to a static asset path), the app builds the
// same router over the same Postgres stores with the router's transparent heuristic classifier, and
// says so in the log, rather than failing every request.
import { createRouterStores } from "@switchyard/db";
import { createRouter, heuristicClassifier, type Router } from "@switchyard/router";
import { getDb, getRouter } from "@switchyard/server";

export async function routerWithFallback(app: string): Promise<Router> {
  try {
    return await getRouter(app);
  } catch (error) {
    console.warn(
      `[${app}] the learned complexity classifier is unavailable (${error instanceof Error ? error.message : "unknown"}); routing with the heuristic classifier`,
    );
    const { db } = await getDb();
    const stores = createRouterStores(db);
    return createRouter({
      app,
      classifier: heuristicClassifier,
      idempotencyStore: stores.idempotency,
      budgetStore: stores.budgets,
      ledger: stores.ledger,
    });
  }
}
