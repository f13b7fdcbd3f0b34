// The catalog narrowed to what is reachable right now: accounts with a key (or the local provider
// when no key is set), each route resolved to its URL once, at start-up (and again on a sync), so the
// request path does one Map lookup per model and no string building, whatever the catalog's size. A
// bundled model's route gets its health object when a request first asks for it, so breakerStates()
// lists the configured routes and, of the hundreds of others, only those in use.

import type { HealthRegistry } from "../health/healthRegistry.ts";
import type { RouteHealth } from "../health/routeHealth.ts";
import { isBundled } from "./bundledCatalog.ts";
import type { Account, Catalog, CatalogModel, Route } from "./catalogSchema.ts";
import type { PriceRecord } from "./catalogSync.ts";

export interface LiveAccount extends Account {
  apiKey: string | null;
}

export interface LiveRoute {
  model: CatalogModel;
  route: Route;
  account: LiveAccount;
  readonly health: RouteHealth;
  /** Base URL of the OpenAI-compatible API, e.g. http://127.0.0.1:4010/primary/v1 */
  url: string;
  /** "model@endpoint", as the fallback chain names it. */
  label: string;
  /** Input plus output price per M tokens plus the per-image price: what sort "price" orders by. */
  blendedPrice: number;
}

class LiveRouteEntry implements LiveRoute {
  readonly model: CatalogModel;
  readonly route: Route;
  readonly account: LiveAccount;
  readonly url: string;
  readonly label: string;
  readonly blendedPrice: number;
  readonly #registry: HealthRegistry;
  #health: RouteHealth | undefined;

  constructor(model: CatalogModel, route: Route, account: LiveAccount, registry: HealthRegistry) {
    this.model = model;
    this.route = route;
    this.account = account;
    this.url = `${account.baseUrl.replace(/\/+$/, "")}${route.path}`.replace(/\/+$/, "");
    this.label = `${model.id}@${route.endpoint}`;
    const p = model.price;
    this.blendedPrice = p.inputPerMTokens + p.outputPerMTokens + (p.perImage ?? 0);
    this.#registry = registry;
  }

  get health(): RouteHealth {
    this.#health ??= this.#registry.route(this.route.endpoint, this.model.id);
    return this.#health;
  }
}

export interface LiveModel {
  model: CatalogModel;
  /** Shared by every request that selects them all: read, never changed. */
  routes: LiveRoute[];
  /** Route endpoints left out because their account is not configured. */
  notConfigured: string[];
  /** [model id]: the models to try for a request that names this one alone (shared, never changed). */
  alone: string[];
}

export class LiveCatalog {
  readonly accounts: LiveAccount[];
  readonly #health: HealthRegistry;
  readonly #accountsById: Map<string, LiveAccount>;
  // Replaced whole when synced prices arrive, never changed in place: a request holds the routes it
  // selected, so it finishes at the prices it started with, and readers need no lock.
  #catalog: Catalog;
  #models: ReadonlyMap<string, LiveModel>;
  #syncedAt: ReadonlyMap<string, Date> = new Map();
  /** Bundled models: their routes get a health object on first use (see the top of this file). */
  readonly #lazyHealth: ReadonlySet<string>;

  constructor(catalog: Catalog, accounts: LiveAccount[], health: HealthRegistry) {
    this.accounts = accounts;
    this.#health = health;
    this.#accountsById = new Map(accounts.map((a) => [a.id, a]));
    this.#catalog = catalog;
    this.#lazyHealth = new Set(catalog.models.filter(isBundled).map((m) => m.id));
    this.#models = this.#index(catalog.models);
  }

  get catalog(): Catalog {
    return this.#catalog;
  }

  #index(models: CatalogModel[]): Map<string, LiveModel> {
    const index = new Map<string, LiveModel>();
    for (const model of models) {
      const routes: LiveRoute[] = [];
      const notConfigured: string[] = [];
      for (const route of model.routes) {
        const account = this.#accountsById.get(route.account);
        if (!account) {
          notConfigured.push(route.endpoint);
          continue;
        }
        const entry = new LiveRouteEntry(model, route, account, this.#health);
        if (!this.#lazyHealth.has(model.id)) void entry.health;
        routes.push(entry);
      }
      index.set(model.id, { model, routes, notConfigured, alone: [model.id] });
    }
    return index;
  }

  get(modelId: string): LiveModel | undefined {
    return this.#models.get(modelId);
  }

  /** When the model's price in use took effect, if it came from a catalog sync. */
  syncedAt(modelId: string): Date | undefined {
    return this.#syncedAt.get(modelId);
  }

  /**
   * Takes synced prices and capabilities (each model's newest record) without a restart: builds the
   * models anew and swaps the index in one assignment. A record names a model by its id, or by the
   * upstream id one of its routes calls (a local provider's listing names its own models).
   */
  applySynced(records: readonly PriceRecord[]): number {
    const byUpstream = new Map<string, CatalogModel[]>();
    for (const m of this.#catalog.models) {
      for (const r of m.routes) {
        const list = byUpstream.get(r.upstreamModel);
        if (!list) byUpstream.set(r.upstreamModel, [m]);
        else if (!list.includes(m)) list.push(m);
      }
    }
    const updates = new Map<string, PriceRecord>();
    for (const record of records) {
      const own = this.#models.get(record.id)?.model;
      for (const m of own ? [own] : (byUpstream.get(record.id) ?? [])) updates.set(m.id, record);
    }
    if (updates.size === 0) return 0;
    const models = this.#catalog.models.map((m) => {
      const record = updates.get(m.id);
      return record ? withSynced(m, record) : m;
    });
    const syncedAt = new Map(this.#syncedAt);
    for (const [id, record] of updates) syncedAt.set(id, record.effectiveFrom);
    this.#catalog = { ...this.#catalog, models };
    this.#models = this.#index(models);
    this.#syncedAt = syncedAt;
    return updates.size;
  }

  tierOf(modelId: string): "fast" | "strong" | null {
    if (modelId === this.#catalog.tiers.fast) return "fast";
    if (modelId === this.#catalog.tiers.strong) return "strong";
    return null;
  }
}

/** The model at a synced price; per-image prices and what the listing does not say are kept. */
function withSynced(model: CatalogModel, record: PriceRecord): CatalogModel {
  const price = { ...record.price };
  if (model.price.perImage !== undefined) price.perImage = model.price.perImage;
  const next: CatalogModel = { ...model, price };
  if (record.contextWindow !== null) next.contextWindow = record.contextWindow;
  if (record.supports) next.supports = { ...model.supports, ...record.supports };
  // Image input is what the "vision" capability means; the listing may know it when models.dev did not.
  const seesImages = record.supports?.input?.includes("image");
  if (seesImages && model.capabilities.includes("chat") && !model.capabilities.includes("vision")) {
    next.capabilities = [...model.capabilities, "vision"];
  }
  return next;
}

/**
 * Which accounts are live: `only` when given (account ids or kinds, e.g. ["local"]); else every
 * account whose key variable is set; else (no key at all) the keyless ones: the local provider.
 */
export function liveAccounts(
  catalog: Catalog,
  env: Record<string, string | undefined>,
  options: { only?: string[]; baseUrls?: Record<string, string>; localProviderUrl: string },
): LiveAccount[] {
  const local = options.localProviderUrl.replace(/\/+$/, "");
  const withKey = (a: Account): LiveAccount => ({
    ...a,
    baseUrl: (options.baseUrls?.[a.id] ?? a.baseUrl).replace("{LOCAL_PROVIDER_URL}", local),
    apiKey: a.apiKeyEnv ? (env[a.apiKeyEnv] ?? null) : null,
  });
  if (options.only) {
    const only = options.only;
    return catalog.accounts.filter((a) => only.includes(a.id) || only.includes(a.kind)).map(withKey);
  }
  const keyed = catalog.accounts.filter((a) => a.apiKeyEnv && env[a.apiKeyEnv]);
  if (keyed.length > 0) return keyed.map(withKey);
  return catalog.accounts.filter((a) => a.apiKeyEnv === null).map(withKey);
}
