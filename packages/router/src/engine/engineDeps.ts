// What the engine's parts share: the live catalog, health, HTTP dispatcher, policy, stores and sinks.
import type { EventEmitter } from "node:events";
import type { Dispatcher } from "undici";
import type { LiveAccount, LiveCatalog } from "../catalog/liveCatalog.ts";
import type { BudgetLimits, EnginePolicy } from "../config.ts";
import type { HealthRegistry } from "../health/healthRegistry.ts";
import type { Classify } from "../selection/resolveModel.ts";
import type { LedgerWriter } from "../sinks/ledgerWriter.ts";
import type { BudgetStore, IdempotencyStore } from "../stores/types.ts";

export interface EngineDeps {
  live: LiveCatalog;
  health: HealthRegistry;
  /** Keep-alive HTTP connections to the upstreams. */
  dispatcher: Dispatcher;
  policy: EnginePolicy;
  classify: Classify;
  idempotency: IdempotencyStore;
  budget: { store: BudgetStore; limits: BudgetLimits } | null;
  ledger: LedgerWriter;
  events: EventEmitter;
  appName: string | null;
  /** Per-account request headers (auth, attribution), built once. */
  headers: Map<LiveAccount, Record<string, string>>;
}
