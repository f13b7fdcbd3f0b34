// Image bytes on the local disk (default `<repo>/storage/images`, git-ignored). A write goes to a
// temp file in the same folder and is renamed into place, so a crash never leaves half an image.
import { randomUUID } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import {
  assertStorageKey,
  type ImageStorage,
  isStorageKey,
  mimeForKey,
  type StoredObject,
  type StoredObjectInfo,
  type StoredObjectStream,
} from "./imageStorage.ts";

// A write in progress: `<key>.<uuid>.tmp`. One a crash left behind is listed so the sweeper removes it.
const TEMP_SUFFIX = /\.[0-9a-f-]{36}\.tmp$/;

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === "ENOENT";

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
      if (isMissing(err)) return null;
      throw err;
    }
  }

  // Size and bytes come from one open file, so a replace racing the read cannot mix two versions.
  async open(key: string): Promise<StoredObjectStream | null> {
    let file: Awaited<ReturnType<typeof open>>;
    try {
      file = await open(this.#pathOf(key), "r");
    } catch (err) {
      if (isMissing(err)) return null;
      throw err;
    }
    try {
      const { size } = await file.stat();
      const body = Readable.toWeb(file.createReadStream()) as ReadableStream<Uint8Array>;
      return { body, size, mime: mimeForKey(key) };
    } catch (err) {
      await file.close();
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.#tempOrKeyPath(key), { force: true });
  }

  async *list(): AsyncIterable<StoredObjectInfo> {
    let entries: string[];
    try {
      entries = await readdir(this.root, { recursive: true });
    } catch (err) {
      if (isMissing(err)) return;
      throw err;
    }
    for (const entry of entries) {
      const key = entry.split(path.sep).join("/");
      if (!isStorageKey(key) && !this.#isTempKey(key)) continue;
      try {
        const info = await stat(path.join(this.root, entry));
        if (info.isFile()) yield { key, lastModified: info.mtime, size: info.size };
      } catch (err) {
        // Renamed or deleted since the folder was read: nothing to report.
        if (!isMissing(err)) throw err;
      }
    }
  }

  #isTempKey(key: string): boolean {
    return TEMP_SUFFIX.test(key) && isStorageKey(key.replace(TEMP_SUFFIX, ""));
  }

  // Delete also takes the temp names `list` reports; put and get never do.
  #tempOrKeyPath(key: string): string {
    if (this.#isTempKey(key)) return path.join(this.root, ...key.split("/"));
    return this.#pathOf(key);
  }
}
