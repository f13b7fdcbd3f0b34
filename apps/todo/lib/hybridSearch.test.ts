import { todos } from "@switchyard/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddingBackfill } from "./embeddingBackfill";
import { hybridSearch } from "./hybridSearch";
import { openTodoTestEnv, type TodoTestEnv } from "./testing/todoTestEnv";
import { routerEmbedder } from "./todoEmbedder";
import { createTodo } from "./todoWrites";

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

  it("stores the embedding model with each todo", async () => {
    const rows = await env.db.select({ model: todos.embeddingModel }).from(todos);
    expect(new Set(rows.map((r) => r.model))).toEqual(new Set(["local/use-lite-512"]));
  });
});
