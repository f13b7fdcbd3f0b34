import { customType, timestamp } from "drizzle-orm/pg-core";

/** Every embedding in Switchyard is 512-d (USE-lite offline, text-embedding-3-small at 512 dimensions). */
export const EMBEDDING_DIMENSIONS = 512;

/** Postgres full-text search vector; only ever written by a generated column. */
export const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () =>
  timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());
