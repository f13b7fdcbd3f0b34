import { index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";

export const IDEMPOTENCY_STATES = ["in_progress", "completed"] as const;

/**
 * Stripe-style idempotency: a key is claimed, then completed with the response that replays. A response
 * holds references (an image's row id), never bytes. The purge deletes rows past expires_at (indexed).
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    /** e.g. "router:chat" or "todo:create", so apps and the router never collide. */
    namespace: text("namespace").notNull(),
    key: text("key").notNull(),
    /** Hash of the request body; the same key with another fingerprint is a conflict. */
    fingerprint: text("fingerprint").notNull(),
    state: text("state", { enum: IDEMPOTENCY_STATES }).notNull().default("in_progress"),
    /** Who holds the claim (a token made at claim time): only it may complete or release the key. */
    holder: text("holder"),
    response: jsonb("response"),
    /** A claim older than this is abandoned (its process died) and may be taken over. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.namespace, t.key] }),
    index("idempotency_keys_expires_at_idx").on(t.expiresAt),
  ],
);

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
