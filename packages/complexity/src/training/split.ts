// A seeded validation split stratified by source. Identical prompts stay on one side, so the held-out
// figures are never flattered by a duplicate the model trained on.

import { seededRandom } from "@switchyard/local-provider/seededRandom";
import type { RouteEvalRow } from "./dataset.ts";
import { shuffled } from "./shuffled.ts";

export interface Split {
  train: number[];
  validation: number[];
}

export function stratifiedSplit(rows: readonly RouteEvalRow[], validationShare: number, seed: number): Split {
  const random = seededRandom(seed);
  const groupsBySource = new Map<string, Map<string, number[]>>();
  rows.forEach((row, index) => {
    const groups = groupsBySource.get(row.source) ?? new Map<string, number[]>();
    groupsBySource.set(row.source, groups);
    groups.set(row.prompt, [...(groups.get(row.prompt) ?? []), index]);
  });
  const split: Split = { train: [], validation: [] };
  for (const source of [...groupsBySource.keys()].sort()) {
    const groups = shuffled([...groupsBySource.get(source)!.values()], random);
    const validationGroups = Math.round(groups.length * validationShare);
    groups.forEach((indices, i) => {
      split[i < validationGroups ? "validation" : "train"].push(...indices);
    });
  }
  split.train.sort((a, b) => a - b);
  split.validation.sort((a, b) => a - b);
  return split;
}

/** K folds over `indices`, stratified by source, for cross-validation inside the training part. */
export function stratifiedFolds(
  rows: readonly RouteEvalRow[],
  indices: readonly number[],
  k: number,
  seed: number,
): number[][] {
  const random = seededRandom(seed);
  const folds: number[][] = Array.from({ length: k }, () => []);
  const bySource = new Map<string, number[]>();
  for (const index of indices) {
    const source = rows[index]!.source;
    if (!bySource.has(source)) bySource.set(source, []);
    bySource.get(source)!.push(index);
  }
  let next = 0;
  for (const source of [...bySource.keys()].sort()) {
    for (const index of shuffled(bySource.get(source)!, random)) folds[next++ % k]!.push(index);
  }
  return folds.map((fold) => fold.sort((a, b) => a - b));
}
