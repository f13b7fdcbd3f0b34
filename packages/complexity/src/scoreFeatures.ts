// Scoring given the features: topic memberships, a dot product and a sigmoid, well under a millisecond.
// Each feature's contribution (weight x standardised value, in logits) is what the reasons are made of.
import { domainInputIndex, modelInputs } from "./modelInputs.ts";
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

export function scoreFeatures(
  weights: ComplexityWeights,
  structural: readonly number[],
  embedding: readonly number[],
): FeatureScore {
  const { mean, std, weights: w } = weights.inputs;
  const inputs = modelInputs(structural, embedding, weights.topics, weights.domains);
  const term = (i: number) => (w[i]! * (inputs[i]! - mean[i]!)) / (std[i]! > 0 ? std[i]! : 1);
  const layout = {
    structural: weights.structural.names.length,
    topics: weights.topics.centroids.length,
    domains: weights.domains.centroids.length,
  };
  // A structural feature's contribution includes its domain products: together they are "this cue, as
  // much as it matters for this kind of prompt".
  const contributions: FeatureContribution[] = weights.structural.names.map((feature, j) => {
    let contribution = term(j);
    for (let c = 0; c < layout.domains; c++) contribution += term(domainInputIndex(layout, c, j));
    return { feature, contribution, aboveAverage: inputs[j]! > mean[j]! };
  });
  let topic = 0;
  for (let k = 0; k < layout.topics; k++) topic += term(layout.structural + k);
  contributions.push({ feature: "embedding", contribution: topic, aboveAverage: topic > 0 });
  const logit = contributions.reduce((sum, c) => sum + c.contribution, weights.bias);
  return { score: 1 / (1 + Math.exp(-logit)), contributions };
}
