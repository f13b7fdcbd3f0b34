// The orphan sweeper on both backends against a real images table (in-memory PGlite): an old object no
// row references goes, a referenced one and a young one stay, whatever the batch size.
import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, type DbHandle, images } from "@switchyard/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImageStorage } from "./imageStorage.ts";
import { type InProcessS3, startInProcessS3 } from "./inProcessS3.ts";
import { LocalDiskStorage } from "./localDiskStorage.ts";
import { S3Storage } from "./s3Storage.ts";
import { imageRowReferences, sweepOrphans } from "./sweepOrphans.ts";

let handle: DbHandle;
let s3: InProcessS3;
const diskRoots: string[] = [];
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  [handle, s3] = await Promise.all([createDb({ dataDir: "memory://" }), startInProcessS3()]);
}, 60_000);

afterAll(async () => {
  await Promise.all([
    handle?.close(),
    s3?.close(),
    ...diskRoots.map((r) => rm(r, { recursive: true, force: true })),
  ]);
});

async function insertRow(storageKey: string) {
  await handle.db
    .insert(images)
    .values({ owner: "sweeper-test", prompt: "p", model: "m", provider: "p", storageKey });
}

async function keysIn(storage: ImageStorage): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of storage.list()) keys.push(object.key);
  return keys.sort();
}

const backends: [string, () => Promise<ImageStorage>][] = [
  [
    "LocalDiskStorage",
    async () => {
      const root = mkdtempSync(path.join(tmpdir(), "images-sweep-"));
      diskRoots.push(root);
      return new LocalDiskStorage(root);
    },
  ],
  ["S3Storage", async () => new S3Storage(await s3.newBucket())],
];

describe.each(backends)("sweepOrphans on %s", (name, freshStorage) => {
  it("removes an old orphan and keeps live objects and young orphans", async () => {
    const storage = await freshStorage();
    const live = `${name.toLowerCase()}/live.png`;
    const orphan = `${name.toLowerCase()}/orphan.png`;
    await storage.put(live, Buffer.from("live"), "image/png");
    await storage.put(orphan, Buffer.from("orphan"), "image/png");
    await insertRow(live);
    const options = { storage, referencedKeys: imageRowReferences(handle.db) };

    const young = await sweepOrphans(options);
    expect(young).toEqual({ examined: 0, deleted: [], failed: [] });

    const later = new Date(Date.now() + 2 * HOUR);
    const swept = await sweepOrphans({ ...options, now: later });
    expect(swept).toEqual({ examined: 2, deleted: [orphan], failed: [] });
    expect(await keysIn(storage)).toEqual([live]);
    expect((await storage.get(live))?.bytes.toString()).toBe("live");

    // A longer age than the objects have: nothing is judged.
    await storage.put(orphan, Buffer.from("again"), "image/png");
    expect((await sweepOrphans({ ...options, now: later, olderThanMs: 3 * HOUR })).examined).toBe(0);
  });

  it("judges in batches without losing a referenced object", async () => {
    const storage = await freshStorage();
    const keys = Array.from({ length: 7 }, (_, i) => `${name.toLowerCase()}/batch/${i}.png`);
    for (const key of keys) await storage.put(key, Buffer.from(key), "image/png");
    const referenced = keys.filter((_, i) => i % 2 === 0);
    for (const key of referenced) await insertRow(key);
    const swept = await sweepOrphans({
      storage,
      referencedKeys: imageRowReferences(handle.db),
      now: new Date(Date.now() + 2 * HOUR),
      batchSize: 3,
    });
    expect(swept.deleted.sort()).toEqual(keys.filter((_, i) => i % 2 === 1).sort());
    expect(await keysIn(storage)).toEqual([...referenced].sort());
  });
});
