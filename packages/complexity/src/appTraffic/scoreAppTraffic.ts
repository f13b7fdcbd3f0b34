// Scores an app's traffic set with the committed weights, embedding through the training cache.
import { structuralFeaturesOfText } from "../features.ts";
import { scoreFeatures } from "../scoreFeatures.ts";
import { EMBEDDING_CACHE_FILE } from "../training/dataset.ts";
import { embedAllCached } from "../training/embeddingCache.ts";
import type { ComplexityWeights } from "../weightsFile.ts";
import { type AppTrafficRow, isHeldOut, loadAppTraffic } from "./appTrafficSet.ts";

export interface ScoredAppQuestion extends AppTrafficRow {
  score: number;
  heldOut: boolean;
}

export async function scoreAppTraffic(app: string, weights: ComplexityWeights): Promise<ScoredAppQuestion[]> {
  const rows = loadAppTraffic(app);
  const embeddings = await embedAllCached(
    rows.map((row) => row.prompt),
    { cacheFile: EMBEDDING_CACHE_FILE },
  );
  return rows.map((row, i) => ({
    ...row,
    score: scoreFeatures(weights, structuralFeaturesOfText(row.prompt), [...embeddings[i]!]).score,
    heldOut: isHeldOut(row.prompt),
  }));
}
