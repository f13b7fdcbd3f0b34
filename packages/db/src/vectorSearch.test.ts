import { and, cosineDistance, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultRows } from "./database.ts";
import { todos } from "./schema/index.ts";
import { DATABASE_PATHS, near, randomVector, type TestDatabase } from "./testing/testDatabases.ts";

const groceries = randomVector(1);
const taxes = randomVector(2);

describe.each(DATABASE_PATHS)("vector search on $name", ({ open }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await open();
    await t.handle.db.insert(todos).values([
      { owner: "ana", title: "buy milk and eggs", embedding: near(groceries, 11), embeddingModel: "test" },
      { owner: "ana", title: "pick up bread", embedding: near(groceries, 12), embeddingModel: "test" },
      { owner: "ana", title: "file the tax return", embedding: near(taxes, 13), embeddingModel: "test" },
      { owner: "ana", title: "not embedded yet" },
      { owner: "bob", title: "bob's shopping list", embedding: near(groceries, 14), embeddingModel: "test" },
    ]);
  });
  afterAll(() => t.close());

  it("ranks an owner's todos by cosine distance, filtering by owner in SQL", async () => {
    const query = near(groceries, 99);
    const distance = cosineDistance(todos.embedding, query);
    const rows = await t.handle.db
      .select({ title: todos.title, distance })
      .from(todos)
      .where(and(eq(todos.owner, "ana"), sql`${todos.embedding} is not null`))
      .orderBy(distance)
      .limit(3);

    const titles = rows.map((r) => r.title);
    expect(titles.slice(0, 2).sort()).toEqual(["buy milk and eggs", "pick up bread"]);
    expect(titles[2]).toBe("file the tax return");
    expect(Number(rows[1]?.distance)).toBeLessThan(Number(rows[2]?.distance));
  });

  it("returns stored embeddings as number arrays and lists rows that still need one", async () => {
    const [row] = await t.handle.db
      .select({ embedding: todos.embedding })
      .from(todos)
      .where(eq(todos.title, "buy milk and eggs"));
    expect(row?.embedding).toHaveLength(512);
    expect(typeof row?.embedding?.[0]).toBe("number");

    const pending = await t.handle.db
      .select({ title: todos.title })
      .from(todos)
      .where(sql`${todos.embeddingModel} is null`);
    expect(pending.map((r) => r.title)).toEqual(["not embedded yet"]);
  });

  it("finds exact words through the generated full-text column", async () => {
    const rows = await t.handle.db
      .select({ title: todos.title })
      .from(todos)
      .where(sql`${todos.searchVector} @@ websearch_to_tsquery('english', 'eggs')`);
    expect(rows.map((r) => r.title)).toEqual(["buy milk and eggs"]);
  });

  it("keeps todo rows whole and full-text entries straight in the GIN index", async () => {
    // Out-of-line (TOAST) values cost a side-table fetch per distance or rank computed, and a GIN
    // pending list is never merged without autovacuum (PGlite has none): both made searches slower.
    const [layout] = resultRows<{ storage: string; gin: string[] | null; toastBytes: number }>(
      await t.handle.db.execute(sql`
        select (select attstorage from pg_attribute
                where attrelid = 'todos'::regclass and attname = 'embedding') as storage,
               (select reloptions from pg_class where relname = 'todos_search_gin_idx') as gin,
               (select pg_relation_size(reltoastrelid) from pg_class where relname = 'todos')
                 as "toastBytes"`),
    );
    expect(layout?.storage).toBe("p");
    expect(layout?.gin).toContain("fastupdate=false");
    expect(Number(layout?.toastBytes)).toBe(0);
    const [size] = resultRows<{ bytes: number }>(
      await t.handle.db.execute(
        sql`select pg_column_size(embedding) as bytes from todos where title = 'buy milk and eggs'`,
      ),
    );
    expect(Number(size?.bytes)).toBeGreaterThanOrEqual(512 * 4);
  });
});
