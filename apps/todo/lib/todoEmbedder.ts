// Turns texts into 512-d vectors through the router (the local provider's real embeddings offline,
// text-embedding-3-small when a key is set). The model it reports names the vector space.
import type { Router } from "@switchyard/router";

export interface Embedded {
  vectors: number[][];
  model: string;
}

export interface TodoEmbedder {
  embed(texts: string[], signal?: AbortSignal): Promise<Embedded>;
  /** The model of the last successful call: rows from another model are re-embedded. */
  currentModel(): string | null;
}

/** The local model the complexity classifier was trained on; its vectors can be reused for scoring. */
export const LOCAL_EMBEDDING_MODEL = "local/use-lite-512";

export function routerEmbedder(router: Pick<Router, "embed">, feature = "embed-todo"): TodoEmbedder {
  let model: string | null = null;
  return {
    async embed(texts, signal) {
      const result = await router.embed({ input: texts }, { feature, ...(signal ? { signal } : {}) });
      model = result.model;
      return { vectors: result.embeddings, model: result.model };
    },
    currentModel: () => model,
  };
}
