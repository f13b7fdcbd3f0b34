// Deletes stored objects no image row references, once they are old enough that no generation can still
// be about to insert the row. Writes put the bytes first and the row second, and delete removes the row
// first and the bytes second, so a crash at any step leaves at worst such an orphan; this removes it.
import { type Database, images } from "@switchyard/db";
import { inArray } from "drizzle-orm";
import type { ImageStorage, StoredObjectInfo } from "./imageStorage.ts";

export const DEFAULT_ORPHAN_AGE_MS = 60 * 60 * 1000;

export interface SweepOrphansOptions {
  storage: ImageStorage;
  /** Of these keys, the ones some image row references (`imageRowReferences(db)` for the images table). */
  referencedKeys: (keys: string[]) => Promise<Set<string>>;
  /** Only objects written longer ago than this are judged; default one hour. */
  olderThanMs?: number;
  now?: Date;
  /** Keys looked up in the database at once. */
  batchSize?: number;
}

export interface SweepOrphansResult {
  /** Objects old enough to be judged. */
  examined: number;
  deleted: string[];
  /** Orphans whose delete failed; the next sweep tries again. */
  failed: { key: string; error: string }[];
}

// #region sweep
export async function sweepOrphans(options: SweepOrphansOptions): Promise<SweepOrphansResult> {
  const { storage, referencedKeys, batchSize = 500 } = options;
  const cutoff = (options.now ?? new Date()).getTime() - (options.olderThanMs ?? DEFAULT_ORPHAN_AGE_MS);
  const result: SweepOrphansResult = { examined: 0, deleted: [], failed: [] };
  let batch: StoredObjectInfo[] = [];

  const judge = async () => {
    const keys = batch.map((object) => object.key);
    batch = [];
    const referenced = await referencedKeys(keys);
    for (const key of keys) {
      if (referenced.has(key)) continue;
      try {
        await storage.delete(key);
        result.deleted.push(key);
      } catch (err) {
        result.failed.push({ key, error: (err as Error).message });
      }
    }
  };

  for await (const object of storage.list()) {
    if (object.lastModified.getTime() >= cutoff) continue;
    result.examined += 1;
    batch.push(object);
    if (batch.length >= batchSize) await judge();
  }
  if (batch.length > 0) await judge();
  return result;
}
// #endregion

/** `referencedKeys` over the images table: every owner's rows, since storage keys are global. */
export function imageRowReferences(db: Database): (keys: string[]) => Promise<Set<string>> {
  return async (keys) => {
    if (keys.length === 0) return new Set();
    const rows = await db
      .select({ storageKey: images.storageKey })
      .from(images)
      .where(inArray(images.storageKey, keys));
    return new Set(rows.map((row) => row.storageKey));
  };
}
