// Filters and orders the routes that may serve a request. A request nothing can serve fails at once
// with `no_candidate`, naming which filter removed which endpoints.
import type { Capability, CatalogModel } from "../catalog/catalogSchema.ts";
import type { LiveCatalog, LiveRoute } from "../catalog/liveCatalog.ts";
import { RouterError } from "../errors.ts";
import type { RequestOptions } from "../types.ts";
import { type NeededCapability, unmetNeed } from "./requestNeeds.ts";

/** What a request needs of an endpoint (the models to try are passed beside it). */
export interface CandidateQuery {
  capability: Capability;
  needsVision: boolean;
  /** Tools or structured outputs the request uses; null when none. */
  needs?: NeededCapability[] | null;
  /** Prompt plus requested output tokens, for the context-window check. */
  contextTokens: number;
  options: RequestOptions;
}

type FilterName = "not_configured" | "capability" | "context_window" | "zdr" | "price" | "provider";

const filterWords: Record<FilterName, string> = {
  not_configured: "no key configured for",
  capability: "lacks the capability",
  context_window: "context window too small",
  zdr: "not zero-data-retention",
  price: "above max price",
  provider: "excluded by only/ignore",
};

const matches = (r: LiveRoute, names: string[]) =>
  names.includes(r.route.endpoint) ||
  names.includes(r.account.id) ||
  (r.route.upstreamProvider !== undefined && names.includes(r.route.upstreamProvider));

// #region candidate-filters
function removedBy(r: LiveRoute, q: CandidateQuery): FilterName | null {
  const m = r.model;
  const o = q.options;
  if (!m.capabilities.includes(q.capability) || (q.needsVision && !m.capabilities.includes("vision"))) {
    return "capability";
  }
  if (q.needs && unmetNeed(m.supports, q.needs) !== null) return "capability";
  if (m.contextWindow !== undefined && q.contextTokens > m.contextWindow) return "context_window";
  // OpenRouter enforces ZDR itself when asked (provider.zdr), so its routes stay eligible.
  if (o.zdrOnly && !r.route.zdr && r.account.kind !== "openrouter") return "zdr";
  if (o.maxPrice) {
    if (o.maxPrice.prompt !== undefined && m.price.inputPerMTokens > o.maxPrice.prompt) return "price";
    if (o.maxPrice.completion !== undefined && m.price.outputPerMTokens > o.maxPrice.completion)
      return "price";
  }
  if (o.only && o.only.length > 0 && !matches(r, o.only)) return "provider";
  if (o.ignore && o.ignore.length > 0 && matches(r, o.ignore)) return "provider";
  return null;
}
// #endregion

type Removed = Partial<Record<FilterName, string[]>>;

function remove(removed: Removed, filter: FilterName, label: string): void {
  const list = removed[filter];
  if (list) list.push(label);
  else removed[filter] = [label];
}

export function selectCandidates(live: LiveCatalog, modelIds: string[], q: CandidateQuery): LiveRoute[] {
  // The usual request: one model, all of whose routes may serve it, in catalog order. Its own route
  // list is the answer (the engine only reads it), so nothing is allocated (README, Overhead).
  if (modelIds.length === 1) {
    const routes = live.get(modelIds[0]!)?.routes;
    if (routes && routes.length > 0 && everyRouteServes(routes, q) && keepsOrder(routes, q.options.sort)) {
      return routes;
    }
  }
  const out: LiveRoute[] = [];
  const removed: Removed = {};
  for (const id of modelIds) {
    const lm = live.get(id);
    if (!lm) continue;
    for (const endpoint of lm.notConfigured) remove(removed, "not_configured", `${endpoint} (${id})`);
    for (const r of lm.routes) {
      const filter = removedBy(r, q);
      if (filter) remove(removed, filter, removedLabel(r, q, filter));
      else out.push(r);
    }
  }
  if (out.length === 0) throw noCandidate(modelIds, removed);
  return orderCandidates(out, q.options.sort);
}

function everyRouteServes(routes: LiveRoute[], q: CandidateQuery): boolean {
  for (const r of routes) if (removedBy(r, q) !== null) return false;
  return true;
}

/** True when orderCandidates would leave these routes (of one model) as they are. */
function keepsOrder(routes: LiveRoute[], sort: RequestOptions["sort"]): boolean {
  if (routes.length < 2) return true;
  if (sort) return false;
  for (const r of routes) if (r.health.errorRate > 0.5) return false;
  return true;
}

/** "endpoint (model)", and for a capability the request needs, which one the model lacks. */
function removedLabel(r: LiveRoute, q: CandidateQuery, filter: FilterName): string {
  const label = `${r.route.endpoint} (${r.model.id})`;
  const unmet = filter === "capability" && q.needs ? unmetNeed(r.model.supports, q.needs) : null;
  return unmet ? `${label}: ${unmet}` : label;
}

function orderCandidates(routes: LiveRoute[], sort: RequestOptions["sort"]): LiveRoute[] {
  if (routes.length < 2) return routes;
  const modelPos = new Map<CatalogModel, number>();
  for (const r of routes) if (!modelPos.has(r.model)) modelPos.set(r.model, modelPos.size);
  const primary = (r: LiveRoute): number => {
    const h = r.health;
    if (sort === "price") return r.blendedPrice;
    if (sort === "latency") return h.ttftMs ?? h.latencyMs ?? 1e12;
    if (sort === "throughput") return -(h.tokensPerSecond ?? 0);
    return modelPos.get(r.model)!;
  };
  // Within equal keys, an endpoint failing most of its recent calls goes after its peers.
  const keyed = routes.map((r, i) => ({ r, i, k: primary(r), d: r.health.errorRate > 0.5 ? 1 : 0 }));
  keyed.sort((a, b) => a.k - b.k || a.d - b.d || a.i - b.i);
  return keyed.map((x) => x.r);
}

export function noCandidate(modelIds: string[], removed: Partial<Record<string, string[]>>): RouterError {
  const parts = Object.entries(removed).map(
    ([filter, labels]) => `${filterWords[filter as FilterName] ?? filter}: ${labels?.join(", ")}`,
  );
  const what = modelIds.join(", ") || "the request";
  return new RouterError(
    "no_candidate",
    `No endpoint can serve ${what}.${parts.length ? ` Removed: ${parts.join("; ")}.` : ""}`,
    // A copy: the ids may be a catalog model's shared list.
    { details: { models: [...modelIds], removed } },
  );
}
