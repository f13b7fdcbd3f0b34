// Embedding 12k training prompts takes minutes, so vectors are cached on disk (git-ignored) keyed by the
// sha256 of the text. The file is append-only records of [32-byte hash][512 float32], so an interrupted
// run resumes where it stopped.
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { embedTexts, LOCAL_EMBEDDING_DIMENSIONS } from "@switchyard/local-provider/embedder";

const HASH_BYTES = 32;
const RECORD_BYTES = HASH_BYTES + LOCAL_EMBEDDING_DIMENSIONS * 4;

export function textHash(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

export function readEmbeddingCache(file: string): Map<string, Float32Array> {
  const cache = new Map<string, Float32Array>();
  if (!existsSync(file)) return cache;
  const bytes = readFileSync(file);
  const whole = bytes.length - (bytes.length % RECORD_BYTES);
  for (let offset = 0; offset < whole; offset += RECORD_BYTES) {
    const key = bytes.subarray(offset, offset + HASH_BYTES).toString("hex");
    const vector = new Float32Array(LOCAL_EMBEDDING_DIMENSIONS);
    for (let i = 0; i < LOCAL_EMBEDDING_DIMENSIONS; i++) {
      vector[i] = bytes.readFloatLE(offset + HASH_BYTES + i * 4);
    }
    cache.set(key, vector);
  }
  return cache;
}

export interface EmbedAllOptions {
  cacheFile: string;
  /** Called after each batch with how many texts are done. */
  onProgress?: (done: number, total: number) => void;
  batchSize?: number;
}

/** Returns one 512-d vector per text, computing only those missing from the cache. */
export async function embedAllCached(texts: string[], options: EmbedAllOptions): Promise<Float32Array[]> {
  const cache = readEmbeddingCache(options.cacheFile);
  const keys = texts.map((text) => textHash(text).toString("hex"));
  const missing = [...new Set(texts.filter((_, i) => !cache.has(keys[i]!)))];
  // Batches of similar length waste less work on padding.
  missing.sort((a, b) => a.length - b.length);
  mkdirSync(dirname(options.cacheFile), { recursive: true });
  const batchSize = options.batchSize ?? 8;
  for (let start = 0; start < missing.length; start += batchSize) {
    const batch = missing.slice(start, start + batchSize);
    const vectors = await embedTexts(batch);
    const records = batch.map((text, i) => {
      const record = Buffer.alloc(RECORD_BYTES);
      textHash(text).copy(record, 0);
      const vector = Float32Array.from(vectors[i]!);
      for (let d = 0; d < LOCAL_EMBEDDING_DIMENSIONS; d++)
        record.writeFloatLE(vector[d]!, HASH_BYTES + d * 4);
      cache.set(textHash(text).toString("hex"), vector);
      return record;
    });
    appendFileSync(options.cacheFile, Buffer.concat(records));
    options.onProgress?.(Math.min(start + batchSize, missing.length), missing.length);
  }
  return keys.map((key) => cache.get(key)!);
}
