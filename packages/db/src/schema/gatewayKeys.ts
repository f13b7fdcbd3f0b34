// The gateway's virtual keys (apps/gateway): what a key may do and spend. The key itself is never
// stored, only its SHA-256, so a leaked table cannot be replayed as keys.
import { index, integer, jsonb, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth.ts";
import { createdAt } from "./columns.ts";

export const gatewayKeys = pgTable(
  "gateway_keys",
  {
    /** Stable id ("vk_…"): what the ledger's key_id, budgets and rate limits name; never a secret. */
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    /** SHA-256 of the whole key, hex. Looked up by this, then compared in constant time. */
    keyHash: text("key_hash").notNull().unique(),
    /** The key's first characters ("sk-sy-AbC…"), so a person can tell keys apart in a list. */
    keyPrefix: text("key_prefix").notNull(),
    /** The account that owns the key: its ledger rows carry this user id. */
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Models or aliases the key may ask for; empty: any. */
    allowedModels: jsonb("allowed_models").$type<string[]>().notNull().default([]),
    /** USD per UTC day and per UTC month; null: no cap of that kind. */
    dailyUsd: numeric("daily_usd", { precision: 18, scale: 10, mode: "number" }),
    monthlyUsd: numeric("monthly_usd", { precision: 18, scale: 10, mode: "number" }),
    /** Requests and tokens per minute; null: no limit. */
    rpm: integer("rpm"),
    tpm: integer("tpm"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** Set once: a revoked key is refused from then on and cannot be restored. */
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("gateway_keys_owner_idx").on(t.ownerId)],
);

export type GatewayKeyRow = typeof gatewayKeys.$inferSelect;
