// The synced catalog: each model's price and capabilities as dated records (price history) and the
// sync runs. Records are only added: a price change is a new row from its effective_from on, so a
// ledger row (which keeps the cost it was charged) never disagrees with a rewritten past.
import type { Price, Supports } from "@switchyard/router";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const modelPrices = pgTable(
  "model_prices",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** The model as the listing names it (an OpenRouter id, or a local provider's model). */
    modelId: text("model_id").notNull(),
    effectiveFrom: timestamp("effective_from", { withTimezone: true }).notNull(),
    price: jsonb("price").$type<Price>().notNull(),
    contextWindow: integer("context_window"),
    /** Null: the listing says nothing of what the model takes and does. */
    supports: jsonb("supports").$type<Supports>(),
    /** The listing's URL. */
    source: text("source").notNull(),
  },
  (t) => [uniqueIndex("model_prices_model_effective_idx").on(t.modelId, t.effectiveFrom)],
);

export const catalogSyncs = pgTable(
  "catalog_syncs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    source: text("source").notNull(),
    ok: boolean("ok").notNull(),
    models: integer("models").notNull(),
    changed: integer("changed").notNull(),
    error: text("error"),
  },
  (t) => [index("catalog_syncs_at_idx").on(t.at)],
);

export type ModelPriceRow = typeof modelPrices.$inferSelect;
export type CatalogSyncRow = typeof catalogSyncs.$inferSelect;
