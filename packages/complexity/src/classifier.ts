// The learned complexity classifier behind the router's Classifier contract. It always scores with the
// local 512-d embedding (its weights were trained in that space), reusing the caller's when given.
import { embedTexts, LOCAL_EMBEDDING_DIMENSIONS } from "@switchyard/local-provider/embedder";
import type { Classifier, ComplexityInput, ComplexityVerdict } from "@switchyard/router";
import { appDialStop } from "./appDial.ts";
import { ComplexityError } from "./errors.ts";
import { structuralFeatures } from "./features.ts";
import { promptText } from "./promptText.ts";
import { topReasons } from "./reasons.ts";
import { scoreFeatures } from "./scoreFeatures.ts";
import { scopedThreshold } from "./thresholdScope.ts";
import { DEFAULT_TARGET, type RoutingTarget, thresholdFor } from "./thresholdTarget.ts";
import { type ComplexityWeights, loadCommittedWeights } from "./weightsFile.ts";

export interface ComplexityClassifierOptions {
  /** The cost/quality dial; default `{ quality: 0.95 }` of strong-only accuracy. */
  target?: RoutingTarget;
  /** Route as this app's own dial does (calibrated on its traffic) instead of by `target`. */
  app?: string;
  /** A stop of the app's dial ("cheapest", "balanced", "best"); its default stop when omitted. */
  stop?: string;
  /** Weights to use instead of the committed file (tests, retrained models). */
  weights?: ComplexityWeights;
  /** Embeds a prompt when the caller did not pass an embedding; the local model by default. */
  embed?: (text: string) => Promise<number[]>;
}

export interface ComplexityClassifier extends Classifier {
  classify(input: ComplexityInput): Promise<ComplexityVerdict>;
}

const embedLocally = async (text: string): Promise<number[]> => (await embedTexts([text]))[0]!;

function thresholdOf(options: ComplexityClassifierOptions, weights: ComplexityWeights): number {
  if (options.app === undefined) {
    if (options.stop !== undefined)
      throw new ComplexityError("complexity:bad_target", "a dial stop needs an app");
    return thresholdFor(weights.thresholds, options.target ?? DEFAULT_TARGET);
  }
  if (options.target !== undefined)
    throw new ComplexityError("complexity:bad_target", "give either a target or an app's dial, not both");
  // App dials were calibrated against the committed weights; other weights need their own calibration.
  if (options.weights !== undefined)
    throw new ComplexityError("complexity:bad_target", "an app's dial only fits the committed weights");
  return appDialStop(options.app, options.stop).threshold;
}

// #region classify
export function createComplexityClassifier(options: ComplexityClassifierOptions = {}): ComplexityClassifier {
  const weights = options.weights ?? loadCommittedWeights();
  const threshold = thresholdOf(options, weights);
  const embed = options.embed ?? embedLocally;
  return {
    async classify(input) {
      const text = promptText(input.messages);
      // An embedding of another size comes from another model and would be meaningless to these weights.
      const embedding =
        input.embedding?.length === LOCAL_EMBEDDING_DIMENSIONS ? input.embedding : await embed(text);
      const { score, contributions } = scoreFeatures(weights, structuralFeatures(input.messages), embedding);
      // A request run inside atThreshold() (a user's own dial stop) overrides the configured threshold.
      const applied = scopedThreshold() ?? threshold;
      return { score, threshold: applied, reasons: topReasons(contributions, score >= applied) };
    },
  };
}
// #endregion
