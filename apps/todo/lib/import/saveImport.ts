// Saves a preview's rows, as the user edited them, in ONE transaction: every todo or none. The texts
// are embedded first in one batch call, outside the transaction (a provider outage saves the rows
// without vectors and the backfill completes them); under an Idempotency-Key the rows and the key's
// completion commit together (runOnce), so a double click or a retry imports the list once.
import { type OnceOptions, runOnce } from "../idempotentMutation.ts";
import type { UserRouting } from "../todoEmbedder.ts";
import { embeddingText } from "../todoEmbedder.ts";
import { insertTodo, storeEmbedding } from "../todoRepository.ts";
import type { TodoView } from "../todoSchemas.ts";
import type { WriteDeps } from "../todoWrites.ts";
import type { ImportRow } from "./importSchemas.ts";

const EMBED_IMPORT_MS = 20_000;

interface Embeddings {
  vectors: number[][];
  model: string;
}

async function embedRows(
  deps: WriteDeps,
  rows: ImportRow[],
  routing: UserRouting,
): Promise<Embeddings | null> {
  try {
    const texts = rows.map((r) => embeddingText({ title: r.title, notes: "", tags: r.tags }));
    return await deps.embedder.embed(texts, AbortSignal.timeout(EMBED_IMPORT_MS), routing);
  } catch {
    void deps.backfill.kick();
    return null;
  }
}

export function saveImport(
  deps: WriteDeps,
  owner: string,
  rows: ImportRow[],
  key: string | undefined,
  routing: UserRouting = { userId: owner },
  options: OnceOptions = {},
) {
  return runOnce(
    deps.db,
    { action: "todo:import", owner },
    key,
    { rows },
    {
      prepare: () => embedRows(deps, rows, routing),
      write: async (tx, embeddings) => {
        const todos: TodoView[] = [];
        for (const [i, row] of rows.entries()) {
          const todo = await insertTodo(tx, owner, { ...row, notes: "" });
          const vector = embeddings?.vectors[i];
          if (vector && embeddings && (await storeEmbedding(tx, todo, vector, embeddings.model)))
            todos.push({ ...todo, embedded: true });
          else todos.push(todo);
        }
        return { todos };
      },
    },
    options,
  );
}
