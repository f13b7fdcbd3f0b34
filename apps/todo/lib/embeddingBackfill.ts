// Completes embeddings that failed on write (provider down) or belong to an older model. One loop per
// process, started lazily by kick(); small batches; exponential backoff while the provider fails.
import type { Database } from "@switchyard/db";
import { embeddingText, type TodoEmbedder } from "./todoEmbedder.ts";
import { storeEmbedding, todosNeedingEmbedding } from "./todoRepository.ts";

export interface BackfillOptions {
  batchSize?: number;
  /** Most rows embedded per run, so one kick never monopolises the provider. */
  maxPerRun?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface EmbeddingBackfill {
  /** Starts a run if none is going; resolves when that run ends (tests await it, routes do not). */
  kick(): Promise<void>;
  readonly running: boolean;
}

const defaultSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref?.();
  });

export function createEmbeddingBackfill(
  db: Database,
  embedder: TodoEmbedder,
  options: BackfillOptions = {},
): EmbeddingBackfill {
  const batchSize = options.batchSize ?? 16;
  const maxPerRun = options.maxPerRun ?? 2000;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  const sleep = options.sleep ?? defaultSleep;
  let run: Promise<void> | null = null;

  async function loop(): Promise<void> {
    let done = 0;
    let failures = 0;
    while (done < maxPerRun) {
      const batch = await todosNeedingEmbedding(db, embedder.currentModel(), batchSize);
      if (batch.length === 0) return;
      try {
        const { vectors, model } = await embedder.embed(batch.map(embeddingText));
        await Promise.all(batch.map((t, i) => storeEmbedding(db, t, vectors[i]!, model)));
        done += batch.length;
        failures = 0;
      } catch {
        failures++;
        if (failures > 8) return; // give up this run; the next kick starts again
        await sleep(Math.min(maxDelayMs, baseDelayMs * 2 ** (failures - 1)));
      }
    }
  }

  return {
    kick() {
      run ??= loop()
        .catch((error: unknown) => {
          console.error("[todo] embedding backfill stopped:", error instanceof Error ? error.message : error);
        })
        .finally(() => {
          run = null;
        });
      return run;
    },
    get running() {
      return run !== null;
    },
  };
}
