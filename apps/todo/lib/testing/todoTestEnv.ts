// A real stack for unit tests: the local provider on a random port (real embeddings, simulated chat),
// an in-memory PGlite with the committed migrations, and a router over both.
import { createDb, createRouterStores, type DbHandle } from "@switchyard/db";
import { startLocalProvider } from "@switchyard/local-provider";
import { type Classifier, createRouter, type Router } from "@switchyard/router";
import { type BackfillOptions, createEmbeddingBackfill } from "../embeddingBackfill.ts";
import { routerEmbedder } from "../todoEmbedder.ts";
import type { WriteDeps } from "../todoWrites.ts";

export interface TodoTestEnv {
  db: DbHandle["db"];
  router: Router;
  provider: Awaited<ReturnType<typeof startLocalProvider>>;
  close(): Promise<void>;
}

/** `classifier`: the router's complexity classifier (default: the router's heuristic stand-in). */
export async function openTodoTestEnv(options: { classifier?: Classifier } = {}): Promise<TodoTestEnv> {
  const provider = await startLocalProvider();
  const handle = await createDb({ dataDir: "memory://" });
  const stores = createRouterStores(handle.db);
  const router = createRouter({
    env: {},
    app: "todo",
    ...(options.classifier ? { classifier: options.classifier } : {}),
    localProviderUrl: provider.url,
    ledger: stores.ledger,
    idempotencyStore: stores.idempotency,
    // Quick give-ups, so tests of outages take milliseconds instead of the production backoff.
    policy: {
      credits: { refreshMs: 0 },
      retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20, retryAfterCapMs: 50 },
      breaker: { openMs: 100, maxOpenMs: 200 },
    },
  });
  return {
    db: handle.db,
    router,
    provider,
    async close() {
      await router.close();
      await handle.close();
      await provider.close();
    },
  };
}

/** What todo writes need, over the test stack: its router's embedder and a backfill with `options`. */
export function writeDepsFor(env: TodoTestEnv, options: BackfillOptions = {}): WriteDeps {
  const embedder = routerEmbedder(env.router);
  return { db: env.db, embedder, backfill: createEmbeddingBackfill(env.db, embedder, options) };
}
