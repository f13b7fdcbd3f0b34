import { expect, test } from "vitest";
import { decodeEmbedding, encodeEmbedding } from "./embeddings.ts";

test("a base64 embedding (the openai SDK's default format) decodes to the same float32 values", () => {
  const vector = [0.5, -0.25, 0.125, 1];
  expect(decodeEmbedding(encodeEmbedding(vector))).toEqual(vector);
  expect(decodeEmbedding(vector)).toBe(vector);
});
