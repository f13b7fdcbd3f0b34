import { seededRandom } from "@switchyard/local-provider/seededRandom";
import { describe, expect, it } from "vitest";
import { createComplexityClassifier } from "../classifier.ts";
import { loadRows } from "./dataset.ts";
import { trainComplexityModel } from "./trainModel.ts";

// A small slice of the real rows; pseudo-embeddings keep the test fast, the training code is the same.
const rows = (() => {
  const all = loadRows();
  return [
    ...all.filter((r) => r.source === "gsm8k").slice(0, 30),
    ...all.filter((r) => r.source === "mmlu").slice(0, 30),
  ];
})();
const random = seededRandom(7);
const embeddings = rows.map(() => Array.from({ length: 512 }, () => random() - 0.5));
const options = {
  seed: 11,
  validationShare: 0.2,
  dataSha256: "test",
  labels: ["needsStrong", "gain"] as const,
  l2Values: [0.01, 0.1],
  folds: 2,
  iterations: 40,
  topics: 4,
  domains: 2,
};

describe("trainComplexityModel", () => {
  it("gives identical weights when retrained on the same slice", () => {
    const first = trainComplexityModel(rows, embeddings, { ...options, labels: [...options.labels] });
    const second = trainComplexityModel(rows, embeddings, { ...options, labels: [...options.labels] });
    expect(second).toEqual(first);
    expect(first.topics.centroids).toHaveLength(4);
    expect(first.topics.centroids[0]).toHaveLength(512);
    expect(first.training.crossValidation).toHaveLength(4);
  });

  it("produces weights the classifier can use, with a dial that moves the threshold", async () => {
    const weights = trainComplexityModel(rows, embeddings, { ...options, labels: [...options.labels] });
    const embed = async () => embeddings[0]!;
    const cheap = createComplexityClassifier({ weights, embed, target: { strongShare: 0.1 } });
    const generous = createComplexityClassifier({ weights, embed, target: { strongShare: 0.9 } });
    const input = { messages: [{ role: "user" as const, content: rows[0]!.prompt }] };
    const [a, b] = [await cheap.classify(input), await generous.classify(input)];
    expect(a.score).toBe(b.score);
    expect(a.threshold).toBeGreaterThan(b.threshold);
  });
});
