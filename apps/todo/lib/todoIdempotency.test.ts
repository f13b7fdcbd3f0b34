// A todo created under an Idempotency-Key is created once, whatever fails: a failure between the write
// and the key's completion (injected in Postgres itself) leaves no row and a free key, and the retry
// creates the todo once; a key still running is 409 idempotency_in_flight, another body 422.
import { PgIdempotencyStore, todos } from "@switchyard/db";
import { idempotencyFingerprint } from "@switchyard/router";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTodoTestEnv, type TodoTestEnv, writeDepsFor } from "./testing/todoTestEnv.ts";
import { createTodoOnce, type WriteDeps } from "./todoWrites.ts";

let env: TodoTestEnv;
let deps: WriteDeps;
const input = (title: string) => ({ title, notes: "", priority: 0, dueDate: null, tags: [] });
const rowsOf = async (owner: string) => env.db.select().from(todos).where(eq(todos.owner, owner));

beforeAll(async () => {
  env = await openTodoTestEnv();
  deps = writeDepsFor(env, { baseDelayMs: 1 });
}, 60_000);
afterAll(() => env.close());

describe("creating a todo under an Idempotency-Key", () => {
  it("rolls the todo back when completing its key fails, and the retry returns one todo, once", async () => {
    // Completing a todo:create key fails inside Postgres, after the todo's INSERT in the same transaction.
    await env.db.execute(sql`
      create function fail_completion() returns trigger language plpgsql as $$
      begin raise exception 'injected failure between write and complete'; end $$`);
    await env.db.execute(sql`
      create trigger fail_completion before update on idempotency_keys for each row
      when (new.state = 'completed' and new.namespace = 'todo:create:ivy') execute function fail_completion()`);
    const failed = await createTodoOnce(deps, "ivy", input("renew passport"), "key-injected-1").catch(
      (error: Error) => error,
    );
    expect(String((failed as Error).cause)).toMatch(/injected failure between write and complete/);
    expect(await rowsOf("ivy")).toEqual([]);

    await env.db.execute(sql`drop trigger fail_completion on idempotency_keys`);
    await env.db.execute(sql`drop function fail_completion`);
    const retry = await createTodoOnce(deps, "ivy", input("renew passport"), "key-injected-1");
    expect(retry.replay).toBe(false);
    // The client never saw this answer (say the connection dropped): its next retry gets the same todo.
    const again = await createTodoOnce(deps, "ivy", input("renew passport"), "key-injected-1");
    expect(again).toEqual({ value: retry.value, replay: true });
    expect((await rowsOf("ivy")).map((row) => row.id)).toEqual([retry.value.todo.id]);
  });

  it("answers 409 idempotency_in_flight with Retry-After while the first runs, and 422 for another body", async () => {
    // The first request holds the key (a process that is still embedding, or died a moment ago).
    const body = { input: input("book dentist") };
    const first = await new PgIdempotencyStore(env.db, { namespace: "todo:create:jon" }).claim(
      "key-in-flight-1",
      idempotencyFingerprint("todo:create:jon", body),
      { ttlMs: 3_600_000, leaseMs: 60_000 },
    );
    expect(first).toMatchObject({ state: "claimed" });
    await expect(
      createTodoOnce(
        deps,
        "jon",
        input("book dentist"),
        "key-in-flight-1",
        { userId: "jon" },
        { waitMs: 50 },
      ),
    ).rejects.toMatchObject({ code: "idempotency_in_flight", status: 409, retryAfterSeconds: 1 });
    await expect(
      createTodoOnce(
        deps,
        "jon",
        input("book a haircut"),
        "key-in-flight-1",
        { userId: "jon" },
        { waitMs: 50 },
      ),
    ).rejects.toMatchObject({ code: "idempotency_mismatch", status: 422 });
    expect(await rowsOf("jon")).toEqual([]);
  });
});
