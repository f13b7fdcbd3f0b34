export { APPS_WITH_DIALS, type AppWithDial, appDialStop, loadAppDial } from "./appDial.ts";
export { type AppDial, appDial, type DialStop } from "./appDialFile.ts";
export {
  type ComplexityClassifier,
  type ComplexityClassifierOptions,
  createComplexityClassifier,
} from "./classifier.ts";
export { ComplexityError, type ComplexityErrorCode } from "./errors.ts";
export { STRUCTURAL_FEATURES, structuralFeatures, structuralFeaturesOfText } from "./features.ts";
export { promptText } from "./promptText.ts";
export { topReasons } from "./reasons.ts";
export { type FeatureContribution, type FeatureScore, scoreFeatures } from "./scoreFeatures.ts";
export { atThreshold, scopedThreshold } from "./thresholdScope.ts";
export { DEFAULT_TARGET, type RoutingTarget, routingTarget, thresholdFor } from "./thresholdTarget.ts";
export { feedbackSource, feedbackTrainingRows, MIN_FEEDBACK_ROWS } from "./training/feedbackRows.ts";
export {
  type ComplexityWeights,
  complexityWeights,
  loadCommittedWeights,
  parseWeights,
} from "./weightsFile.ts";
