// The figures at one corpus size: latency of the app's hybrid search after the query embedding, of the
// vector arm alone, of embedding + search end to end, and recall@10 of HNSW against exact search.

import { round, type Summary, summarize } from "@switchyard/measure";
import { hybridSearch } from "../../apps/todo/lib/hybridSearch.ts";
import { BENCH_MODEL, BENCH_OWNER, type BenchStack, type LoadFigures } from "./benchStack.ts";
import { exactTopK, recallAtK } from "./exactNeighbours.ts";
import { hnswTopK, hybridUsesHnsw, useAppHnswSettings, vectorArmTopK } from "./vectorQueries.ts";

const K = 10;
export const WARM_UP_SEARCHES = 200;
const EF_SEARCH = [40, 100];

export interface SizeFigures {
  size: number;
  load: LoadFigures;
  indexUsed: boolean;
  /** The app's hybrid search (both arms + RRF), given the query vector. */
  hybridMs: Summary;
  /** The vector arm alone, as the app runs it (HNSW, ef_search 100, owner filter). */
  vectorMs: Summary;
  /** Query embedding through the router (local provider, real model) + hybrid search. */
  withEmbeddingMs: Summary;
  embeddingMs: Summary;
  /** Mean recall@10 of the HNSW vector arm vs exact search, per ef_search. */
  recallAt10: Record<string, number>;
  minRecallAt10: Record<string, number>;
  /** Whether the vector arm's plan walked the HNSW index at that ef_search (else it was exact). */
  recallIndexUsed: Record<string, boolean>;
}

export interface MeasureOptions {
  queries: { text: string; vector: number[] }[];
  samples: number;
  /** Real user queries embedded on every sample for the end-to-end figure. */
  embedQueries: string[];
}

const roundSummary = (s: Summary): Summary =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, k === "count" ? v : round(v)])) as Summary;

export async function measureSize(
  stack: BenchStack,
  size: number,
  load: LoadFigures,
  o: MeasureOptions,
): Promise<SizeFigures> {
  const search = (q: { text: string; vector: number[] }) =>
    hybridSearch(stack.db, {
      owner: BENCH_OWNER,
      text: q.text,
      embedding: q.vector,
      embeddingModel: BENCH_MODEL,
      limit: K,
    });

  // V8 compiles PGlite's wasm with a quick baseline first and optimises hot functions only after they
  // have run a while: the figures are for a warm server, not its first requests.
  for (let i = 0; i < WARM_UP_SEARCHES; i++) await search(o.queries[i % o.queries.length]!);
  await useAppHnswSettings(stack.db);

  const hybrid: number[] = [];
  const vector: number[] = [];
  for (let i = 0; i < o.samples; i++) {
    const q = o.queries[i % o.queries.length]!;
    let t = performance.now();
    await search(q);
    hybrid.push(performance.now() - t);
    t = performance.now();
    await vectorArmTopK(stack.db, BENCH_OWNER, q.vector, K);
    vector.push(performance.now() - t);
  }

  const total: number[] = [];
  const embedding: number[] = [];
  for (let i = 0; i < o.samples; i++) {
    const text = o.embedQueries[i % o.embedQueries.length]!;
    const t0 = performance.now();
    const { embeddings } = await stack.router.embed({ input: [text] });
    const t1 = performance.now();
    await search({ text, vector: embeddings[0]! });
    total.push(performance.now() - t0);
    embedding.push(t1 - t0);
  }

  const ids = stack.owned.map((r) => r.id);
  const vectors = stack.owned.map((r) => r.embedding);
  const recallAt10: Record<string, number> = {};
  const minRecallAt10: Record<string, number> = {};
  const recallIndexUsed: Record<string, boolean> = {};
  for (const ef of EF_SEARCH) {
    const recalls: number[] = [];
    let indexUsed = true;
    for (const q of o.queries) {
      const truth = exactTopK(vectors, ids, q.vector, K);
      const found = await hnswTopK(stack.db, BENCH_OWNER, q.vector, K, ef);
      recalls.push(recallAtK(found.ids, truth));
      indexUsed &&= found.indexUsed;
    }
    recallAt10[`ef${ef}`] = round(recalls.reduce((a, b) => a + b, 0) / recalls.length, 4);
    minRecallAt10[`ef${ef}`] = Math.min(...recalls);
    recallIndexUsed[`ef${ef}`] = indexUsed;
  }

  return {
    size,
    load,
    indexUsed: await hybridUsesHnsw(stack.db, {
      owner: BENCH_OWNER,
      text: o.queries[0]!.text,
      embedding: o.queries[0]!.vector,
      embeddingModel: BENCH_MODEL,
      limit: K,
    }),
    hybridMs: roundSummary(summarize(hybrid)),
    vectorMs: roundSummary(summarize(vector)),
    withEmbeddingMs: roundSummary(summarize(total)),
    embeddingMs: roundSummary(summarize(embedding)),
    recallAt10,
    minRecallAt10,
    recallIndexUsed,
  };
}
