// L2-regularised logistic regression fitted by full-batch Adam from zero weights: no randomness, so the
// same data gives the same weights bit for bit.
export interface TrainingSet {
  /** Row-major features, n rows of `dimensions` standardised values. */
  features: Float64Array;
  dimensions: number;
  /** Targets in [0, 1]. */
  labels: Float64Array;
  /** Per-row weights (class weighting); all ones when omitted. */
  sampleWeights?: Float64Array;
}

export interface FitOptions {
  l2: number;
  /** Per-dimension multiplier of `l2` (1 when omitted), to regularise feature groups differently. */
  l2Scale?: Float64Array;
  /** Dimensions whose weight must stay >= 0 (monotone: more of the feature never lowers the score). */
  nonNegative?: Uint8Array;
  iterations?: number;
  learningRate?: number;
}

export interface FittedModel {
  weights: Float64Array;
  bias: number;
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function predictLogit(
  model: FittedModel,
  features: Float64Array,
  dimensions: number,
  row: number,
): number {
  let z = model.bias;
  const offset = row * dimensions;
  for (let d = 0; d < dimensions; d++) z += model.weights[d]! * features[offset + d]!;
  return z;
}

export function fitLogisticRegression(set: TrainingSet, options: FitOptions): FittedModel {
  const { features, dimensions, labels } = set;
  const rows = labels.length;
  const sampleWeights = set.sampleWeights ?? new Float64Array(rows).fill(1);
  const totalWeight = sampleWeights.reduce((sum, w) => sum + w, 0);
  const iterations = options.iterations ?? 300;
  const learningRate = options.learningRate ?? 0.05;
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];

  const params = new Float64Array(dimensions + 1); // last slot is the bias
  const firstMoment = new Float64Array(dimensions + 1);
  const secondMoment = new Float64Array(dimensions + 1);
  const gradient = new Float64Array(dimensions + 1);
  const model = (): FittedModel => ({ weights: params.subarray(0, dimensions), bias: params[dimensions]! });

  for (let step = 1; step <= iterations; step++) {
    gradient.fill(0);
    const current = model();
    for (let row = 0; row < rows; row++) {
      const residual =
        (sigmoid(predictLogit(current, features, dimensions, row)) - labels[row]!) * sampleWeights[row]!;
      const offset = row * dimensions;
      for (let d = 0; d < dimensions; d++) gradient[d]! += residual * features[offset + d]!;
      gradient[dimensions]! += residual;
    }
    for (let d = 0; d <= dimensions; d++) {
      const regularisation = d < dimensions ? options.l2 * (options.l2Scale?.[d] ?? 1) * params[d]! : 0;
      const g = gradient[d]! / totalWeight + regularisation;
      firstMoment[d] = beta1 * firstMoment[d]! + (1 - beta1) * g;
      secondMoment[d] = beta2 * secondMoment[d]! + (1 - beta2) * g * g;
      const mHat = firstMoment[d]! / (1 - beta1 ** step);
      const vHat = secondMoment[d]! / (1 - beta2 ** step);
      params[d]! -= (learningRate * mHat) / (Math.sqrt(vHat) + epsilon);
      if (options.nonNegative?.[d] && params[d]! < 0) params[d] = 0;
    }
  }
  return { weights: Float64Array.from(params.subarray(0, dimensions)), bias: params[dimensions]! };
}
