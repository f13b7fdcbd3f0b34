// The multi-tenant scenario's database: embedded in-memory PGlite with the committed migrations, loaded
// with synthetic todos for many owners. Vectors travel as integers and are normalised by pgvector
// (l2_normalize), since parsing 512 float literals costs PGlite about 1.5 ms a row (100k rows: minutes).
// The full-text index is dropped while rows load and rebuilt after with the migration's definition; the
// per-owner HNSW indexes and the statistics come from the app's housekeeping (ensureOwnerVectorIndexes).
// For comparison, oneIndexForAll() swaps them for the single HNSW index over every owner that the
// migrations had before 0008.
import { createDb, ensureOwnerVectorIndexes, resultRows } from "@switchyard/db";
import { type SQL, sql } from "drizzle-orm";
import { BENCH_MODEL } from "./benchStack.ts";
import { normalise, synthesiseTodos } from "./synthesiseTodos.ts";
import type { TenantLayout } from "./tenantCorpus.ts";

const CHUNK = 5_000;
const ROWS_PER_INSERT = 500;

export interface TenantLoad {
  insertSeconds: number;
  indexSeconds: number;
  /** Owners who got their own HNSW index. */
  ownerIndexes: number;
}

/** A vector as integers scaled so the largest component is 2^24; l2_normalize restores the unit vector. */
const integerVector = (v: number[]): string => {
  const largest = v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  const scale = largest > 0 ? 2 ** 24 / largest : 0;
  return `{${v.map((x) => Math.round(x * scale)).join(",")}}`;
};

export async function openTenantStack(
  base: { text: string; embedding: number[] }[],
  layout: TenantLayout,
  log: (line: string) => void,
) {
  const handle = await createDb({ dataDir: "memory://" });
  const db = handle.db;
  const ids: string[] = [];
  const vectors: Float32Array[] = [];

  await db.execute(sql`drop index todos_search_gin_idx`);
  const t0 = performance.now();
  for (let start = 0; start < layout.todos; start += CHUNK) {
    // Chunks with their own seed, so 100k vectors are never all held as number arrays at once.
    const chunk = synthesiseTodos(base, Math.min(CHUNK, layout.todos - start), 100 + start);
    for (let i = 0; i < chunk.length; i += ROWS_PER_INSERT) {
      const rows: SQL[] = chunk.slice(i, i + ROWS_PER_INSERT).map((t, j) => {
        vectors.push(Float32Array.from(normalise(t.embedding)));
        return sql`(${layout.owners[start + i + j]}, ${t.title}, ${t.notes},
                    l2_normalize(${integerVector(t.embedding)}::int[]::vector), ${BENCH_MODEL})`;
      });
      const inserted = resultRows<{ id: string }>(
        await db.execute(sql`insert into todos (owner, title, notes, embedding, embedding_model)
                             values ${sql.join(rows, sql`, `)} returning id`),
      );
      for (const r of inserted) ids.push(r.id);
    }
    log(`  inserted ${start + chunk.length} todos`);
  }
  const t1 = performance.now();
  // Builds get 1 GB of working memory so a graph is built in memory (faster); the graph is the same.
  await db.execute(sql`set maintenance_work_mem = '1GB'`);
  await db.execute(
    sql`create index todos_search_gin_idx on todos using gin (search_vector) with (fastupdate = false)`,
  );
  const ownerIndexes = await ensureOwnerVectorIndexes(db);
  const load: TenantLoad = {
    insertSeconds: (t1 - t0) / 1000,
    indexSeconds: (performance.now() - t1) / 1000,
    ownerIndexes: ownerIndexes.created.length,
  };
  /** Replaces the per-owner indexes with one HNSW index over all owners (the plan before migration 0008). */
  const oneIndexForAll = async (): Promise<number> => {
    const t = performance.now();
    for (const name of ownerIndexes.created) await db.execute(sql.raw(`drop index ${name}`));
    await db.execute(
      sql`create index todos_embedding_hnsw_idx on todos using hnsw (embedding vector_cosine_ops)`,
    );
    await db.execute(sql`analyze todos`);
    return (performance.now() - t) / 1000;
  };
  return { db, ids, vectors, owners: layout.owners, load, oneIndexForAll, close: () => handle.close() };
}

export type TenantStack = Awaited<ReturnType<typeof openTenantStack>>;
