import { describe, expect, it } from "vitest";
import { embeddingBackend, embedTexts, firstThatLoads } from "./embedder.ts";

describe("embedder", () => {
  it("runs on onnxruntime where its native binary loads", async () => {
    expect(await embeddingBackend()).toBe("onnxruntime");
    const [vector] = await embedTexts(["hello"]);
    expect(vector).toHaveLength(512);
  });

  it("falls back to the next runtime when one fails to load", async () => {
    const embed = async () => [[1]];
    const chosen = await firstThatLoads([
      () => Promise.reject(new Error("no native binary")),
      async () => ({ backend: "tensorflow.js" as const, embed }),
    ]);
    expect(chosen.backend).toBe("tensorflow.js");
  });
});
