// The local disk backend: the shared storage contract, plus what only a folder can show (no temp files
// left behind, a crashed write's temp file listed for the sweeper).
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "./localDiskStorage.ts";
import { storageContract } from "./storageContract.ts";

const roots: string[] = [];
function freshStorage() {
  const root = mkdtempSync(path.join(tmpdir(), "images-storage-"));
  roots.push(root);
  return new LocalDiskStorage(root);
}
afterEach(async () => {
  await Promise.all(roots.splice(0).map((r) => rm(r, { recursive: true, force: true })));
});

storageContract("LocalDiskStorage", async () => freshStorage());

describe("LocalDiskStorage", () => {
  it("leaves no temp files behind and replaces an object whole", async () => {
    const storage = freshStorage();
    await storage.put("a.png", Buffer.from("first"), "image/png");
    await storage.put("a.png", Buffer.from("second, longer"), "image/png");
    expect((await storage.get("a.png"))?.bytes.toString()).toBe("second, longer");
    expect(readdirSync(storage.root)).toEqual(["a.png"]);
  });

  it("lists the temp file of a write that crashed, and deletes it by that name", async () => {
    const storage = freshStorage();
    const temp = "b.png.0b7f6a52-8a1e-4d5c-9a57-3f8f1f2f4c11.tmp";
    writeFileSync(path.join(storage.root, temp), "half");
    writeFileSync(path.join(storage.root, "notes.txt"), "not ours");
    const listed: string[] = [];
    for await (const object of storage.list()) listed.push(object.key);
    expect(listed).toEqual([temp]);
    await storage.delete(temp);
    expect(readdirSync(storage.root)).toEqual(["notes.txt"]);
    await expect(storage.get(temp)).rejects.toThrow("invalid storage key");
  });
});
