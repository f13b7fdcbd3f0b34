// The committed model: a zod-checked JSON file, so a hand-edited or stale file fails loudly at load.
// A static import, not a file read: Next bundles this package, and the JSON travels with the bundle.

import { z } from "zod";
import committedJson from "../complexity.weights.json" with { type: "json" };
import { ComplexityError } from "./errors.ts";
import { inputCount } from "./modelInputs.ts";

const vector = z.array(z.number());

export const thresholdTable = z.object({
  /** Score thresholds that send about `strongShare` of training-like traffic to the strong model. */
  byStrongShare: z.array(z.object({ strongShare: z.number(), threshold: z.number() })),
  /** Score thresholds that reach `quality` x strong-only accuracy on each source of the training part. */
  byQuality: z.array(z.object({ quality: z.number(), threshold: z.number(), strongShare: z.number() })),
});
export type ThresholdTable = z.infer<typeof thresholdTable>;

const centroidSet = z.object({ temperature: z.number().positive(), centroids: z.array(vector).min(1) });

export const complexityWeights = z
  .object({
    version: z.literal(2),
    model: z.literal("topic-logistic-regression"),
    embeddingModel: z.string(),
    /** What the score predicts, e.g. "weakWrong": the cheap model answers wrongly. */
    target: z.string(),
    bias: z.number(),
    structural: z.object({ names: z.array(z.string()) }),
    /** Fine topics of the embedding: their memberships carry the topic term. */
    topics: centroidSet,
    /** Coarse domains: their memberships scale the structural features (one weight per pair). */
    domains: centroidSet,
    /** Standardisation and weights of the input vector laid out as in modelInputs.ts. */
    inputs: z.object({ mean: vector, std: vector, weights: vector }),
    thresholds: thresholdTable,
    training: z.object({
      dataSha256: z.string(),
      seed: z.number(),
      validationShare: z.number(),
      trainRows: z.number(),
      l2: z.number(),
      structuralL2Scale: z.number(),
      iterations: z.number(),
      classWeighting: z.boolean(),
      balanceSources: z.boolean(),
      crossValidation: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
    }),
  })
  .refine(
    (w) => {
      const length = inputCount({
        structural: w.structural.names.length,
        topics: w.topics.centroids.length,
        domains: w.domains.centroids.length,
      });
      return [w.inputs.mean, w.inputs.std, w.inputs.weights].every((v) => v.length === length);
    },
    { message: "inputs must hold one mean, std and weight per model input" },
  );
export type ComplexityWeights = z.infer<typeof complexityWeights>;

let committed: ComplexityWeights | undefined;

export function parseWeights(json: unknown): ComplexityWeights {
  const parsed = complexityWeights.safeParse(json);
  if (!parsed.success)
    throw new ComplexityError("complexity:bad_weights", `weights file is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/** The weights committed with the package, read once per process. */
export function loadCommittedWeights(): ComplexityWeights {
  committed ??= parseWeights(committedJson);
  return committed;
}
