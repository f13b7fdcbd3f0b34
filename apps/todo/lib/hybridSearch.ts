// Hybrid retrieval: pgvector cosine (the owner's HNSW index, or an exact scan of a small owner's todos) and
// Postgres full text ranked separately, fused by reciprocal rank fusion (RRF, k = 60). Both arms filter by
// owner inside the SQL, and the vector arm only compares vectors of the query's model, since vectors of
// different models live in different spaces.
import { type Database, isSingleSession, resultRows, type Todo } from "@switchyard/db";
import { sql } from "drizzle-orm";
import { cosineQueryVector } from "./cosineQueryVector.ts";
import { toView } from "./todoRepository.ts";
import type { SearchHit } from "./todoSchemas.ts";

export interface HybridQuery {
  owner: string;
  text: string;
  embedding: number[] | null;
  embeddingModel: string | null;
  limit?: number;
  /** Semantic candidates farther than this cosine distance are dropped (unrelated text sits near 0.75). */
  maxDistance?: number;
}

const RRF_K = 60;
/** Candidates each arm contributes before fusion. */
export const ARM_LIMIT = 40;
/** HNSW candidate list size; pgvector's default is 40. */
export const HNSW_EF_SEARCH = 100;

interface Row {
  id: string;
  owner: string;
  title: string;
  notes: string;
  status: "open" | "done";
  priority: number;
  due_date: string | null;
  tags: string[];
  embedding_model: string | null;
  created_at: string | Date;
  updated_at: string | Date;
  score: number | string;
  semantic_rank: number | string | null;
  lexical_rank: number | string | null;
}

const toDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));
const toNumber = (v: number | string | null) => (v === null ? null : Number(v));

function toHit(row: Row): SearchHit {
  const todo = {
    id: row.id,
    owner: row.owner,
    title: row.title,
    notes: row.notes,
    status: row.status,
    priority: row.priority,
    dueDate: row.due_date,
    tags: row.tags,
    embedding: null,
    embeddingModel: row.embedding_model,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  } as Todo;
  return {
    todo: toView(todo),
    score: Number(row.score),
    semanticRank: toNumber(row.semantic_rank),
    lexicalRank: toNumber(row.lexical_rank),
  };
}

export function hybridSearchSql(q: HybridQuery) {
  const limit = q.limit ?? 10;
  const maxDistance = q.maxDistance ?? 0.65;
  // #region hybrid-sql
  // The query vector is sent once and each candidate's distance computed once (ORDER BY its alias
  // still walks the HNSW index): parsing the vector costs PGlite about as much as the index scan.
  const semantic = q.embedding
    ? sql`select id, created_at, row_number() over (order by distance) as rank
          from (select id, created_at, embedding <=> ${cosineQueryVector(q.embedding)} as distance
                from todos
                where owner = ${q.owner} and embedding_model = ${q.embeddingModel}
                order by distance limit ${ARM_LIMIT}) nearest
          where distance <= ${maxDistance}`
    : sql`select null::uuid as id, null::timestamptz as created_at, 0::bigint as rank where false`;
  // Fused and cut to `limit` before the join, so only the rows returned are read in full.
  return sql`
    with semantic as (${semantic}),
    lexical as (
      select id, created_at, row_number() over (order by ts_rank_cd(search_vector, query) desc) as rank
      from todos, websearch_to_tsquery('english', ${q.text}) query
      where owner = ${q.owner} and search_vector @@ query
      order by ts_rank_cd(search_vector, query) desc
      limit ${ARM_LIMIT}
    ),
    fused as (
      select coalesce(s.id, l.id) as id, coalesce(s.created_at, l.created_at) as created_at,
             coalesce(1.0 / (${RRF_K} + s.rank), 0) + coalesce(1.0 / (${RRF_K} + l.rank), 0) as score,
             s.rank as semantic_rank, l.rank as lexical_rank
      from semantic s full outer join lexical l on s.id = l.id
      order by score desc, created_at desc
      limit ${limit}
    )
    select t.id, t.owner, t.title, t.notes, t.status, t.priority, t.due_date, t.tags, t.embedding_model,
           t.created_at, t.updated_at, f.score, f.semantic_rank, f.lexical_rank
    from fused f join todos t on t.id = f.id and t.owner = ${q.owner}
    order by f.score desc, f.created_at desc`;
  // #endregion
}

// #region hnsw-settings
/**
 * An owner with many todos has their own HNSW index (ensureOwnerVectorIndexes); one with few is searched
 * exactly through the owner btree. The model filter applies after the scan, and pgvector 0.8's iterative
 * scan keeps reading the owner's index until enough rows pass it. `ef_search` 100 keeps recall@10 near
 * 0.99 for a user with 10k todos among 100k (bench/results/rag.md).
 */
const hnswSettings = (local: boolean) =>
  sql`select set_config('hnsw.iterative_scan', 'relaxed_order', ${local}),
             set_config('hnsw.ef_search', ${String(HNSW_EF_SEARCH)}, ${local})`;
const configured = new WeakSet<Database>();

export async function hybridSearch(db: Database, q: HybridQuery): Promise<SearchHit[]> {
  const run = async (conn: Database) => resultRows<Row>(await conn.execute(hybridSearchSql(q))).map(toHit);
  if (!q.embedding) return run(db);
  // Embedded PGlite is one session for the whole process: set the options once and every later query
  // has them (a transaction per search cost a millisecond). A pool of Postgres connections gets them
  // per search, inside a transaction, so no connection is ever searched without them.
  if (isSingleSession(db)) {
    if (!configured.has(db)) {
      await db.execute(hnswSettings(false));
      configured.add(db);
    }
    return run(db);
  }
  return db.transaction(async (tx) => {
    await tx.execute(hnswSettings(true));
    return run(tx as unknown as Database);
  });
}
// #endregion
