// @switchyard/router: the routing engine. See README.md for concepts, API, config and error codes.
// Exports what apps, db, server, bench and the docs use, and the types that name createRouter's config.

export { showModel, statsReport } from "./catalog/catalogCli.ts";
export { type CatalogRefresh, catalogRefreshPlan, startCatalogRefresh } from "./catalog/catalogRefresh.ts";
export type { Catalog, CatalogOverride, Price, Supports } from "./catalog/catalogSchema.ts";
export {
  type CatalogPriceStore,
  type CatalogSyncRun,
  MemoryCatalogPriceStore,
  OPENROUTER_MODELS_URL,
  type PriceRecord,
  type SyncResult,
  syncCatalog,
} from "./catalog/catalogSync.ts";
export type { CatalogModelView } from "./catalog/catalogView.ts";
export { defaultCatalog } from "./catalog/defaultCatalog.ts";
export { describeLive } from "./catalog/describeLive.ts";
export { FIXED_UPSTREAM_MODEL, fixedUpstreamCatalog } from "./catalog/fixedUpstreamCatalog.ts";
export { buildCatalog, loadCatalogFile } from "./catalog/loadCatalog.ts";
export type { SyncedModel } from "./catalog/openRouterListing.ts";
export type { Classifier, ComplexityInput, ComplexityVerdict } from "./classifier/classifier.ts";
export {
  type BudgetLimits,
  defaultPolicy,
  idempotencyTtlMs,
  type PolicyOverrides,
  parseRouterEnv,
  type Timeouts,
} from "./config.ts";
export {
  fingerprint as idempotencyFingerprint,
  IN_FLIGHT_RETRY_AFTER_SECONDS,
  idempotencyScope,
} from "./engine/idempotency.ts";
export { isRouterError, RouterError, type RouterErrorCode } from "./errors.ts";
export {
  createHandler,
  createParsedHandler,
  errorResponse,
  type HandlerApi,
  type ParsedRequest,
} from "./http/handler.ts";
export { createRouter, type Router, type RouterConfig, type RouterEvents } from "./router.ts";
export { MemoryLedgerSink } from "./sinks/memoryLedgerSink.ts";
export { LEASE_MS, LEASE_SHARE, LeasedBudgetStore } from "./stores/leasedBudgetStore.ts";
export { MemoryBudgetStore } from "./stores/memoryBudgetStore.ts";
export { MemoryIdempotencyStore } from "./stores/memoryIdempotencyStore.ts";
export type * from "./stores/types.ts";
export type * from "./types.ts";
export { createDispatcher } from "./upstream/dispatcher.ts";
