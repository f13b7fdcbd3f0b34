// Turns out-of-fold scores on the training part into the dial's threshold table. Out-of-fold scores
// behave like scores on unseen prompts, which in-sample scores (a little overfit) do not.
import { type GradedPrompt, qualityCurve } from "../evaluation/routerCurve.ts";
import type { ThresholdTable } from "../weightsFile.ts";

export const CALIBRATED_SHARES = Array.from({ length: 19 }, (_, i) => (i + 1) / 20);
export const CALIBRATED_QUALITIES = [0.85, 0.9, 0.925, 0.95, 0.975, 1];

/** The score of the k-th highest prompt, so "score >= threshold" sends k prompts strong. */
function thresholdForCount(sortedDescending: readonly number[], k: number): number {
  if (k <= 0) return 1.000001;
  return sortedDescending[Math.min(k, sortedDescending.length) - 1]!;
}

export function calibrateThresholds(prompts: readonly (GradedPrompt & { source: string })[]): ThresholdTable {
  const descending = prompts.map((p) => p.score).sort((a, b) => b - a);
  const byStrongShare = CALIBRATED_SHARES.map((strongShare) => ({
    strongShare,
    threshold: thresholdForCount(descending, Math.ceil(strongShare * prompts.length)),
  }));
  const sources = [...new Set(prompts.map((p) => p.source))].sort();
  const byQuality = CALIBRATED_QUALITIES.map((quality) => {
    // Conservative: the lowest threshold any source needs, so every source reaches the target.
    const threshold = Math.min(
      ...sources.map((source) => {
        const group = prompts.filter((p) => p.source === source);
        const strongAccuracy = group.filter((p) => p.strongCorrect).length / group.length;
        const point = qualityCurve(group).find((p) => p.quality >= quality * strongAccuracy - 1e-12);
        const groupDescending = group.map((p) => p.score).sort((a, b) => b - a);
        return thresholdForCount(groupDescending, Math.round((point?.strongShare ?? 1) * group.length));
      }),
    );
    const strongShare = prompts.filter((p) => p.score >= threshold).length / prompts.length;
    return { quality, threshold, strongShare };
  });
  return { byStrongShare, byQuality };
}
