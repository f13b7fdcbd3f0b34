// @switchyard/router: the routing engine. See README.md for concepts, API, config and error codes.
export type {
  Account,
  Capability,
  Catalog,
  CatalogModel,
  CatalogOverride,
  Price,
  Route,
} from "./catalog/catalogSchema.ts";
export { catalogOverrideSchema, catalogSchema } from "./catalog/catalogSchema.ts";
export { defaultCatalog } from "./catalog/defaultCatalog.ts";
export { buildCatalog, loadCatalogFile } from "./catalog/loadCatalog.ts";
export type { Classifier, ComplexityInput, ComplexityVerdict } from "./classifier.ts";
export {
  type BudgetLimits,
  defaultPolicy,
  type EnginePolicy,
  type PolicyOverrides,
  parseRouterEnv,
  type RouterEnv,
  type Timeouts,
} from "./config.ts";
export { describeLive } from "./describeLive.ts";
export { isRouterError, RouterError, type RouterErrorCode } from "./errors.ts";
export { createDispatcher } from "./execution/upstreamCall.ts";
export { heuristicClassifier } from "./heuristicClassifier.ts";
export { createRouter, type Router, type RouterConfig, type RouterEvents } from "./router.ts";
export { MemoryBudgetStore } from "./stores/memoryBudgetStore.ts";
export { MemoryIdempotencyStore } from "./stores/memoryIdempotencyStore.ts";
export { MemoryLedgerSink } from "./stores/memoryLedgerSink.ts";
export type * from "./stores/types.ts";
export type * from "./types.ts";
