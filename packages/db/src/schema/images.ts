import { index, integer, jsonb, numeric, pgTable, text, uuid, vector } from "drizzle-orm/pg-core";
import { createdAt, EMBEDDING_DIMENSIONS, updatedAt } from "./columns.ts";

export const images = pgTable(
  "images",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    owner: text("owner").notNull(),
    prompt: text("prompt").notNull(),
    /** Size, aspect, style preset, seed… as the user asked for them. */
    parameters: jsonb("parameters").$type<Record<string, unknown>>().notNull().default({}),
    model: text("model").notNull(),
    provider: text("provider").notNull(),
    /** Where the bytes live in the storage backend (local disk by default). */
    storageKey: text("storage_key").notNull(),
    mime: text("mime").notNull().default("image/png"),
    width: integer("width"),
    height: integer("height"),
    costUsd: numeric("cost_usd", { precision: 18, scale: 10, mode: "number" }).notNull().default(0),
    promptEmbedding: vector("prompt_embedding", { dimensions: EMBEDDING_DIMENSIONS }),
    embeddingModel: text("embedding_model"),
    /** The submission's key; one submission may make up to 4 images, so not unique. */
    idempotencyKey: text("idempotency_key"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("images_owner_created_idx").on(t.owner, t.createdAt),
    index("images_prompt_embedding_hnsw_idx").using("hnsw", t.promptEmbedding.op("vector_cosine_ops")),
    index("images_idempotency_key_idx").on(t.idempotencyKey),
    // The orphan sweeper asks which of a batch of storage keys some row references.
    index("images_storage_key_idx").on(t.storageKey),
  ],
);

export type Image = typeof images.$inferSelect;
export type NewImage = typeof images.$inferInsert;
