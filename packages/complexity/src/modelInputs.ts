// The model's input vector, shared by training and scoring so the two can never drift apart:
// [structural features | topic memberships | each structural feature x each domain membership].
// The domain products let a cue weigh differently by kind of prompt (length says more about a word
// problem than about a multiple-choice question) while each weight stays a plain number.
import { topicMemberships, unitNormalised } from "./topics.ts";

export interface CentroidSet {
  /** Softmax temperature over squared distances between unit vectors. */
  temperature: number;
  centroids: number[][];
}

export interface InputLayout {
  structural: number;
  topics: number;
  domains: number;
}

export const inputCount = (layout: InputLayout): number =>
  layout.structural + layout.topics + layout.domains * layout.structural;

/** Index of the product of structural feature `feature` and domain `domain`. */
export const domainInputIndex = (layout: InputLayout, domain: number, feature: number): number =>
  layout.structural + layout.topics + domain * layout.structural + feature;

export function modelInputs(
  structural: readonly number[],
  embedding: readonly number[],
  topics: CentroidSet,
  domains: CentroidSet,
): number[] {
  const unit = unitNormalised(embedding);
  const domainWeights = topicMemberships(unit, domains.centroids, domains.temperature);
  return [
    ...structural,
    ...topicMemberships(unit, topics.centroids, topics.temperature),
    ...domainWeights.flatMap((g) => structural.map((s) => g * s)),
  ];
}
