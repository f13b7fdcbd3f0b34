// Seeded k-means (k-means++ start, then Lloyd's iterations): the topic centres. Same points and seed
// give the same centres.
import { seededRandom } from "@switchyard/local-provider/seededRandom";

export interface KMeansOptions {
  seed: number;
  maxIterations?: number;
}

function squaredDistance(points: Float64Array, i: number, centres: Float64Array, c: number, dims: number) {
  let sum = 0;
  const [p, q] = [i * dims, c * dims];
  for (let d = 0; d < dims; d++) sum += (points[p + d]! - centres[q + d]!) ** 2;
  return sum;
}

/** `k` centres of `points` (equal-length vectors), as arrays. */
export function kMeans(
  points: readonly (readonly number[])[],
  k: number,
  options: KMeansOptions,
): number[][] {
  const n = points.length;
  const dims = points[0]?.length ?? 0;
  if (n < k) throw new Error(`k-means needs at least ${k} points, got ${n}`);
  const flat = new Float64Array(n * dims);
  points.forEach((point, i) => {
    flat.set(point, i * dims);
  });
  const random = seededRandom(options.seed);
  const centres = new Float64Array(k * dims);
  const setCentre = (c: number, i: number) => centres.set(flat.subarray(i * dims, (i + 1) * dims), c * dims);

  // k-means++: each new centre is drawn with probability proportional to the squared distance.
  setCentre(0, Math.floor(random() * n));
  const nearest = Float64Array.from({ length: n }, (_, i) => squaredDistance(flat, i, centres, 0, dims));
  for (let c = 1; c < k; c++) {
    const total = nearest.reduce((sum, d) => sum + d, 0);
    let target = random() * total;
    let chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i]!;
      if (target <= 0) {
        chosen = i;
        break;
      }
    }
    setCentre(c, chosen);
    for (let i = 0; i < n; i++)
      nearest[i] = Math.min(nearest[i]!, squaredDistance(flat, i, centres, c, dims));
  }

  const assignment = new Int32Array(n).fill(-1);
  for (let iteration = 0; iteration < (options.maxIterations ?? 50); iteration++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        const distance = squaredDistance(flat, i, centres, c, dims);
        if (distance < bestDistance) [best, bestDistance] = [c, distance];
      }
      if (assignment[i] !== best) changed++;
      assignment[i] = best;
    }
    if (changed === 0) break;
    const sums = new Float64Array(k * dims);
    const counts = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const c = assignment[i]!;
      counts[c]!++;
      for (let d = 0; d < dims; d++) sums[c * dims + d]! += flat[i * dims + d]!;
    }
    // An emptied cluster keeps its old centre rather than collapsing to the origin.
    for (let c = 0; c < k; c++) {
      if (counts[c]! === 0) continue;
      for (let d = 0; d < dims; d++) centres[c * dims + d] = sums[c * dims + d]! / counts[c]!;
    }
  }
  return Array.from({ length: k }, (_, c) => [...centres.subarray(c * dims, (c + 1) * dims)]);
}
