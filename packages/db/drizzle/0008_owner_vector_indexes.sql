-- One HNSW index per owner with many todos replaces the index over all owners (see src/ownerVectorIndexes.ts).
DROP INDEX "todos_embedding_hnsw_idx";