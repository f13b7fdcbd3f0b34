// Plain-word reasons from feature contributions: the features that pushed the score the way the verdict
// went, strongest first. They are the model's own arithmetic, not a separate explanation.
import { STRUCTURAL_FEATURES } from "./features.ts";
import type { FeatureContribution } from "./scoreFeatures.ts";

const TOPIC = {
  high: "topic resembles hard training prompts",
  low: "topic resembles prompts the cheap model handles",
};
/** A reason must carry at least this share of the strongest one's weight, and a minimum in logits. */
const MIN_SHARE_OF_TOP = 0.2;
const MIN_CONTRIBUTION = 0.001;

function describe(contribution: FeatureContribution): string {
  const spec =
    contribution.feature === "embedding"
      ? TOPIC
      : STRUCTURAL_FEATURES.find((f) => f.name === contribution.feature);
  if (!spec) return contribution.feature;
  return contribution.aboveAverage ? spec.high : spec.low;
}

export function topReasons(
  contributions: readonly FeatureContribution[],
  towardsStrong: boolean,
  limit = 3,
): string[] {
  const sign = towardsStrong ? 1 : -1;
  const pushing = contributions
    .filter((c) => sign * c.contribution >= MIN_CONTRIBUTION)
    .sort((a, b) => sign * b.contribution - sign * a.contribution);
  const strongest = sign * (pushing[0]?.contribution ?? 0);
  const reasons = pushing
    .filter((c) => sign * c.contribution >= MIN_SHARE_OF_TOP * strongest)
    .slice(0, limit)
    .map(describe);
  return reasons.length > 0 ? reasons : ["close to an average request"];
}
