// Runs a change the user approved, on their own todos only and once: the proposal's id is the
// Idempotency-Key (per user), so a double click, a retry or a second tab approves it a single time.
// Creating goes through createTodoOnce; the other changes through runOnce like PATCH /api/todos/<id>.
import { ApiError } from "@switchyard/server";
import { runOnce } from "../idempotentMutation.ts";
import type { UserRouting } from "../todoEmbedder.ts";
import { updateTodo } from "../todoRepository.ts";
import type { TodoPatch, TodoView } from "../todoSchemas.ts";
import { createTodoOnce, embedSaved, type WriteDeps } from "../todoWrites.ts";
import type { Proposal } from "./proposals.ts";

const notFound = () => new ApiError("not_found", "That todo no longer exists.", 404);

function patchOf(p: Exclude<Proposal, { action: "create" }>): TodoPatch {
  if (p.action === "complete") return { status: "done" };
  if (p.action === "reschedule") return { dueDate: p.dueDate };
  return p.patch;
}

export async function applyProposal(
  deps: WriteDeps,
  owner: string,
  p: Proposal,
  routing: UserRouting = { userId: owner },
): Promise<{ todo: TodoView; replay: boolean }> {
  const key = `assistant-${p.id}`;
  if (p.action === "create") {
    const { value, replay } = await createTodoOnce(deps, owner, { ...p.todo, notes: "" }, key, routing);
    return { todo: value.todo, replay };
  }
  const patch = patchOf(p);
  const { value, replay } = await runOnce(deps.db, { action: "todo:assistant", owner }, key, p, {
    write: async (tx) => {
      const todo = await updateTodo(tx, owner, p.target.id, patch);
      if (!todo) throw notFound();
      return { todo };
    },
  });
  if (replay || value.todo.embedded) return { todo: value.todo, replay };
  return { todo: await embedSaved(deps, owner, value.todo, routing), replay };
}
