// Turns an owner's target ("miss at most 1 in 20 questions that need the strong model") into a score
// threshold, from labelled app questions, and measures what a threshold does on labelled questions.

export interface LabelledScore {
  score: number;
  label: "fast" | "strong";
}

/** How sure the calibration must be that a stop's miss rate on new questions is within its target. */
export const DIAL_CONFIDENCE = 0.9;

export interface StopFigures {
  questions: number;
  strongLabelled: number;
  /** Strong-labelled questions routed fast. */
  missed: number;
  /** Share of strong-labelled questions routed strong. */
  recall: number;
  /** Share of all questions routed strong (the cost side). */
  strongShare: number;
}

/** P(X >= k) for X ~ Binomial(n, p). */
function binomialTailAtLeast(n: number, p: number, k: number): number {
  if (k <= 0) return 1;
  if (p <= 0) return 0;
  if (p >= 1) return k <= n ? 1 : 0;
  let pmf = (1 - p) ** n;
  let below = 0;
  for (let i = 0; i < k && i <= n; i++) {
    below += pmf;
    pmf *= ((n - i) / (i + 1)) * (p / (1 - p));
  }
  return Math.max(0, 1 - below);
}

/**
 * The highest threshold that misses at most `maxMissRate` of new strong-labelled questions, with the
 * given confidence (split-conformal, training-conditional). With the threshold at the k-th lowest of n
 * strong scores, a new strong question's chance to score below it is Beta(k, n + 1 - k); that is within
 * the target with probability P(Binomial(n, target) >= k). Aiming only at the expected miss rate would
 * miss the target on about half of the samples of new questions.
 */
export function thresholdForMissRate(
  questions: readonly LabelledScore[],
  maxMissRate: number,
  confidence = DIAL_CONFIDENCE,
): number {
  const strongScores = questions
    .filter((q) => q.label === "strong")
    .map((q) => q.score)
    .sort((a, b) => a - b);
  if (strongScores.length === 0) throw new Error("no strong-labelled questions to calibrate on");
  const n = strongScores.length;
  let k = 1;
  while (k < n && binomialTailAtLeast(n, maxMissRate, k + 1) >= confidence) k++;
  // k = 1 (miss none of the tune part) also when even that cannot promise the target at this confidence.
  return strongScores[k - 1]!;
}

export function stopFigures(questions: readonly LabelledScore[], threshold: number): StopFigures {
  const strong = questions.filter((q) => q.label === "strong");
  const missed = strong.filter((q) => q.score < threshold).length;
  return {
    questions: questions.length,
    strongLabelled: strong.length,
    missed,
    recall: strong.length === 0 ? 1 : (strong.length - missed) / strong.length,
    strongShare: questions.filter((q) => q.score >= threshold).length / Math.max(1, questions.length),
  };
}

/** Area under the ROC curve: the chance a strong-labelled question outscores a fast one (ties count half). */
export function rocAuc(questions: readonly LabelledScore[]): number {
  const strong = questions.filter((q) => q.label === "strong").map((q) => q.score);
  const fast = questions.filter((q) => q.label === "fast").map((q) => q.score);
  if (strong.length === 0 || fast.length === 0) return Number.NaN;
  let wins = 0;
  for (const s of strong) for (const f of fast) wins += s > f ? 1 : s === f ? 0.5 : 0;
  return wins / (strong.length * fast.length);
}
