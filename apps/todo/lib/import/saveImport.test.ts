import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTodoTestEnv, type TodoTestEnv, writeDepsFor } from "../testing/todoTestEnv.ts";
import { listTodos } from "../todoRepository.ts";
import type { WriteDeps } from "../todoWrites.ts";
import type { ImportRow } from "./importSchemas.ts";
import { saveImport } from "./saveImport.ts";

let env: TodoTestEnv;
let deps: WriteDeps;
const row = (title: string, dueDate: string | null = null): ImportRow => ({
  title,
  dueDate,
  priority: 2,
  tags: ["imported"],
});

beforeAll(async () => {
  env = await openTodoTestEnv();
  deps = writeDepsFor(env, { baseDelayMs: 1 });
}, 60_000);
afterAll(() => env.close());

describe("saving an import", () => {
  it("saves every row embedded, and a double click with the same key imports the list once", async () => {
    const rows = [row("buy stamps", "2026-12-05"), row("call the plumber")];
    const save = () => saveImport(deps, "ivy", rows, "import-double-click-1");
    const [a, b] = await Promise.all([save(), save()]);
    expect([a.replay, b.replay].sort()).toEqual([false, true]);
    expect(a.value.todos.map((t) => [t.title, t.dueDate, t.priority, t.embedded])).toEqual([
      ["buy stamps", "2026-12-05", 2, true],
      ["call the plumber", null, 2, true],
    ]);
    expect((await listTodos(env.db, "ivy")).map((t) => t.title).sort()).toEqual([
      "buy stamps",
      "call the plumber",
    ]);
    expect(await listTodos(env.db, "someone-else")).toEqual([]);
  });

  it("saves nothing when one row cannot be written: one transaction", async () => {
    // 30 February passes a string check but not Postgres's date type: the third insert fails.
    const rows = [row("first"), row("second"), row("third", "2026-02-30")];
    await expect(saveImport(deps, "jon", rows, "import-broken-row-1")).rejects.toThrow();
    expect(await listTodos(env.db, "jon")).toEqual([]);
  });
});
