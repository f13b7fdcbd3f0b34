// Scoring given the features: a dot product and a sigmoid, well under a millisecond. Each feature's
// contribution (weight x standardised value, in logits) is what the reasons are made of.
import type { ComplexityWeights } from "./weightsFile.ts";

export interface FeatureContribution {
  /** A structural feature name, or "embedding" for the topic as a whole. */
  feature: string;
  /** Logit contribution relative to an average training prompt; positive pushes towards strong. */
  contribution: number;
  /** Whether the feature value is above its training average. */
  aboveAverage: boolean;
}

export interface FeatureScore {
  score: number;
  contributions: FeatureContribution[];
}

const standardised = (value: number, mean: number, std: number): number =>
  (value - mean) / (std > 0 ? std : 1);

export function scoreFeatures(
  weights: ComplexityWeights,
  structural: readonly number[],
  embedding: readonly number[],
): FeatureScore {
  const contributions: FeatureContribution[] = weights.structural.names.map((feature, i) => {
    const z = standardised(structural[i] ?? 0, weights.structural.mean[i]!, weights.structural.std[i]!);
    return { feature, contribution: weights.structural.weights[i]! * z, aboveAverage: z > 0 };
  });
  let topic = 0;
  weights.embedding.weights.forEach((w, d) => {
    topic += w * standardised(embedding[d] ?? 0, weights.embedding.mean[d]!, weights.embedding.std[d]!);
  });
  contributions.push({ feature: "embedding", contribution: topic, aboveAverage: topic > 0 });
  const logit = contributions.reduce((sum, c) => sum + c.contribution, weights.bias);
  return { score: 1 / (1 + Math.exp(-logit)), contributions };
}
