import { describe, expect, it } from "vitest";
import { structuralFeaturesOfText } from "./features.ts";
import { scoreFeatures } from "./scoreFeatures.ts";
import { loadCommittedWeights } from "./weightsFile.ts";

const weights = loadCommittedWeights();
const embedding = Array.from({ length: 512 }, (_, d) => Math.sin(d));

describe("scoreFeatures", () => {
  it("explains the whole score: the contributions and the bias add up to its logit", () => {
    const { score, contributions } = scoreFeatures(
      weights,
      structuralFeaturesOfText(
        "A train leaves at 3 pm at 60 miles per hour. When does it arrive 150 miles away?",
      ),
      embedding,
    );
    const logit = contributions.reduce((sum, c) => sum + c.contribution, weights.bias);
    expect(score).toBeCloseTo(1 / (1 + Math.exp(-logit)), 12);
    expect(contributions.map((c) => c.feature)).toEqual([...weights.structural.names, "embedding"]);
  });

  it("never lowers the score when a structural cue grows", () => {
    const base = structuralFeaturesOfText("Sort this list.");
    const scoreOf = (structural: number[]) => scoreFeatures(weights, structural, embedding).score;
    base.forEach((_, j) => {
      const more = base.map((v, i) => (i === j ? v + 1 : v));
      expect(scoreOf(more)).toBeGreaterThanOrEqual(scoreOf(base));
    });
  });
});
