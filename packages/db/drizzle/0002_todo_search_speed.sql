DROP INDEX "todos_search_gin_idx";--> statement-breakpoint
CREATE INDEX "todos_search_gin_idx" ON "todos" USING gin ("search_vector") WITH (fastupdate=false);--> statement-breakpoint
-- Hand-written (drizzle has no column storage): keep each 512-d embedding (2 KB) inside its row. Stored
-- out of line (TOAST), every distance the search computes fetched and reassembled it from a side table.
-- Existing rows are rewritten with a fresh value, which is stored inline; the HNSW index is rebuilt once
-- around that instead of taking 2 entries per row.
ALTER TABLE "todos" ALTER COLUMN "embedding" SET STORAGE PLAIN;--> statement-breakpoint
DROP INDEX "todos_embedding_hnsw_idx";--> statement-breakpoint
UPDATE "todos" SET "embedding" = "embedding"::real[]::vector WHERE "embedding" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "todos_embedding_hnsw_idx" ON "todos" USING hnsw ("embedding" vector_cosine_ops);
