-- Hand-written (drizzle has no table storage options). With the embedding inline (0002) a todo row is
-- about 2.3 KB, over Postgres's 2 KB toasting threshold, so the title, notes, tags and search_vector
-- were moved out to TOAST instead, and every full-text match fetched its tsvector from a side table.
-- Rows up to a page (8 KB) now stay whole; longer notes still go out of line, largest value first.
ALTER TABLE "todos" SET (toast_tuple_target = 8160);--> statement-breakpoint
DROP INDEX "todos_embedding_hnsw_idx";--> statement-breakpoint
-- Fresh values are stored whole (an unchanged one would keep its TOAST pointer), and search_vector is
-- regenerated from them. The HNSW index is rebuilt once around this instead of taking 2 entries per row.
UPDATE "todos" SET "title" = "title" || '', "notes" = "notes" || '', "tags" = "tags" || '{}'::text[];--> statement-breakpoint
CREATE INDEX "todos_embedding_hnsw_idx" ON "todos" USING hnsw ("embedding" vector_cosine_ops);
