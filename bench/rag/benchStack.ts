// The benchmark's database and router: embedded in-memory PGlite with the committed migrations, plus
// the local provider in-process behind a router (for the "including the query embedding" figures).
// Rows load with no vector index; the owner's own HNSW index is built after, as the app's housekeeping does.
import { createDb, ensureOwnerVectorIndexes, todos } from "@switchyard/db";
import { startLocalProvider } from "@switchyard/local-provider";
import { createRouter } from "@switchyard/router";
import type { SyntheticTodo } from "./synthesiseTodos.ts";

export const BENCH_OWNER = "bench-user";
export const BENCH_MODEL = "local/use-lite-512";
/** One todo in ten belongs to someone else, so the owner filter has work to do. */
const OTHER_OWNER_EVERY = 10;

export interface LoadFigures {
  rows: number;
  ownerRows: number;
  insertSeconds: number;
  indexSeconds: number;
}

export async function openBenchStack() {
  const handle = await createDb({ dataDir: "memory://" });
  const provider = await startLocalProvider();
  const router = createRouter({
    env: {},
    localProviderUrl: provider.url,
    policy: { credits: { refreshMs: 0 } },
  });
  const db = handle.db;
  const owned: { id: string; embedding: Float32Array }[] = [];
  let rows = 0;

  return {
    db,
    router,
    owned,
    async load(batch: SyntheticTodo[]): Promise<LoadFigures> {
      const t0 = performance.now();
      for (let i = 0; i < batch.length; i += 250) {
        const values = batch.slice(i, i + 250).map((t, j) => ({
          owner: (rows + i + j) % OTHER_OWNER_EVERY === 0 ? "someone-else" : BENCH_OWNER,
          title: t.title,
          notes: t.notes,
          embedding: t.embedding,
          embeddingModel: BENCH_MODEL,
        }));
        const inserted = await db
          .insert(todos)
          .values(values)
          .returning({ id: todos.id, owner: todos.owner });
        inserted.forEach((r, j) => {
          if (r.owner === BENCH_OWNER)
            owned.push({ id: r.id, embedding: Float32Array.from(values[j]!.embedding) });
        });
      }
      rows += batch.length;
      const t1 = performance.now();
      // The app's hourly housekeeping, run now: the owner's own HNSW index (pgvector's defaults,
      // m = 16, ef_construction = 64) once they have enough todos, then fresh statistics.
      await ensureOwnerVectorIndexes(db);
      const t2 = performance.now();
      return {
        rows,
        ownerRows: owned.length,
        insertSeconds: (t1 - t0) / 1000,
        indexSeconds: (t2 - t1) / 1000,
      };
    },
    async close() {
      await router.close();
      await provider.close();
      await handle.close();
    },
  };
}

export type BenchStack = Awaited<ReturnType<typeof openBenchStack>>;
