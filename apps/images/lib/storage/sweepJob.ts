// The orphan sweeper as a scheduled job: hourly, pg-boss enqueues one `images.sweep-orphans` job (one,
// whichever instances are up) and a worker of the images app runs sweepOrphans over the app's storage
// and the images table. A failed sweep is retried once; the next hour's sweep tries again anyway.
import type { Database } from "@switchyard/db";
import { jobKind } from "@switchyard/jobs";
import { z } from "zod";
import type { ImageStorage } from "./imageStorage.ts";
import { imageRowReferences, sweepOrphans } from "./sweepOrphans.ts";

export const sweepOrphansJob = jobKind({
  name: "images.sweep-orphans",
  data: z.object({}),
  retryLimit: 1,
  retryDelaySeconds: 60,
  heartbeatSeconds: 30,
  expireInSeconds: 30 * 60,
});

/** Minute 17 of every hour (UTC): away from the top of the hour, when other housekeeping runs. */
export const SWEEP_CRON = "17 * * * *";

export function sweepOrphansWorker(storage: ImageStorage, db: Database) {
  return {
    kind: sweepOrphansJob,
    concurrency: 1,
    async run() {
      const result = await sweepOrphans({ storage, referencedKeys: imageRowReferences(db) });
      // Kept as the job's output: how many objects were judged and removed, and what could not be.
      return { examined: result.examined, deleted: result.deleted.length, failed: result.failed };
    },
    async dead() {
      // The failed job keeps its error; the next hour's sweep covers the same objects.
    },
  };
}
