// Every query of the images table is one owner's: another owner's row is never read, listed, found by
// similar prompt, matched by idempotency key, or deleted. On an in-memory PGlite.
import { createDb, type DbHandle, EMBEDDING_DIMENSIONS } from "@switchyard/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImageStorage } from "../storage/imageStorage.ts";
import { ImageRepository } from "./imageRepository.ts";

let handle: DbHandle;
let repository: ImageRepository;
const deletedKeys: string[] = [];
const storage: ImageStorage = {
  put: async () => undefined,
  get: async () => null,
  open: async () => null,
  list: async function* () {},
  delete: async (key) => {
    deletedKeys.push(key);
  },
};

const vector = (hot: number) => Array.from({ length: EMBEDDING_DIMENSIONS }, (_, i) => (i === hot ? 1 : 0));
const row = (owner: string, idempotencyKey: string, hot: number) => ({
  owner,
  prompt: `${owner}'s prompt`,
  parameters: {},
  model: "m",
  provider: "p",
  storageKey: `${owner}/${idempotencyKey}.png`,
  mime: "image/png",
  width: 8,
  height: 8,
  costUsd: 0.04,
  promptEmbedding: vector(hot),
  embeddingModel: "e",
  idempotencyKey,
});

beforeAll(async () => {
  handle = await createDb({ dataDir: "memory://" });
  repository = new ImageRepository(handle.db);
}, 60_000);

afterAll(async () => {
  await handle?.close();
});

describe("ImageRepository is scoped by owner", () => {
  it("keeps two owners' equal idempotency keys apart and shows each only their own", async () => {
    const alice = await repository.insertOnce(row("alice", "same-key", 0));
    const bob = await repository.insertOnce(row("bob", "same-key", 0));
    expect([alice.inserted, bob.inserted]).toEqual([true, true]);
    expect(alice.image.id).not.toBe(bob.image.id);

    expect((await repository.findByKey("bob", "same-key"))?.id).toBe(bob.image.id);
    expect(await repository.get("bob", alice.image.id)).toBeNull();
    expect((await repository.get("alice", alice.image.id))?.owner).toBe("alice");

    const bobsList = await repository.list("bob", 1, 100);
    expect(bobsList.items.map((i) => i.owner)).toEqual(["bob"]);
    expect(bobsList.total).toBe(1);
    const similar = await repository.similar("bob", vector(0), 10);
    expect(similar.map((s) => s.image.id)).toEqual([bob.image.id]);
  });

  it("will not delete another owner's image, nor its bytes", async () => {
    const carol = await repository.insertOnce(row("carol", "carols-key", 1));
    expect(await repository.delete("mallory", carol.image.id, storage)).toBe(false);
    expect(deletedKeys).not.toContain(carol.image.storageKey);
    expect(await repository.get("carol", carol.image.id)).not.toBeNull();
    expect(await repository.delete("carol", carol.image.id, storage)).toBe(true);
    expect(deletedKeys).toContain(carol.image.storageKey);
  });

  it("deletes the row before the bytes, so a failing store leaves an orphan, never a broken row", async () => {
    const dave = await repository.insertOnce(row("dave", "daves-key", 2));
    const failingStore = { ...storage, delete: async () => Promise.reject(new Error("store down")) };
    expect(await repository.delete("dave", dave.image.id, failingStore)).toBe(true);
    expect(await repository.get("dave", dave.image.id)).toBeNull();
  });
});
