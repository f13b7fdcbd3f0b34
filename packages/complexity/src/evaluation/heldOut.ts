// The seeded split that training and evaluation share: both recompute it from the seed stored in the
// weights file, so the validation rows are the same ones the model never saw.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { DATA_FILE, EMBEDDING_CACHE_FILE, loadRows, type RouteEvalRow } from "../training/dataset.ts";
import { embedAllCached } from "../training/embeddingCache.ts";
import { stratifiedSplit } from "../training/split.ts";

export const SPLIT_SEED = 20261125;
export const VALIDATION_SHARE = 0.2;

export interface EmbeddedRows {
  rows: RouteEvalRow[];
  embeddings: Float32Array[];
}

export function dataSha256(file = DATA_FILE): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

export function splitRows(seed = SPLIT_SEED, validationShare = VALIDATION_SHARE) {
  const rows = loadRows();
  const split = stratifiedSplit(rows, validationShare, seed);
  return { train: split.train.map((i) => rows[i]!), validation: split.validation.map((i) => rows[i]!) };
}

/** Embeds rows through the on-disk cache, reporting progress on stderr. */
export async function embedRows(rows: RouteEvalRow[], label: string): Promise<EmbeddedRows> {
  const started = Date.now();
  let lastReport = 0;
  const embeddings = await embedAllCached(
    rows.map((row) => row.prompt),
    {
      cacheFile: EMBEDDING_CACHE_FILE,
      onProgress: (done, total) => {
        if (Date.now() - lastReport < 10_000 && done < total) return;
        lastReport = Date.now();
        console.error(
          `embedding ${label}: ${done}/${total} new prompts (${Math.round((Date.now() - started) / 1000)} s)`,
        );
      },
    },
  );
  return { rows, embeddings };
}
