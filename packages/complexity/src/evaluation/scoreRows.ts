import { structuralFeaturesOfText } from "../features.ts";
import { scoreFeatures } from "../scoreFeatures.ts";
import type { ComplexityWeights } from "../weightsFile.ts";
import type { EmbeddedRows } from "./heldOut.ts";
import { type GradedPrompt, type RouterFigures, routerFigures } from "./routerCurve.ts";

export interface SourceFigures extends RouterFigures {
  source: string;
}

export interface ScoredRow extends GradedPrompt {
  source: string;
}

export function scoredRows(weights: ComplexityWeights, data: EmbeddedRows): ScoredRow[] {
  return data.rows.map((row, i) => ({
    source: row.source,
    score: scoreFeatures(weights, structuralFeaturesOfText(row.prompt), [...data.embeddings[i]!]).score,
    weakCorrect: row.weak_correct,
    strongCorrect: row.strong_correct,
  }));
}

/** Scores embedded rows with `weights` and computes the RouteLLM figures per source. */
export function figuresBySource(weights: ComplexityWeights, data: EmbeddedRows): SourceFigures[] {
  const scored = scoredRows(weights, data);
  return [...new Set(scored.map((p) => p.source))]
    .sort()
    .map((source) => ({ source, ...routerFigures(scored.filter((p) => p.source === source)) }));
}
