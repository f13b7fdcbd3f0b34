import { mkdtempSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "./localDiskStorage.ts";

const roots: string[] = [];
function freshStorage() {
  const root = mkdtempSync(path.join(tmpdir(), "images-storage-"));
  roots.push(root);
  return new LocalDiskStorage(root);
}
afterEach(async () => {
  await Promise.all(roots.splice(0).map((r) => rm(r, { recursive: true, force: true })));
});

describe("LocalDiskStorage", () => {
  it("stores, reads back and deletes bytes by key", async () => {
    const storage = freshStorage();
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await storage.put("2026/11/abc.png", bytes, "image/png");
    expect(await storage.get("2026/11/abc.png")).toEqual({ bytes, mime: "image/png" });
    await storage.delete("2026/11/abc.png");
    expect(await storage.get("2026/11/abc.png")).toBeNull();
    await expect(storage.delete("2026/11/abc.png")).resolves.toBeUndefined();
  });

  it("leaves no temp files behind and replaces an object whole", async () => {
    const storage = freshStorage();
    await storage.put("a.png", Buffer.from("first"), "image/png");
    await storage.put("a.png", Buffer.from("second, longer"), "image/png");
    expect((await storage.get("a.png"))?.bytes.toString()).toBe("second, longer");
    expect(readdirSync(storage.root)).toEqual(["a.png"]);
  });

  it("refuses keys that could escape the storage folder", async () => {
    const storage = freshStorage();
    for (const key of ["../escape.png", "/etc/passwd.png", "a/../../b.png", "noext", "x.exe"]) {
      await expect(storage.put(key, Buffer.from("x"), "image/png")).rejects.toThrow("invalid storage key");
    }
  });
});
