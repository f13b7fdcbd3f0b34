// Integration: the real router against the in-process local provider, the Postgres stores on an
// in-memory PGlite, the local-disk storage in a temp folder. Upstream calls are counted in the
// provider's request log by idempotency key.
import { mkdtempSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, createRouterStores, type DbHandle, idempotencyKeys } from "@switchyard/db";
import { type LocalProvider, startLocalProvider } from "@switchyard/local-provider";
import { createRouter, type Router } from "@switchyard/router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImageRepository } from "../gallery/imageRepository.ts";
import type { ImageUser } from "../imageUser.ts";
import { LocalDiskStorage } from "../storage/localDiskStorage.ts";
import { type GenerateDeps, ImageGenerator } from "./generateImage.ts";
import { GenerationQueue } from "./generationQueue.ts";
import { generateRequestSchema } from "./imageOptions.ts";
import { PromptEmbedder } from "./promptEmbedder.ts";

let provider: LocalProvider;
let handle: DbHandle;
let storageRoot: string;
const routers: Router[] = [];

function newGenerator(overrides: Partial<GenerateDeps> = {}): ImageGenerator {
  // One router + generator per simulated process; all share the database and the storage folder.
  const router = createRouter({
    app: "images",
    accounts: ["local:image-primary", "local:image-backup", "local:default"],
    localProviderUrl: provider.url,
    idempotencyStore: createRouterStores(handle.db).idempotency,
    policy: { credits: { refreshMs: 0 } },
    env: { SWITCHYARD_LOG_LEVEL: "silent" },
  });
  routers.push(router);
  const repository = new ImageRepository(handle.db);
  return new ImageGenerator({
    router,
    embedder: new PromptEmbedder(router),
    repository,
    storage: new LocalDiskStorage(storageRoot),
    queue: new GenerationQueue({ concurrency: 4, maxQueue: 100 }),
    familyOf: () => "local:image-primary",
    ...overrides,
  });
}

const member = (id: string): ImageUser => ({ id });
const [u1, u2, u3] = [member("u1"), member("u2"), member("u3")];
const request = (prompt: string) => generateRequestSchema.parse({ prompt, size: "small", seed: 7 });
const upstreamCalls = (key: string) =>
  provider.control.log({ idempotencyKey: key }).filter((e) => e.path.includes("/images/generations")).length;
const storedFiles = () =>
  readdirSync(storageRoot, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;

beforeAll(async () => {
  provider = await startLocalProvider({ port: 0 });
  handle = await createDb({ dataDir: "memory://" });
  storageRoot = mkdtempSync(path.join(tmpdir(), "images-gen-"));
}, 60_000);

afterAll(async () => {
  await Promise.all(routers.map((r) => r.close()));
  await handle?.close();
  await provider?.close();
  await rm(storageRoot, { recursive: true, force: true });
});

describe("ImageGenerator", () => {
  it("saves the image bytes and a row with the prompt's embedding and routing", async () => {
    const generator = newGenerator();
    const { image, replay } = await generator.generate(request("a lighthouse at dusk"), {
      user: u1,
      idempotencyKey: "test-save-0001",
    });
    expect(replay).toBe(false);
    expect(image.provider).toBe("Local Image Primary");
    expect(image.promptEmbedding).toHaveLength(512);
    const bytes = await new LocalDiskStorage(storageRoot).get(image.storageKey);
    expect(bytes?.bytes.subarray(1, 4).toString()).toBe("PNG");
    // The router's stored answer keeps the routing, never the bytes: the row is the reference.
    const stored = await handle.db.select({ response: idempotencyKeys.response }).from(idempotencyKeys);
    expect(stored.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored)).not.toContain("b64_json");
  });

  it("a double submit in one process makes one upstream call and one row", async () => {
    const generator = newGenerator();
    const ctx = { user: u1, idempotencyKey: "test-double-0001" };
    const [a, b] = await Promise.all([
      generator.generate(request("two red kites"), ctx),
      generator.generate(request("two red kites"), ctx),
    ]);
    expect(a.image.id).toBe(b.image.id);
    const again = await generator.generate(request("two red kites"), ctx);
    expect(again).toMatchObject({ replay: true, image: { id: a.image.id } });
    expect(upstreamCalls(ctx.idempotencyKey)).toBe(1);
  });

  it("the same key sent to two processes at once generates once and saves one row", async () => {
    const [first, second] = [newGenerator(), newGenerator()];
    const ctx = { user: u1, idempotencyKey: "test-twoproc-0001" };
    const [a, b] = await Promise.all([
      first.generate(request("a fox in snow"), ctx),
      second.generate(request("a fox in snow"), ctx),
    ]);
    expect(a.image.id).toBe(b.image.id);
    expect(upstreamCalls(ctx.idempotencyKey)).toBe(1);
    const rows = await new ImageRepository(handle.db).list("u1", 1, 100);
    expect(rows.items.filter((r) => r.idempotencyKey === ctx.idempotencyKey)).toHaveLength(1);
  });

  it("two users' equal keys never meet: each gets their own image, and a different prompt is no conflict", async () => {
    const generator = newGenerator();
    const key = "test-twousers-0001";
    const [a, b] = await Promise.all([
      generator.generate(request("a heron in reeds"), { user: member("k1"), idempotencyKey: key }),
      generator.generate(request("a heron in reeds"), { user: member("k2"), idempotencyKey: key }),
    ]);
    expect(a.image.id).not.toBe(b.image.id);
    expect([a.image.owner, b.image.owner]).toEqual(["k1", "k2"]);
    expect([a.replay, b.replay]).toEqual([false, false]);
    const other = await newGenerator().generate(request("an owl at noon"), {
      user: member("k3"),
      idempotencyKey: key,
    });
    expect(other.image).toMatchObject({ owner: "k3", prompt: "an owl at noon" });
    expect(upstreamCalls(key)).toBe(3);
  });

  it("a prompt refused by moderation saves nothing", async () => {
    const generator = newGenerator();
    const before = storedFiles();
    await expect(
      generator.generate(request("blocked-by-moderation please"), {
        user: u2,
        idempotencyKey: "test-mod-0001",
      }),
    ).rejects.toMatchObject({ code: "content_refused" });
    expect(storedFiles()).toBe(before);
    expect((await new ImageRepository(handle.db).list("u2", 1, 10)).total).toBe(0);
  });

  it("removes the written bytes when the row cannot be saved", async () => {
    const repository = new ImageRepository(handle.db);
    const generator = newGenerator({
      repository: {
        findByKey: (owner, key) => repository.findByKey(owner, key),
        insertOnce: async () => {
          throw new Error("database went away");
        },
      },
    });
    const before = storedFiles();
    await expect(
      generator.generate(request("a teapot"), { user: u3, idempotencyKey: "test-insertfail-0001" }),
    ).rejects.toThrow("database went away");
    expect(storedFiles()).toBe(before);
  });
});
