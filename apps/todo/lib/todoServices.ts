// The todo app's server-side pieces, built once per process over the shared database and router.
import type { Database } from "@switchyard/db";
import type { Router } from "@switchyard/router";
import { getDb, getRouter, processSingleton } from "@switchyard/server";
import { type AskDeps, createAskChain } from "./askChain.ts";
import { createEmbeddingBackfill, type EmbeddingBackfill } from "./embeddingBackfill.ts";
import { hybridSearch } from "./hybridSearch.ts";
import { routerEmbedder, type TodoEmbedder } from "./todoEmbedder.ts";

export const APP_NAME = "todo";
/** How many todos the ask chain puts in front of the model. */
const ASK_TOP_K = 8;

export interface TodoServices {
  db: Database;
  router: Router;
  embedder: TodoEmbedder;
  backfill: EmbeddingBackfill;
  ask: ReturnType<typeof createAskChain>;
}

export function askRetriever(db: Database): AskDeps["retrieve"] {
  return async (owner, question, embedding) => {
    const hits = await hybridSearch(db, {
      owner,
      text: question,
      embedding: embedding?.vector ?? null,
      embeddingModel: embedding?.model ?? null,
      limit: ASK_TOP_K,
      // Questions ("what's due this week?") resemble todos loosely; let the model judge relevance.
      maxDistance: 0.9,
    });
    return hits.map((h) => h.todo);
  };
}

export function todoServices(): Promise<TodoServices> {
  return processSingleton("switchyard.todo.services", async () => {
    const [{ db }, router] = await Promise.all([getDb(), getRouter(APP_NAME)]);
    const embedder = routerEmbedder(router);
    const backfill = createEmbeddingBackfill(db, embedder);
    const ask = createAskChain({ embedder, retrieve: askRetriever(db), router });
    return { db, router, embedder, backfill, ask };
  });
}
