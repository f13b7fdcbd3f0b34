// Turns todos into 512-d vectors through the router (the local provider's real embeddings offline,
// text-embedding-3-small when a key is set): the text a todo is embedded from, and the embedder. The
// model it reports names the vector space.
import type { RequestOptions, Router } from "@switchyard/router";

/** The text a todo is embedded from: title first (it carries most meaning), then notes and tags. */
export function embeddingText(todo: { title: string; notes: string; tags: string[] }): string {
  return [todo.title, todo.notes, todo.tags.length > 0 ? `tags: ${todo.tags.join(", ")}` : ""]
    .filter((part) => part.trim().length > 0)
    .join("\n");
}

export interface Embedded {
  vectors: number[][];
  model: string;
}

/** Router options for calls made on a user's behalf (`routerOptionsFor(user)`): ledger and budget. */
export type UserRouting = Pick<RequestOptions, "userId">;

export interface TodoEmbedder {
  embed(texts: string[], signal?: AbortSignal, routing?: UserRouting): Promise<Embedded>;
  /** The model of the last successful call: rows from another model are re-embedded. */
  currentModel(): string | null;
}

/** The local model the complexity classifier was trained on; its vectors can be reused for scoring. */
export const LOCAL_EMBEDDING_MODEL = "local/use-lite-512";

export function routerEmbedder(router: Pick<Router, "embed">, feature = "embed-todo"): TodoEmbedder {
  let model: string | null = null;
  return {
    async embed(texts, signal, routing) {
      const result = await router.embed(
        { input: texts },
        { feature, ...routing, ...(signal ? { signal } : {}) },
      );
      model = result.model;
      return { vectors: result.embeddings, model: result.model };
    },
    currentModel: () => model,
  };
}
