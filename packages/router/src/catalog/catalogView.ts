// The catalog as the router routes it now, one row per model, for the models page in /usage: prices
// per million tokens, context, what it takes and does, which aliases name it and when it was synced.
import type { Capability, Price, Supports } from "./catalogSchema.ts";
import type { LiveCatalog } from "./liveCatalog.ts";

export interface CatalogModelView {
  id: string;
  label: string;
  capabilities: Capability[];
  price: Price;
  contextWindow: number | null;
  /** Null: no catalog knows what the model takes and does. */
  supports: Supports | null;
  /** The aliases and defaults naming this model: "fast", "strong", "auto" (via a tier), "embeddings", "image". */
  aliases: string[];
  /** Routes through an account that is live now. */
  routable: boolean;
  /** When its price took effect, if it came from a catalog sync (ISO); null: the bundled price. */
  syncedAt: string | null;
}

export function catalogView(live: LiveCatalog): CatalogModelView[] {
  const { tiers, defaults } = live.catalog;
  const aliases = new Map<string, string[]>();
  const add = (id: string, alias: string) => aliases.set(id, [...(aliases.get(id) ?? []), alias]);
  add(tiers.fast, "fast");
  add(tiers.strong, "strong");
  // "auto" picks between the two tiers by the request's complexity.
  add(tiers.fast, "auto");
  if (tiers.strong !== tiers.fast) add(tiers.strong, "auto");
  add(defaults.embeddings, "embeddings");
  add(defaults.image, "image");
  return live.catalog.models.map((m) => ({
    id: m.id,
    label: m.label,
    capabilities: m.capabilities,
    price: m.price,
    contextWindow: m.contextWindow ?? null,
    supports: m.supports ?? null,
    aliases: aliases.get(m.id) ?? [],
    routable: (live.get(m.id)?.routes.length ?? 0) > 0,
    syncedAt: live.syncedAt(m.id)?.toISOString() ?? null,
  }));
}
