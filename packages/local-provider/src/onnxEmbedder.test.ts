import { beforeAll, describe, expect, it } from "vitest";
import { createOnnxEmbedder, type OnnxEmbedder } from "./onnxEmbedder.ts";
import { createTfjsEmbedder, type TfjsEmbedder } from "./tfjsEmbedder.ts";

// The complexity classifier's weights were trained on TensorFlow.js vectors, so the ONNX ones must match.
const texts = [
  " ",
  "hello",
  "What is 2+2?",
  "naïve café 日本語のテキスト 😀😀 ünïcödé",
  "function add(a, b) {\n  return a + b; // sum\n}",
  "Prove that there are infinitely many primes, then show each step. ".repeat(20),
];

const maxAbsDiff = (a: number[], b: number[]) => Math.max(...a.map((x, i) => Math.abs(x - (b[i] as number))));
const cosine = (a: number[], b: number[]) => {
  const dot = a.reduce((s, x, i) => s + x * (b[i] as number), 0);
  const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return dot / (norm(a) * norm(b));
};

describe("USE lite on onnxruntime", () => {
  let onnx: OnnxEmbedder;
  let tfjs: TfjsEmbedder;
  beforeAll(async () => {
    [onnx, tfjs] = await Promise.all([createOnnxEmbedder({ threads: 1 }), createTfjsEmbedder()]);
  });

  it("gives TensorFlow.js's vectors to 1e-4 per component", async () => {
    const expected = await Promise.all(texts.map(async (text) => (await tfjs.embed([text]))[0] as number[]));
    const actual = await Promise.all(texts.map(async (text) => (await onnx.embed([text]))[0] as number[]));
    actual.forEach((vector, i) => {
      const reference = expected[i] as number[];
      expect(vector).toHaveLength(512);
      expect(maxAbsDiff(vector, reference), texts[i]).toBeLessThanOrEqual(1e-4);
      expect(cosine(vector, reference), texts[i]).toBeGreaterThanOrEqual(0.99999);
    });
  });

  it("gives each text of a ragged batch the vector it gets alone", async () => {
    const batch = await onnx.embed(texts);
    expect(batch).toHaveLength(texts.length);
    for (const [i, text] of texts.entries()) {
      const [alone] = await onnx.embed([text]);
      expect(maxAbsDiff(batch[i] as number[], alone as number[]), text).toBeLessThanOrEqual(1e-5);
    }
  });

  it("embeds an empty text as TensorFlow.js does inside a batch, and keeps one vector per text", async () => {
    const [fromTfjs] = (await tfjs.embed(["", "hello"])) as [number[]];
    const vectors = await onnx.embed(["hello", ""]);
    expect(vectors).toHaveLength(2);
    expect(maxAbsDiff(vectors[1] as number[], fromTfjs)).toBeLessThanOrEqual(1e-4);
  });
});
