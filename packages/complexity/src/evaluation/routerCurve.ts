// The RouteLLM way of scoring a router: send the top-scored share of prompts to the strong model and
// measure quality (each prompt counts as right when the model it was sent to got it right).
export interface GradedPrompt {
  score: number;
  weakCorrect: boolean;
  strongCorrect: boolean;
}

export interface CurvePoint {
  strongShare: number;
  quality: number;
}

export interface RouterFigures {
  prompts: number;
  weakAccuracy: number;
  strongAccuracy: number;
  /** Smallest strong share whose quality reaches `qualityTarget` x strong-only accuracy. */
  strongShareAtTarget: number;
  /** The same for a random router (in expectation) and for an oracle that knows the answers. */
  randomStrongShareAtTarget: number;
  oracleStrongShareAtTarget: number;
  /** Average performance-gap recovered over all strong shares (0.5 for a random router). */
  apgr: number;
  curve: CurvePoint[];
}

const mean = (values: boolean[]): number => values.filter(Boolean).length / Math.max(1, values.length);

/** Quality at every strong share k/n, sending the k highest scores strong (ties broken by input order). */
export function qualityCurve(prompts: readonly GradedPrompt[]): CurvePoint[] {
  const order = prompts.map((_, i) => i).sort((a, b) => prompts[b]!.score - prompts[a]!.score || a - b);
  const n = prompts.length;
  let correct = prompts.filter((p) => p.weakCorrect).length;
  const curve: CurvePoint[] = [{ strongShare: 0, quality: correct / n }];
  order.forEach((index, k) => {
    const prompt = prompts[index]!;
    correct += Number(prompt.strongCorrect) - Number(prompt.weakCorrect);
    curve.push({ strongShare: (k + 1) / n, quality: correct / n });
  });
  return curve;
}

function shareAtTarget(curve: readonly CurvePoint[], target: number): number {
  return curve.find((point) => point.quality >= target - 1e-12)?.strongShare ?? 1;
}

export function routerFigures(prompts: readonly GradedPrompt[], qualityTarget = 0.95): RouterFigures {
  const weakAccuracy = mean(prompts.map((p) => p.weakCorrect));
  const strongAccuracy = mean(prompts.map((p) => p.strongCorrect));
  const target = qualityTarget * strongAccuracy;
  const curve = qualityCurve(prompts);
  const gap = strongAccuracy - weakAccuracy;
  // Trapezoid area under the recovered-gap curve; the area under quality minus weak, over the gap.
  let area = 0;
  for (let i = 1; i < curve.length; i++) {
    area +=
      ((curve[i]!.quality + curve[i - 1]!.quality) / 2 - weakAccuracy) *
      (curve[i]!.strongShare - curve[i - 1]!.strongShare);
  }
  const oracle = qualityCurve(
    prompts.map((p) => ({ ...p, score: Number(p.strongCorrect) - Number(p.weakCorrect) })),
  );
  return {
    prompts: prompts.length,
    weakAccuracy,
    strongAccuracy,
    strongShareAtTarget: shareAtTarget(curve, target),
    randomStrongShareAtTarget: gap <= 0 ? 0 : Math.min(1, Math.max(0, (target - weakAccuracy) / gap)),
    oracleStrongShareAtTarget: shareAtTarget(oracle, target),
    apgr: gap <= 0 ? 0 : area / gap,
    curve,
  };
}
