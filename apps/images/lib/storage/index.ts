import "server-only";
import path from "node:path";
import { findRepoRoot } from "@switchyard/db";
import { imagesEnv } from "../imagesEnv.ts";
import type { ImageStorage } from "./imageStorage.ts";
import { LocalDiskStorage } from "./localDiskStorage.ts";

export type { ImageStorage } from "./imageStorage.ts";

let storage: ImageStorage | undefined;

/** The process's image storage: STORAGE_DIR, else `<repo>/storage/images`. */
export function getStorage(): ImageStorage {
  storage ??= new LocalDiskStorage(
    imagesEnv().STORAGE_DIR ?? path.join(findRepoRoot() ?? process.cwd(), "storage", "images"),
  );
  return storage;
}
