// The scheduled sweep's worker: over the disk backend and a real images table (in-memory PGlite), an
// object older than an hour that no row references is deleted, a referenced one stays; the counts are
// what the job keeps as its output.
import { mkdtempSync, utimesSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, type DbHandle, images } from "@switchyard/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "./localDiskStorage.ts";
import { SWEEP_CRON, sweepOrphansJob, sweepOrphansWorker } from "./sweepJob.ts";

let handle: DbHandle;
let root: string;

beforeAll(async () => {
  handle = await createDb({ dataDir: "memory://" });
  root = mkdtempSync(path.join(tmpdir(), "images-sweep-job-"));
}, 60_000);

afterAll(async () => {
  await handle?.close();
  await rm(root, { recursive: true, force: true });
});

describe("the scheduled orphan sweep", () => {
  it("runs hourly and deletes an old object no row references, keeping a referenced one", async () => {
    expect(SWEEP_CRON).toMatch(/^\d+ \* \* \* \*$/);
    const storage = new LocalDiskStorage(root);
    await storage.put("2026-11/orphan.png", Buffer.from("orphan"), "image/png");
    await storage.put("2026-11/kept.png", Buffer.from("kept"), "image/png");
    await handle.db
      .insert(images)
      .values({ owner: "sweep-job", prompt: "p", model: "m", provider: "p", storageKey: "2026-11/kept.png" });
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    for (const key of ["orphan", "kept"])
      utimesSync(path.join(root, "2026-11", `${key}.png`), twoHoursAgo, twoHoursAgo);

    const worker = sweepOrphansWorker(storage, handle.db);
    expect(worker.kind).toBe(sweepOrphansJob);
    expect(await worker.run()).toEqual({ examined: 2, deleted: 1, failed: [] });
    expect(await storage.get("2026-11/orphan.png")).toBeNull();
    expect(await storage.get("2026-11/kept.png")).not.toBeNull();
  });
});
