// The catalog narrowed to what is reachable right now: accounts with a key (or the local provider
// when no key is set), each route resolved to its URL once, at start-up, so the request path does no
// lookups or string building. A bundled model's route gets its health object when a request first
// asks for it, so breakerStates() lists the configured routes and, of the hundreds of others, only
// those in use.

import type { HealthRegistry } from "../health/healthRegistry.ts";
import type { RouteHealth } from "../health/routeHealth.ts";
import { isBundled } from "./bundledCatalog.ts";
import type { Account, Catalog, CatalogModel, Route } from "./catalogSchema.ts";

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
}

class LiveRouteEntry implements LiveRoute {
  readonly model: CatalogModel;
  readonly route: Route;
  readonly account: LiveAccount;
  readonly url: string;
  readonly label: string;
  readonly #registry: HealthRegistry;
  #health: RouteHealth | undefined;

  constructor(model: CatalogModel, route: Route, account: LiveAccount, registry: HealthRegistry) {
    this.model = model;
    this.route = route;
    this.account = account;
    this.url = `${account.baseUrl.replace(/\/+$/, "")}${route.path}`.replace(/\/+$/, "");
    this.label = `${model.id}@${route.endpoint}`;
    this.#registry = registry;
  }

  get health(): RouteHealth {
    this.#health ??= this.#registry.route(this.route.endpoint, this.model.id);
    return this.#health;
  }
}

export interface LiveModel {
  model: CatalogModel;
  routes: LiveRoute[];
  /** Route endpoints left out because their account is not configured. */
  notConfigured: string[];
}

export class LiveCatalog {
  readonly catalog: Catalog;
  readonly accounts: LiveAccount[];
  readonly #models = new Map<string, LiveModel>();

  constructor(catalog: Catalog, accounts: LiveAccount[], health: HealthRegistry) {
    this.catalog = catalog;
    this.accounts = accounts;
    const byId = new Map(accounts.map((a) => [a.id, a]));
    for (const model of catalog.models) {
      const routes: LiveRoute[] = [];
      const notConfigured: string[] = [];
      for (const route of model.routes) {
        const account = byId.get(route.account);
        if (!account) {
          notConfigured.push(route.endpoint);
          continue;
        }
        const entry = new LiveRouteEntry(model, route, account, health);
        if (!isBundled(model)) void entry.health;
        routes.push(entry);
      }
      this.#models.set(model.id, { model, routes, notConfigured });
    }
  }

  get(modelId: string): LiveModel | undefined {
    return this.#models.get(modelId);
  }

  tierOf(modelId: string): "fast" | "strong" | null {
    if (modelId === this.catalog.tiers.fast) return "fast";
    if (modelId === this.catalog.tiers.strong) return "strong";
    return null;
  }
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
