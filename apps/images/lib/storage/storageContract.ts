// What every ImageStorage backend promises, written once and run against each (local disk, S3):
// `storageContract("name", () => freshStorage)` inside a test file.
import { describe, expect, it } from "vitest";
import type { ImageStorage, StoredObjectInfo } from "./imageStorage.ts";

async function listAll(storage: ImageStorage): Promise<StoredObjectInfo[]> {
  const objects: StoredObjectInfo[] = [];
  for await (const object of storage.list()) objects.push(object);
  return objects.sort((a, b) => a.key.localeCompare(b.key));
}

async function readStream(body: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export function storageContract(name: string, freshStorage: () => Promise<ImageStorage>): void {
  describe(`${name} keeps the ImageStorage contract`, () => {
    it("stores, reads back and deletes bytes by key", async () => {
      const storage = await freshStorage();
      const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
      await storage.put("2026/11/abc.png", bytes, "image/png");
      expect(await storage.get("2026/11/abc.png")).toEqual({ bytes, mime: "image/png" });
      await storage.delete("2026/11/abc.png");
      expect(await storage.get("2026/11/abc.png")).toBeNull();
      await expect(storage.delete("2026/11/abc.png")).resolves.toBeUndefined();
    });

    it("replaces an object whole", async () => {
      const storage = await freshStorage();
      await storage.put("a.png", Buffer.from("first"), "image/png");
      await storage.put("a.png", Buffer.from("second, longer"), "image/png");
      expect((await storage.get("a.png"))?.bytes.toString()).toBe("second, longer");
    });

    it("streams an object with its size and type, and null for a missing one", async () => {
      const storage = await freshStorage();
      const bytes = Buffer.alloc(300_000, 7);
      await storage.put("2026/12/big.webp", bytes, "image/webp");
      const opened = await storage.open("2026/12/big.webp");
      expect(opened && { size: opened.size, mime: opened.mime }).toEqual({
        size: bytes.length,
        mime: "image/webp",
      });
      expect((await readStream(opened!.body)).equals(bytes)).toBe(true);
      expect(await storage.open("2026/12/none.png")).toBeNull();
    });

    it("lists every object with its size and when it was written", async () => {
      const storage = await freshStorage();
      expect(await listAll(storage)).toEqual([]);
      // Some stores keep whole seconds.
      const before = Date.now() - 1_000;
      await storage.put("2026/12/one.png", Buffer.from("1"), "image/png");
      await storage.put("two.jpg", Buffer.from("22"), "image/jpeg");
      const listed = await listAll(storage);
      expect(listed.map(({ key, size }) => ({ key, size }))).toEqual([
        { key: "2026/12/one.png", size: 1 },
        { key: "two.jpg", size: 2 },
      ]);
      for (const { lastModified } of listed) {
        expect(lastModified.getTime()).toBeGreaterThanOrEqual(before);
        expect(lastModified.getTime()).toBeLessThanOrEqual(Date.now() + 1_000);
      }
      await storage.delete("two.jpg");
      expect((await listAll(storage)).map((o) => o.key)).toEqual(["2026/12/one.png"]);
    });

    it("refuses keys that could escape the store", async () => {
      const storage = await freshStorage();
      for (const key of ["../escape.png", "/etc/passwd.png", "a/../../b.png", "noext", "x.exe"]) {
        await expect(storage.put(key, Buffer.from("x"), "image/png")).rejects.toThrow("invalid storage key");
        await expect(storage.get(key)).rejects.toThrow("invalid storage key");
        await expect(storage.delete(key)).rejects.toThrow("invalid storage key");
      }
    });
  });
}
