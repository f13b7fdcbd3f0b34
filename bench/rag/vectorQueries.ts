// The vector arm alone, as the app runs it (owner filter inside the SQL, iterative HNSW scan), and the
// same query with the index disabled (exact), to compare.
import { type Database, resultRows } from "@switchyard/db";
import { sql } from "drizzle-orm";

export async function hnswTopK(
  db: Database,
  owner: string,
  query: number[],
  k: number,
  efSearch: number,
): Promise<string[]> {
  const vector = JSON.stringify(query);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local hnsw.iterative_scan = relaxed_order`);
    await tx.execute(sql.raw(`set local hnsw.ef_search = ${Math.floor(efSearch)}`));
    const rows = resultRows<{ id: string }>(
      await tx.execute(sql`select id from (select id, embedding <=> ${vector}::vector as d from todos
        where owner = ${owner} order by embedding <=> ${vector}::vector limit ${k}) t order by d`),
    );
    return rows.map((r) => r.id);
  });
}

export async function usesHnswIndex(db: Database, owner: string, query: number[]): Promise<boolean> {
  const vector = JSON.stringify(query);
  const plan = resultRows<{ "QUERY PLAN": string }>(
    await db.execute(
      sql`explain select id from todos where owner = ${owner} order by embedding <=> ${vector}::vector limit 10`,
    ),
  );
  return plan.some((r) => r["QUERY PLAN"].includes("todos_embedding_hnsw_idx"));
}
