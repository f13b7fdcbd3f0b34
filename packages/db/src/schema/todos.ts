import { type SQL, sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, uuid, vector } from "drizzle-orm/pg-core";
import { createdAt, EMBEDDING_DIMENSIONS, tsvector, updatedAt } from "./columns.ts";

export const TODO_STATUSES = ["open", "done"] as const;

// #region todos-table
export const todos = pgTable(
  "todos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    owner: text("owner").notNull(),
    title: text("title").notNull(),
    notes: text("notes").notNull().default(""),
    status: text("status", { enum: TODO_STATUSES }).notNull().default("open"),
    /** 0 = none … 3 = high. */
    priority: integer("priority").notNull().default(0),
    dueDate: date("due_date", { mode: "string" }),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    embedding: vector("embedding", { dimensions: EMBEDDING_DIMENSIONS }),
    /** The model that made `embedding`; null means the row waits for the backfill. */
    embeddingModel: text("embedding_model"),
    /** Title weighs more than notes in full-text ranking. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('english', ${todos.title}), 'A') || setweight(to_tsvector('english', ${todos.notes}), 'B')`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("todos_owner_created_idx").on(t.owner, t.createdAt),
    // No HNSW index over every owner's vectors: each owner with many todos gets their own
    // (ownerVectorIndexes.ts), the others are searched exactly through the btree above.
    // PGlite runs no autovacuum, so GIN's pending list (fastupdate) would never be merged and every
    // search would scan it linearly: entries go straight into the index instead.
    index("todos_search_gin_idx").using("gin", t.searchVector).with({ fastupdate: false }),
    index("todos_needs_embedding_idx").on(t.createdAt).where(sql`${t.embeddingModel} is null`),
  ],
);
// #endregion

export type Todo = typeof todos.$inferSelect;
export type NewTodo = typeof todos.$inferInsert;
