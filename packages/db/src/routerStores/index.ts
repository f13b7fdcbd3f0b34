export { PgBudgetStore, type PgBudgetStoreOptions } from "./pgBudgetStore.ts";
export { PgCatalogPriceStore } from "./pgCatalogPriceStore.ts";
export {
  ClaimLostError,
  PgIdempotencyStore,
  type PgIdempotencyStoreOptions,
  purgeExpiredKeys,
} from "./pgIdempotencyStore.ts";
export { PgLedgerSink } from "./pgLedgerSink.ts";
export { maintainStores, type StoreMaintenance, startStoreMaintenance } from "./storeMaintenance.ts";

import type { Database } from "../database.ts";
import { PgBudgetStore } from "./pgBudgetStore.ts";
import { PgCatalogPriceStore } from "./pgCatalogPriceStore.ts";
import { PgIdempotencyStore, type PgIdempotencyStoreOptions } from "./pgIdempotencyStore.ts";
import { PgLedgerSink } from "./pgLedgerSink.ts";

/**
 * The Postgres stores the router takes, over one database (catalogPrices: the synced catalog).
 * `ledgerBatchMs`: how long a ledger batch waits for more rows (PgLedgerSink).
 */
export function createRouterStores(
  db: Database,
  options: PgIdempotencyStoreOptions & { ledgerBatchMs?: number } = {},
) {
  const { ledgerBatchMs, ...idempotency } = options;
  return {
    idempotency: new PgIdempotencyStore(db, idempotency),
    ledger: new PgLedgerSink(db, { batchMs: ledgerBatchMs ?? 0 }),
    budgets: new PgBudgetStore(db),
    catalogPrices: new PgCatalogPriceStore(db),
  };
}
