// The vector arm as the app runs it (query vector sent as integers, owner filter inside the SQL,
// iterative HNSW scan, top ARM_LIMIT candidates), timed with the app's session settings, and the
// same arm at a chosen ef_search for recall, with whether the planner really used the HNSW index.

import { type Database, resultRows } from "@switchyard/db";
import { type SQL, sql } from "drizzle-orm";
import { cosineQueryVector } from "../../apps/todo/lib/cosineQueryVector.ts";
import {
  ARM_LIMIT,
  HNSW_EF_SEARCH,
  type HybridQuery,
  hybridSearchSql,
} from "../../apps/todo/lib/hybridSearch.ts";
import { BENCH_MODEL } from "./benchStack.ts";

const hnswSettings = (efSearch: number, local: boolean) =>
  sql`select set_config('hnsw.iterative_scan', 'relaxed_order', ${local}),
             set_config('hnsw.ef_search', ${String(Math.floor(efSearch))}, ${local})`;

/** The app's settings for this (single) PGlite session, as hybridSearch sets them. */
export async function useAppHnswSettings(db: Database): Promise<void> {
  await db.execute(hnswSettings(HNSW_EF_SEARCH, false));
}

const armSql = (owner: string, query: number[], k: number) =>
  sql`select id from (select id, embedding <=> ${cosineQueryVector(query)} as distance from todos
      where owner = ${owner} and embedding_model = ${BENCH_MODEL}
      order by distance limit ${ARM_LIMIT}) nearest order by distance limit ${k}`;

/** The vector arm under the session's settings (call useAppHnswSettings first). */
export async function vectorArmTopK(db: Database, owner: string, query: number[], k: number) {
  return resultRows<{ id: string }>(await db.execute(armSql(owner, query, k))).map((r) => r.id);
}

const usesHnsw = async (tx: { execute: Database["execute"] }, query: SQL) =>
  resultRows<{ "QUERY PLAN": string }>(await tx.execute(sql`explain ${query}`)).some((r) =>
    /Index Scan using todos_embedding_/.test(r["QUERY PLAN"]),
  );

/** The vector arm's top k at one ef_search, and whether its plan walked the HNSW index. */
export async function hnswTopK(db: Database, owner: string, query: number[], k: number, efSearch: number) {
  return db.transaction(async (tx) => {
    await tx.execute(hnswSettings(efSearch, true));
    const ids = resultRows<{ id: string }>(await tx.execute(armSql(owner, query, k))).map((r) => r.id);
    return { ids, indexUsed: await usesHnsw(tx, armSql(owner, query, k)) };
  });
}

/** Whether the planner answers the app's whole hybrid query from the HNSW index, at the app's settings. */
export async function hybridUsesHnsw(db: Database, q: HybridQuery): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(hnswSettings(HNSW_EF_SEARCH, true));
    return usesHnsw(tx, hybridSearchSql(q));
  });
}

/**
 * The index's own recall, with no owner filter: HNSW's top k over every todo at the app's ef_search
 * (re-sorted, as a relaxed-order scan needs), for comparing with exact search over all vectors.
 */
export async function unfilteredHnswTopK(db: Database, query: number[], k: number): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.execute(hnswSettings(HNSW_EF_SEARCH, true));
    const rows = await tx.execute(
      sql`with nearest as materialized (select id, embedding <=> ${cosineQueryVector(query)} as distance
          from todos order by distance limit ${ARM_LIMIT}) select id from nearest order by distance limit ${k}`,
    );
    return resultRows<{ id: string }>(rows).map((r) => r.id);
  });
}
