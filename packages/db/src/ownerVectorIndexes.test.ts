// Per-owner HNSW indexes: made for owners at the threshold, not below, dropped under half of it, named by
// a hash so a hostile owner id never reaches SQL, and used by an owner-filtered nearest-neighbour query.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultRows } from "./database.ts";
import { ensureOwnerVectorIndexes, ownerIndexName } from "./ownerVectorIndexes.ts";
import { todos } from "./schema/index.ts";
import { DATABASE_PATHS, near, randomVector, type TestDatabase } from "./testing/testDatabases.ts";

const MIN = 40;
const hostile = "o'brien\"; drop table todos; --";
const base = randomVector(7);

const rowsFor = (owner: string, count: number, seed: number) =>
  Array.from({ length: count }, (_, i) => ({
    owner,
    title: `${owner} ${i}`,
    embedding: near(base, seed + i, 0.8),
    embeddingModel: "test",
  }));

describe.each(DATABASE_PATHS)("owner vector indexes on $name", ({ open }) => {
  let t: TestDatabase;
  const indexNames = async () =>
    resultRows<{ name: string }>(
      await t.handle.db.execute(
        sql`select indexname as name from pg_indexes where tablename = 'todos' and indexname like 'todos_embedding_owner_%'`,
      ),
    ).map((r) => r.name);

  beforeAll(async () => {
    t = await open();
    await t.handle.db.insert(todos).values([...rowsFor(hostile, MIN, 100), ...rowsFor("small", 5, 500)]);
  });
  afterAll(() => t.close());

  it("gives an owner at the threshold an index, and no one below it", async () => {
    const run = await ensureOwnerVectorIndexes(t.handle.db, MIN);
    expect(run).toEqual({ created: [ownerIndexName(hostile)], dropped: [], ran: true });
    expect(await indexNames()).toEqual([ownerIndexName(hostile)]);
    const [made] = resultRows<{ def: string }>(
      await t.handle.db.execute(
        sql`select indexdef as def from pg_indexes where indexname = ${ownerIndexName(hostile)}`,
      ),
    );
    expect(made?.def).toContain("ef_construction='128'");
    expect(await t.handle.db.$count(todos)).toBe(MIN + 5);
    expect((await ensureOwnerVectorIndexes(t.handle.db, MIN)).created).toEqual([]);
  });

  it("answers the owner's nearest-neighbour query from their index, exactly ranked", async () => {
    const query = near(base, 9_999, 0.8);
    const vector = `[${query.join(",")}]`;
    const nearest = sql`select id from todos where owner = ${hostile}
                        order by embedding <=> ${vector}::vector limit 5`;
    const plan = await t.handle.db.transaction(async (tx) => {
      // A handful of rows is cheaper to sort than to walk; with sorting off the planner shows which
      // index it can walk for this owner.
      await tx.execute(sql`set local enable_sort = off`);
      return resultRows<{ "QUERY PLAN": string }>(await tx.execute(sql`explain ${nearest}`))
        .map((r) => r["QUERY PLAN"])
        .join("\n");
    });
    expect(plan).toContain(ownerIndexName(hostile));
    const exact = await t.handle.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_indexscan = off`);
      return resultRows<{ id: string }>(await tx.execute(nearest)).map((r) => r.id);
    });
    expect(resultRows<{ id: string }>(await t.handle.db.execute(nearest)).map((r) => r.id)).toEqual(exact);
  });

  it("drops an owner's index once they fall under half the threshold", async () => {
    await t.handle.db.execute(
      sql`delete from todos where id in (select id from todos where owner = ${hostile} limit ${MIN / 2 + 1})`,
    );
    expect(await ensureOwnerVectorIndexes(t.handle.db, MIN)).toEqual({
      created: [],
      dropped: [ownerIndexName(hostile)],
      ran: true,
    });
    expect(await indexNames()).toEqual([]);
  });
});
