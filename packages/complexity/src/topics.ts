// Topic memberships of an embedding: a softmax over (negative) squared distances to cluster centres of
// the training prompts. A handful of soft topic weights replace the raw 512 dimensions, so prompts of
// one kind (say, word problems) share one topic term instead of 512 noisy ones.

/** The embedding scaled to unit length (the centres were fitted on unit vectors). */
export function unitNormalised(vector: readonly number[]): number[] {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm);
  return norm > 0 ? vector.map((x) => x / norm) : vector.map(() => 0);
}

/** Soft membership of a unit vector in each centre, summing to 1; lower temperature is harder. */
export function topicMemberships(
  unit: readonly number[],
  centroids: readonly (readonly number[])[],
  temperature: number,
): number[] {
  const logits = centroids.map((centre) => {
    let distance = 0;
    for (let d = 0; d < centre.length; d++) distance += ((unit[d] ?? 0) - centre[d]!) ** 2;
    return -distance / temperature;
  });
  const top = Math.max(...logits);
  const weights = logits.map((z) => Math.exp(z - top));
  const total = weights.reduce((sum, w) => sum + w, 0);
  return weights.map((w) => w / total);
}
