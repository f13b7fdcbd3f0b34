// Creating and editing a todo. A new todo's text is embedded first, then the row is saved with its
// vector in one write; if embedding fails the todo is saved with none and the background backfill
// completes it later: a todo is never lost to a provider. Under an Idempotency-Key the save and the
// key's completion are one transaction (createTodoOnce), so a retry never makes a second row.
import type { Database } from "@switchyard/db";
import type { EmbeddingBackfill } from "./embeddingBackfill.ts";
import { type OnceOptions, runOnce } from "./idempotentMutation.ts";
import { embeddingText, type TodoEmbedder, type UserRouting } from "./todoEmbedder.ts";
import { getTodo, insertTodo, storeEmbedding, updateTodo } from "./todoRepository.ts";
import type { TodoInput, TodoPatch, TodoView } from "./todoSchemas.ts";

export interface WriteDeps {
  db: Database;
  embedder: TodoEmbedder;
  backfill: EmbeddingBackfill;
}

interface TodoEmbedding {
  vector: number[];
  model: string;
}

const EMBED_ON_WRITE_MS = 5_000;

/** The vector of a todo's text, or null when the provider failed (the backfill is kicked to retry). */
async function embeddingOf(
  deps: WriteDeps,
  text: { title: string; notes: string; tags: string[] },
  routing: UserRouting,
): Promise<TodoEmbedding | null> {
  try {
    const { vectors, model } = await deps.embedder.embed(
      [embeddingText(text)],
      AbortSignal.timeout(EMBED_ON_WRITE_MS),
      routing,
    );
    return { vector: vectors[0]!, model };
  } catch {
    void deps.backfill.kick();
    return null;
  }
}

/** Inserts the todo with its vector (when there is one) on `db`, which may be a transaction. */
async function saveNewTodo(
  db: Database,
  owner: string,
  input: TodoInput,
  embedding: TodoEmbedding | null,
): Promise<TodoView> {
  const todo = await insertTodo(db, owner, input);
  if (!embedding) return todo;
  await storeEmbedding(db, todo, embedding.vector, embedding.model);
  return (await getTodo(db, owner, todo.id)) ?? todo;
}

/** `routing`: the router options of the user the todo is written for (their ledger rows and budget). */
export async function createTodo(
  deps: WriteDeps,
  owner: string,
  input: TodoInput,
  routing: UserRouting = { userId: owner },
): Promise<TodoView> {
  return saveNewTodo(deps.db, owner, input, await embeddingOf(deps, input, routing));
}

/** createTodo under an Idempotency-Key: the first request creates the todo, a repeat gets it back. */
export function createTodoOnce(
  deps: WriteDeps,
  owner: string,
  input: TodoInput,
  key: string | undefined,
  routing: UserRouting = { userId: owner },
  options: OnceOptions = {},
) {
  return runOnce(
    deps.db,
    { action: "todo:create", owner },
    key,
    { input },
    {
      prepare: () => embeddingOf(deps, input, routing),
      write: async (tx, embedding) => ({ todo: await saveNewTodo(tx, owner, input, embedding) }),
    },
    options,
  );
}

/** Embeds a saved todo whose text has no vector yet; returns it as it now is. */
export async function embedSaved(
  deps: WriteDeps,
  owner: string,
  todo: TodoView,
  routing: UserRouting = { userId: owner },
): Promise<TodoView> {
  const embedding = await embeddingOf(deps, todo, routing);
  if (!embedding) return todo;
  await storeEmbedding(deps.db, todo, embedding.vector, embedding.model);
  return (await getTodo(deps.db, owner, todo.id)) ?? todo;
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
  return embedSaved(deps, owner, todo, routing);
}
