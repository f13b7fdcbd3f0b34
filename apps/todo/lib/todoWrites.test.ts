import { todos } from "@switchyard/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddingBackfill } from "./embeddingBackfill.ts";
import { openTodoTestEnv, type TodoTestEnv, writeDepsFor } from "./testing/todoTestEnv.ts";
import { routerEmbedder, type TodoEmbedder } from "./todoEmbedder.ts";
import { listTodos } from "./todoRepository.ts";
import { createTodo, createTodoOnce, editTodo } from "./todoWrites.ts";

let env: TodoTestEnv;
const input = (title: string) => ({ title, notes: "", priority: 0, dueDate: null, tags: [] });
const noWait = { baseDelayMs: 1, sleep: async () => {} };

beforeAll(async () => {
  env = await openTodoTestEnv();
}, 60_000);
afterAll(() => env.close());

describe("writing todos", () => {
  it("saves a todo while the embedding provider is down, and the backfill embeds it later", async () => {
    const embedder = routerEmbedder(env.router);
    const backfill = createEmbeddingBackfill(env.db, embedder, { ...noWait, maxPerRun: 50 });
    env.provider.control.setFaults("default", { down: true });
    const saved = await createTodo({ db: env.db, embedder, backfill }, "cy", input("water the plants"));
    expect(saved.embedded).toBe(false);
    await backfill.kick(); // still down: the run gives up after its retries, the todo waits
    expect((await listTodos(env.db, "cy"))[0]?.embedded).toBe(false);

    env.provider.control.reset();
    // The router's breaker for the endpoint is still open for a moment: the backfill's own backoff
    // (real, if short, sleeps here) outlasts it, as it would in production.
    await createEmbeddingBackfill(env.db, embedder, { baseDelayMs: 50, maxPerRun: 50 }).kick();
    const [row] = await env.db.select().from(todos).where(eq(todos.id, saved.id));
    expect(row?.embeddingModel).toBe("local/use-lite-512");
    expect(row?.embedding).toHaveLength(512);
  });

  it("re-embeds when the title changes, and when the embedding model changes", async () => {
    const deps = writeDepsFor(env, noWait);
    const todo = await createTodo(deps, "dee", input("call mum"));
    const [before] = await env.db.select().from(todos).where(eq(todos.id, todo.id));
    const edited = await editTodo(deps, "dee", todo.id, { title: "call dad about the car" });
    const [after] = await env.db.select().from(todos).where(eq(todos.id, todo.id));
    expect(edited?.embedded).toBe(true);
    expect(after?.embedding).not.toEqual(before?.embedding);

    const other: TodoEmbedder = {
      embed: async (texts) => ({ vectors: texts.map(() => Array(512).fill(0.1)), model: "other/model-512" }),
      currentModel: () => "other/model-512",
    };
    await createEmbeddingBackfill(env.db, other, noWait).kick();
    const models = await env.db.select({ model: todos.embeddingModel }).from(todos);
    expect(new Set(models.map((m) => m.model))).toEqual(new Set(["other/model-512"]));
  });

  it("creates one todo for a double submit with the same Idempotency-Key", async () => {
    const deps = writeDepsFor(env, noWait);
    const create = () => createTodoOnce(deps, "eve", input("pay rent"), "key-double-click-1");
    const [a, b] = await Promise.all([create(), create()]);
    expect(a.value).toEqual(b.value);
    expect([a.replay, b.replay].sort()).toEqual([false, true]);
    expect(await listTodos(env.db, "eve")).toHaveLength(1);

    await expect(createTodoOnce(deps, "eve", input("other"), "key-double-click-1")).rejects.toMatchObject({
      code: "idempotency_mismatch",
      status: 422,
    });
  });

  it("keeps two users' equal keys apart: each runs once, neither replays nor conflicts with the other", async () => {
    const deps = writeDepsFor(env, noWait);
    const create = (owner: string, title: string) =>
      createTodoOnce(deps, owner, input(title), "key-shared-by-chance");
    const [fay, gus] = await Promise.all([create("fay", "feed the cat"), create("gus", "fix the gate")]);
    expect([fay.replay, gus.replay]).toEqual([false, false]);
    expect(fay.value.todo.title).toBe("feed the cat");
    expect(gus.value.todo.title).toBe("fix the gate");
    expect((await create("gus", "fix the gate")).replay).toBe(true);
    expect((await listTodos(env.db, "fay")).map((t) => t.title)).toEqual(["feed the cat"]);
    expect((await listTodos(env.db, "gus")).map((t) => t.title)).toEqual(["fix the gate"]);
  });
});
