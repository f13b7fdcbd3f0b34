// How the assistant finds the user's todos: hybrid search (their own rows only) with a relevance
// threshold stricter than the ask panel's, so a tool result and the sources an answer cites hold only
// todos close to what was said, and a todo named in words ("the dentist one") resolves to one row.
import type { Database } from "@switchyard/db";
import { z } from "zod";
import { hybridSearch } from "../hybridSearch.ts";
import type { TodoEmbedder, UserRouting } from "../todoEmbedder.ts";
import { getTodo } from "../todoRepository.ts";
import type { TodoView } from "../todoSchemas.ts";

/**
 * Semantic hits farther than this cosine distance are not relevant (unrelated text sits near 0.75; the
 * ask panel lets 0.9 through and leaves the judging to the model). Words in common still count.
 */
export const RELEVANCE_MAX_DISTANCE = 0.55;
const SEARCH_LIMIT = 8;
const EMBED_MS = 5_000;

export interface FinderDeps {
  db: Database;
  embedder: TodoEmbedder;
}

export async function searchTodos(
  deps: FinderDeps,
  owner: string,
  text: string,
  routing: UserRouting,
  limit = SEARCH_LIMIT,
): Promise<TodoView[]> {
  let embedding: { vector: number[]; model: string } | null = null;
  try {
    const { vectors, model } = await deps.embedder.embed([text], AbortSignal.timeout(EMBED_MS), routing);
    embedding = { vector: vectors[0]!, model };
  } catch {
    // Without the embedding provider the words alone still find todos.
  }
  const hits = await hybridSearch(deps.db, {
    owner,
    text,
    embedding: embedding?.vector ?? null,
    embeddingModel: embedding?.model ?? null,
    limit,
    maxDistance: RELEVANCE_MAX_DISTANCE,
  });
  return hits.map((h) => h.todo);
}

/** The one todo a reference names: its id, or the most relevant match (open todos before done ones). */
export async function resolveTodo(
  deps: FinderDeps,
  owner: string,
  ref: string,
  routing: UserRouting,
): Promise<TodoView | null> {
  const id = z.uuid().safeParse(ref.trim());
  if (id.success) return getTodo(deps.db, owner, id.data);
  const found = await searchTodos(deps, owner, ref, routing, 3);
  return found.find((t) => t.status === "open") ?? found[0] ?? null;
}
