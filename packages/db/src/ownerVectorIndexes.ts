// One HNSW index per owner with many todos, instead of one over everyone's. An index over all owners is
// filtered after the scan: on clustered todos at 100k rows its graph walk misses whole clusters (recall@10
// 0.82 for a user with a tenth of the rows, worst query 0; bench/results/rag.md). An owner's own index is a
// small graph of only their todos, and an owner below the threshold is searched exactly through the
// (owner, created_at) btree, which costs less than a walk at that size. Recall never depends on a global
// graph; only speed depends on this housekeeping having run.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Database, resultRows } from "./database.ts";

/** An owner with this many embedded todos gets their own index. */
export const OWNER_INDEX_MIN_TODOS = 1_000;
const PREFIX = "todos_embedding_owner_";
/**
 * The graph's build-time candidate list (pgvector's default is 64). On clustered todos a wider one keeps
 * the worst query's recall@10 at 0.8 instead of 0.1 for a user with 10k todos, for a build about twice as
 * long (13 s instead of 7 s in PGlite) and no cost per search (bench/results/rag.md).
 */
const EF_CONSTRUCTION = 128;
const CREATE_INDEX = `create index if not exists %I on todos using hnsw (embedding vector_cosine_ops) with (ef_construction = ${EF_CONSTRUCTION}) where owner = %L`;
/** Any lock key that no other code takes: one instance builds while the others skip. */
const LOCK_KEY = 0x5e_c7_0a_11;

export interface OwnerIndexRun {
  created: string[];
  dropped: string[];
  /** False when another instance held the lock and this run did nothing. */
  ran: boolean;
}

/** The index's name for an owner: owner ids are user input, so the name is a hash, never the id. */
export const ownerIndexName = (owner: string) =>
  `${PREFIX}${createHash("sha256").update(owner).digest("hex").slice(0, 20)}`;

/**
 * Creates the missing per-owner indexes and drops those of owners who fell below half the threshold
 * (the gap keeps an owner near the line from being rebuilt every run), then refreshes the planner's
 * statistics, which PGlite never gathers on its own. Inside one transaction under an advisory lock, so
 * instances never race; a build blocks writes to todos while it runs (about a second per 10k rows on
 * Postgres; a fork with very large owners may prefer CREATE INDEX CONCURRENTLY outside a transaction).
 */
export async function ensureOwnerVectorIndexes(
  db: Database,
  minTodos = OWNER_INDEX_MIN_TODOS,
): Promise<OwnerIndexRun> {
  return db.transaction(async (tx) => {
    const [lock] = resultRows<{ ok: boolean }>(
      await tx.execute(sql`select pg_try_advisory_xact_lock(${LOCK_KEY}) as ok`),
    );
    if (!lock?.ok) return { created: [], dropped: [], ran: false };
    const counts = resultRows<{ owner: string; n: number }>(
      await tx.execute(sql`select owner, count(*)::int as n from todos
                           where embedding is not null group by owner having count(*) >= ${Math.ceil(minTodos / 2)}`),
    );
    const existing = new Set(
      resultRows<{ name: string }>(
        await tx.execute(sql`select indexname as name from pg_indexes
                             where tablename = 'todos' and indexname like ${`${PREFIX}%`}`),
      ).map((r) => r.name),
    );
    const keep = new Set(counts.map((c) => ownerIndexName(c.owner)));
    const created: string[] = [];
    for (const { owner, n } of counts) {
      const name = ownerIndexName(owner);
      if (n < minTodos || existing.has(name)) continue;
      // format() quotes the owner as a literal and the name as an identifier: no id reaches SQL raw.
      const [ddl] = resultRows<{ text: string }>(
        await tx.execute(sql`select format(${CREATE_INDEX}::text, ${name}::text, ${owner}::text) as text`),
      );
      await tx.execute(sql.raw(ddl!.text));
      created.push(name);
    }
    const dropped = [...existing].filter((name) => !keep.has(name));
    for (const name of dropped) {
      const [ddl] = resultRows<{ text: string }>(
        await tx.execute(sql`select format('drop index if exists %I', ${name}::text) as text`),
      );
      await tx.execute(sql.raw(ddl!.text));
    }
    await tx.execute(sql`analyze todos`);
    return { created, dropped, ran: true };
  });
}
