// Image bytes on the local disk (default `<repo>/storage/images`, git-ignored). A write goes to a
// temp file in the same folder and is renamed into place, so a crash never leaves half an image.
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { assertStorageKey, type ImageStorage, mimeForKey, type StoredObject } from "./imageStorage.ts";

export class LocalDiskStorage implements ImageStorage {
  constructor(readonly root: string) {}

  #pathOf(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  // The type is recovered from the key's extension, so it needs no sidecar file.
  async put(key: string, bytes: Buffer, _mime: string): Promise<void> {
    const target = this.#pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomUUID()}.tmp`;
    try {
      await writeFile(temp, bytes, { flag: "wx" });
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  async get(key: string): Promise<StoredObject | null> {
    try {
      return { bytes: await readFile(this.#pathOf(key)), mime: mimeForKey(key) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.#pathOf(key), { force: true });
  }
}
