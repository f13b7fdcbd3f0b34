// The gateway's one router: the apps' Postgres stores (idempotency, ledger, budgets with a virtual
// key's months, synced catalog prices) and the learned complexity classifier, so `model: "auto"` routes
// as it does in the apps. With SWITCHYARD_GATEWAY_UPSTREAM_URL, one more model for benchmarks.
import { createComplexityClassifier } from "@switchyard/complexity";
import { createRouterStores, type Database } from "@switchyard/db";
import {
  catalogRefreshPlan,
  createRouter,
  FIXED_UPSTREAM_MODEL,
  fixedUpstreamCatalog,
  LeasedBudgetStore,
  parseRouterEnv,
  type Router,
  startCatalogRefresh,
} from "@switchyard/router";
import { KeyBudgetStore } from "./keys/keyBudgetStore.ts";
import { KeyRateLimits } from "./keys/keyRateLimits.ts";

export const GATEWAY_APP = "gateway";
const LEDGER_BATCH_MS = 100;
/** The model SWITCHYARD_GATEWAY_UPSTREAM_URL adds for bench:gateway, as bench:overhead's router has it. */
export const BENCH_MODEL = FIXED_UPSTREAM_MODEL;

export interface GatewayRouterOptions {
  db: Database;
  upstreamUrl?: string | undefined;
  /** The local provider; defaults to LOCAL_PROVIDER_URL (tests pass their own). */
  localProviderUrl?: string;
}

/**
 * The router, the keys' rate limits (the ledger charges their output tokens) and what stops both: the
 * catalog refresh, the leases still held, the connections.
 */
export function createGatewayRouter(options: GatewayRouterOptions): {
  router: Router;
  limits: KeyRateLimits;
  close(): Promise<void>;
} {
  // Ledger rows go in batches of up to a tenth of a second: one commit for a hundred requests, not each.
  const stores = createRouterStores(options.db, { ledgerBatchMs: LEDGER_BATCH_MS });
  const limits = new KeyRateLimits(options.db);
  // Budgets in leases: a busy key reserves a few times a second, not twice per request (leasedBudgetStore.ts).
  const budgetStore = new LeasedBudgetStore(new KeyBudgetStore(stores.budgets));
  const router = createRouter({
    app: GATEWAY_APP,
    classifier: createComplexityClassifier(),
    idempotencyStore: stores.idempotency,
    budgetStore,
    // Only a key's own caps (added per request): the gateway has no app-wide budget of its own.
    budgets: {},
    ledger: [stores.ledger, limits.tokensSink()],
    ...(options.upstreamUrl ? { catalog: fixedUpstreamCatalog(options.upstreamUrl) } : {}),
    ...(options.localProviderUrl ? { localProviderUrl: options.localProviderUrl } : {}),
  });
  const refresh = startCatalogRefresh({
    store: stores.catalogPrices,
    apply: (records) => router.applyCatalogPrices(records),
    plan: catalogRefreshPlan(parseRouterEnv()),
  });
  return {
    router,
    limits,
    close: async () => {
      refresh.stop();
      await router.close();
      await budgetStore.flush();
      await limits.close();
    },
  };
}
