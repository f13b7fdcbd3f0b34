import { createDb, resultRows, startPgliteServer, todos } from "@switchyard/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cosineQueryVector } from "./cosineQueryVector.ts";
import { createEmbeddingBackfill } from "./embeddingBackfill.ts";
import { hybridSearch } from "./hybridSearch.ts";
import { openTodoTestEnv, type TodoTestEnv } from "./testing/todoTestEnv.ts";
import { routerEmbedder } from "./todoEmbedder.ts";
import { createTodo } from "./todoWrites.ts";

let env: TodoTestEnv;
const search = async (owner: string, text: string) => {
  const { vectors, model } = await routerEmbedder(env.router).embed([text]);
  return hybridSearch(env.db, { owner, text, embedding: vectors[0]!, embeddingModel: model });
};

beforeAll(async () => {
  env = await openTodoTestEnv();
  const embedder = routerEmbedder(env.router);
  const deps = { db: env.db, embedder, backfill: createEmbeddingBackfill(env.db, embedder) };
  for (const title of [
    "buy milk and eggs",
    "file the tax return",
    "fix the login bug before launch",
    "call the plumber about the leaking sink",
    "renew passport ZX-42",
  ]) {
    await createTodo(deps, "ana", { title, notes: "", priority: 0, dueDate: null, tags: [] });
  }
  await createTodo(deps, "bob", {
    title: "buy bread and cheese",
    notes: "",
    priority: 0,
    dueDate: null,
    tags: [],
  });
}, 60_000);
afterAll(() => env.close());

describe("hybrid search", () => {
  it("finds a todo that shares no words with the query", async () => {
    const hits = await search("ana", "groceries");
    expect(hits[0]?.todo.title).toBe("buy milk and eggs");
    expect(hits[0]?.lexicalRank).toBeNull();
  });

  it("lets an exact word win through full-text search", async () => {
    const hits = await search("ana", "ZX-42");
    expect(hits[0]?.todo.title).toBe("renew passport ZX-42");
    expect(hits[0]?.lexicalRank).toBe(1);
  });

  it("never returns another owner's todos", async () => {
    const hits = await search("ana", "buy bread and cheese");
    expect(hits.map((h) => h.todo.title)).not.toContain("buy bread and cheese");
    const bob = await search("bob", "groceries");
    expect(bob.map((h) => h.todo.title)).toEqual(["buy bread and cheese"]);
  });

  it("answers from full text alone when there is no query embedding", async () => {
    const hits = await hybridSearch(env.db, {
      owner: "ana",
      text: "plumber",
      embedding: null,
      embeddingModel: null,
    });
    expect(hits.map((h) => h.todo.title)).toEqual(["call the plumber about the leaking sink"]);
  });

  it("ranks by the same cosine distances when the query vector travels as integers", async () => {
    const { vectors } = await routerEmbedder(env.router).embed(["groceries"]);
    const query = vectors[0]!;
    const rows = resultRows<{ sent: number; exact: number }>(
      await env.db.execute(sql`
        select embedding <=> ${cosineQueryVector(query)} as sent,
               embedding <=> ${JSON.stringify(query)}::vector as exact
        from todos where embedding is not null`),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(Number(r.sent)).toBeCloseTo(Number(r.exact), 6);
  });

  it("stores the embedding model with each todo", async () => {
    const rows = await env.db.select({ model: todos.embeddingModel }).from(todos);
    expect(new Set(rows.map((r) => r.model))).toEqual(new Set(["local/use-lite-512"]));
  });
});

describe("hybrid search over a Postgres connection pool", () => {
  it("finds by meaning there too, setting the HNSW options for each search only", async () => {
    const server = await startPgliteServer({ dataDir: "memory://" });
    const pool = await createDb({ url: server.url, cache: false });
    try {
      const embedder = routerEmbedder(env.router);
      const deps = { db: pool.db, embedder, backfill: createEmbeddingBackfill(pool.db, embedder) };
      for (const title of ["buy milk and eggs", "file the tax return"]) {
        await createTodo(deps, "ana", { title, notes: "", priority: 0, dueDate: null, tags: [] });
      }
      const { vectors, model } = await embedder.embed(["groceries"]);
      const hits = await hybridSearch(pool.db, {
        owner: "ana",
        text: "groceries",
        embedding: vectors[0]!,
        embeddingModel: model,
      });
      expect(hits[0]?.todo.title).toBe("buy milk and eggs");
      // Set with SET LOCAL semantics: the pooled connection is left as it was found.
      const [after] = resultRows<{ ef: string }>(
        await pool.db.execute(sql`select current_setting('hnsw.ef_search', true) as ef`),
      );
      expect(after?.ef ?? null).not.toBe("100");
    } finally {
      await pool.close();
      await server.close();
    }
  }, 60_000);
});
