// runIdempotent as the images app uses it: the slow part (generate, store the bytes) outside any
// transaction, the row and the key's completion in one; the key keeps the row's id, never the bytes.
// 409 idempotency_in_flight while the first runs, 422 idempotency_mismatch for another body, and
// nothing written when the write fails.
import { createDb, type DbHandle, idempotencyKeys, images } from "@switchyard/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorResponse } from "../apiErrors.ts";
import { runIdempotent } from "./runIdempotent.ts";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createDb({ dataDir: "memory://", cache: false });
}, 60_000);
afterAll(() => handle?.close());

const body = { prompt: "a lighthouse at dusk", size: "small", seed: 7 };
const request = (key: string, sent: unknown = body) => ({
  namespace: "images:generate:ann",
  key,
  body: sent,
  waitMs: 50,
});

/** A generation whose bytes land in `stored`; `gate` holds it until the test lets it finish. */
function generation(stored: Map<string, Buffer>, gate: Promise<void> = Promise.resolve()) {
  return {
    prepare: async () => {
      await gate;
      const storageKey = `2026-12/${stored.size}.png`;
      stored.set(storageKey, Buffer.alloc(64 * 1024, 1));
      return storageKey;
    },
    write: async (tx: DbHandle["db"], storageKey: string) => {
      const [row] = await tx
        .insert(images)
        .values({
          owner: "ann",
          prompt: body.prompt,
          model: "local/draw",
          provider: "local",
          storageKey,
          idempotencyKey: "k",
        })
        .returning({ id: images.id });
      return { imageId: row!.id };
    },
  };
}

describe("runIdempotent for an image", () => {
  it("keeps the row's id for the key, never the bytes, and replays it", async () => {
    const stored = new Map<string, Buffer>();
    const first = await runIdempotent(handle.db, request("img-key-0001"), generation(stored));
    const again = await runIdempotent(handle.db, request("img-key-0001"), generation(stored));
    expect(again).toEqual({ value: first.value, replay: true });
    expect(stored.size).toBe(1);
    const [key] = await handle.db
      .select({ response: idempotencyKeys.response })
      .from(idempotencyKeys)
      .where(
        and(eq(idempotencyKeys.namespace, "images:generate:ann"), eq(idempotencyKeys.key, "img-key-0001")),
      );
    expect(key?.response).toEqual({ imageId: first.value.imageId });
  });

  it("answers 409 with Retry-After while the first runs, 422 for another body, and replays once it is done", async () => {
    const stored = new Map<string, Buffer>();
    let finish!: () => void;
    const first = runIdempotent(
      handle.db,
      { ...request("img-key-0002"), waitMs: 15_000 },
      generation(stored, new Promise<void>((resolve) => (finish = resolve))),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const inFlight = await runIdempotent(handle.db, request("img-key-0002"), generation(stored)).catch(
      (e) => e,
    );
    const response = errorResponse(inFlight);
    expect(response.status).toBe(409);
    expect(response.headers.get("retry-after")).toBe("1");
    expect((await response.json()).error.code).toBe("idempotency_in_flight");
    const other = await runIdempotent(
      handle.db,
      request("img-key-0002", { ...body, seed: 8 }),
      generation(stored),
    ).catch((e) => e);
    expect(errorResponse(other).status).toBe(422);
    expect(other).toMatchObject({ code: "idempotency_mismatch" });

    finish();
    const done = await first;
    expect(await runIdempotent(handle.db, request("img-key-0002"), generation(stored))).toEqual({
      value: done.value,
      replay: true,
    });
    expect(stored.size).toBe(1);
  });

  it("writes no row and frees the key when the write fails, so the retry makes the image once", async () => {
    const stored = new Map<string, Buffer>();
    const failing = {
      ...generation(stored),
      write: async () => {
        throw new Error("the row could not be written");
      },
    };
    await expect(runIdempotent(handle.db, request("img-key-0003"), failing)).rejects.toThrow(
      "could not be written",
    );
    const retry = await runIdempotent(handle.db, request("img-key-0003"), generation(stored));
    expect(retry.replay).toBe(false);
    const rows = await handle.db.select().from(images).where(eq(images.id, retry.value.imageId));
    expect(rows).toHaveLength(1);
  });
});
