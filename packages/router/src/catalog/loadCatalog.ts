// Builds the catalog: defaults, then an optional override (object or JSON file) merged by id, then
// the bundled catalog's models that neither names (unless the override says bundled: false).
import { readFileSync } from "node:fs";
import { bundledModels } from "./bundledCatalog.ts";
import { type Catalog, type CatalogOverride, catalogOverrideSchema, catalogSchema } from "./catalogSchema.ts";
import { defaultCatalog } from "./defaultCatalog.ts";

function mergeById<T extends { id: string }>(base: T[], over: T[] | undefined): T[] {
  if (!over) return base;
  const byId = new Map(base.map((item) => [item.id, item]));
  for (const item of over) byId.set(item.id, item);
  return [...byId.values()];
}

export function buildCatalog(override?: CatalogOverride): Catalog {
  const base = catalogSchema.parse(defaultCatalog);
  if (!override) return validateReferences(withBundled(base));
  const over = catalogOverrideSchema.parse(override);
  const merged = catalogSchema.parse({
    accounts: mergeById(base.accounts, over.accounts),
    models: mergeById(base.models, over.models),
    tiers: { ...base.tiers, ...over.tiers },
    defaults: { ...base.defaults, ...over.defaults },
  });
  return validateReferences(over.bundled === false ? merged : withBundled(merged));
}

/** Appends the bundled models (parsed once per process) whose ids the catalog does not have. */
function withBundled(catalog: Catalog): Catalog {
  const configured = new Set(catalog.models.map((m) => m.id));
  const extra = bundledModels().filter((m) => !configured.has(m.id));
  return { ...catalog, models: [...catalog.models, ...extra] };
}

/** Reads a JSON override file (e.g. SWITCHYARD_CATALOG=./catalog.json). */
export function loadCatalogFile(path: string): Catalog {
  const raw: unknown = JSON.parse(readFileSync(path, "utf8"));
  return buildCatalog(raw as CatalogOverride);
}

function validateReferences(catalog: Catalog): Catalog {
  const accounts = new Set(catalog.accounts.map((a) => a.id));
  const models = new Set(catalog.models.map((m) => m.id));
  for (const model of catalog.models) {
    for (const route of model.routes) {
      if (!accounts.has(route.account)) {
        throw new Error(`catalog: model ${model.id} routes to unknown account "${route.account}"`);
      }
    }
  }
  for (const id of [
    catalog.tiers.fast,
    catalog.tiers.strong,
    catalog.defaults.embeddings,
    catalog.defaults.image,
  ]) {
    if (!models.has(id)) throw new Error(`catalog: tier/default names unknown model "${id}"`);
  }
  return catalog;
}
