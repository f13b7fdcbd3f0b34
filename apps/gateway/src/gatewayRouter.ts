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
  type LedgerSink,
  parseRouterEnv,
  type Router,
  startCatalogRefresh,
} from "@switchyard/router";
import { KeyBudgetStore } from "./keys/keyBudgetStore.ts";

export const GATEWAY_APP = "gateway";
/** The model SWITCHYARD_GATEWAY_UPSTREAM_URL adds for bench:gateway, as bench:overhead's router has it. */
export const BENCH_MODEL = FIXED_UPSTREAM_MODEL;

export interface GatewayRouterOptions {
  db: Database;
  /** Sinks besides the ledger table (the gateway's tokens-per-minute charge). */
  ledger?: LedgerSink[];
  upstreamUrl?: string | undefined;
  /** The local provider; defaults to LOCAL_PROVIDER_URL (tests pass their own). */
  localProviderUrl?: string;
}

/** The router and what stops it: its catalog refresh and its connections. */
export function createGatewayRouter(options: GatewayRouterOptions): {
  router: Router;
  close(): Promise<void>;
} {
  const stores = createRouterStores(options.db);
  const router = createRouter({
    app: GATEWAY_APP,
    classifier: createComplexityClassifier(),
    idempotencyStore: stores.idempotency,
    budgetStore: new KeyBudgetStore(stores.budgets),
    // Only a key's own caps (added per request): the gateway has no app-wide budget of its own.
    budgets: {},
    ledger: [stores.ledger, ...(options.ledger ?? [])],
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
    close: async () => {
      refresh.stop();
      await router.close();
    },
  };
}
