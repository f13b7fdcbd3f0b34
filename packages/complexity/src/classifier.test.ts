import { embedTexts } from "@switchyard/local-provider/embedder";
import { describe, expect, it } from "vitest";
import { createComplexityClassifier } from "./classifier.ts";
import { ComplexityError } from "./errors.ts";
import { loadCommittedWeights } from "./weightsFile.ts";

const ask = (content: string) => ({ messages: [{ role: "user" as const, content }] });
const PROOF =
  "Prove that there are infinitely many primes p such that p ≡ 3 (mod 4). First show that the product of numbers " +
  "of the form 4k+1 is again of that form, then assume finitely many such primes, build N = 4(p1 p2 ... pn) - 1, " +
  "and derive a contradiction step by step.";

describe("the committed complexity classifier", () => {
  it("loads the committed weights", () => {
    const weights = loadCommittedWeights();
    expect(weights.topics.centroids[0]).toHaveLength(512);
    expect(weights.thresholds.byQuality.length).toBeGreaterThan(0);
  });

  it("scores a simple sum lower than a multi-step proof request", async () => {
    const classifier = createComplexityClassifier();
    const simple = await classifier.classify(ask("what is 2+2"));
    const proof = await classifier.classify(ask(PROOF));
    expect(simple.score).toBeGreaterThanOrEqual(0);
    expect(proof.score).toBeLessThanOrEqual(1);
    expect(simple.score).toBeLessThan(proof.score);
    expect(proof.reasons.length).toBeGreaterThan(0);
    expect(proof.reasons.every((r) => r.length > 0)).toBe(true);
  });

  it("reuses a given local embedding and ignores one of another size", async () => {
    const classifier = createComplexityClassifier();
    const [embedding] = await embedTexts([PROOF]);
    const computed = await classifier.classify(ask(PROOF));
    expect((await classifier.classify({ ...ask(PROOF), embedding })).score).toBeCloseTo(computed.score, 6);
    expect((await classifier.classify({ ...ask(PROOF), embedding: [0.1, 0.2] })).score).toBeCloseTo(
      computed.score,
      6,
    );
  });

  it("returns the threshold of its configured target", async () => {
    const { thresholds } = loadCommittedWeights();
    const at95 = thresholds.byQuality.find((p) => p.quality === 0.95)!;
    const verdict = await createComplexityClassifier({ target: { quality: 0.95 } }).classify(ask("hello"));
    expect(verdict.threshold).toBe(at95.threshold);
    const cheap = await createComplexityClassifier({ target: { strongShare: 0.1 } }).classify(ask("hello"));
    const generous = await createComplexityClassifier({ target: { strongShare: 0.6 } }).classify(
      ask("hello"),
    );
    expect(cheap.threshold).toBeGreaterThan(generous.threshold);
  });

  it("rejects a target outside [0, 1] with a typed error", () => {
    expect(() => createComplexityClassifier({ target: { strongShare: 1.5 } })).toThrow(ComplexityError);
  });
});
