// Creating and editing a todo: the row is saved first, then embedded. If embedding fails the todo stays
// saved with no vector and the background backfill completes it later; a todo is never lost to a provider.
import type { Database } from "@switchyard/db";
import type { EmbeddingBackfill } from "./embeddingBackfill.ts";
import { embeddingText, type TodoEmbedder, type UserRouting } from "./todoEmbedder.ts";
import { getTodo, insertTodo, storeEmbedding, updateTodo } from "./todoRepository.ts";
import type { TodoInput, TodoPatch, TodoView } from "./todoSchemas.ts";

export interface WriteDeps {
  db: Database;
  embedder: TodoEmbedder;
  backfill: EmbeddingBackfill;
}

const EMBED_ON_WRITE_MS = 5_000;

async function embedNow(
  deps: WriteDeps,
  owner: string,
  todo: TodoView,
  routing: UserRouting,
): Promise<TodoView> {
  try {
    const { vectors, model } = await deps.embedder.embed(
      [embeddingText(todo)],
      AbortSignal.timeout(EMBED_ON_WRITE_MS),
      routing,
    );
    await storeEmbedding(deps.db, todo, vectors[0]!, model);
    return (await getTodo(deps.db, owner, todo.id)) ?? todo;
  } catch {
    void deps.backfill.kick();
    return todo;
  }
}

/** `routing`: the router options of the user the todo is written for (their ledger rows and budget). */
export async function createTodo(
  deps: WriteDeps,
  owner: string,
  input: TodoInput,
  routing: UserRouting = { userId: owner },
): Promise<TodoView> {
  return embedNow(deps, owner, await insertTodo(deps.db, owner, input), routing);
}

export async function editTodo(
  deps: WriteDeps,
  owner: string,
  id: string,
  patch: TodoPatch,
  routing: UserRouting = { userId: owner },
): Promise<TodoView | null> {
  const todo = await updateTodo(deps.db, owner, id, patch);
  if (!todo || todo.embedded) return todo;
  return embedNow(deps, owner, todo, routing);
}
