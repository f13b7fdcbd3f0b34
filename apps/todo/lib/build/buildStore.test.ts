import { createDb, type DbHandle, todos } from "@switchyard/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { postgresBuildStore } from "./buildStore.ts";
import type { Build } from "./buildTypes.ts";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createDb({ dataDir: "memory://" });
}, 60_000);
afterAll(() => handle?.close());

function build(todoId: string, run: number, status: Build["status"]): Build {
  return {
    todoId,
    owner: "local",
    run,
    task: { title: "parse durations", notes: "" },
    status,
    spec: null,
    planCalls: [],
    escalation: null,
    revisions: [],
    reviews: [],
    error: null,
    updatedAt: new Date().toISOString(),
  };
}

test("builds are saved with their todo, the latest run wins, and they go when the todo goes", async () => {
  const store = postgresBuildStore(handle.db);
  const [todo] = await handle.db
    .insert(todos)
    .values({ owner: "local", title: "parse durations" })
    .returning();
  const id = todo!.id;

  expect(await store.latest("local", id)).toBeNull();
  await store.save(build(id, 1, "awaiting_review"));
  await store.save(build(id, 1, "approved"));
  await store.save(build(id, 2, "planning"));
  expect(await store.runs("local", id)).toBe(2);
  expect((await store.latest("local", id))?.status).toBe("planning");
  expect(await store.latest("someone-else", id)).toBeNull();

  await handle.db.delete(todos).where(eq(todos.id, id));
  expect(await store.runs("local", id)).toBe(0);
});
