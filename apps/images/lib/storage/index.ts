import "server-only";
import path from "node:path";
import { findRepoRoot } from "@switchyard/db";
import { imagesEnv } from "../imagesEnv";
import type { ImageStorage } from "./imageStorage";
import { LocalDiskStorage } from "./localDiskStorage";

export type { ImageStorage } from "./imageStorage";

let storage: ImageStorage | undefined;

/** The process's image storage: STORAGE_DIR, else `<repo>/storage/images`. */
export function getStorage(): ImageStorage {
  storage ??= new LocalDiskStorage(
    imagesEnv().STORAGE_DIR ?? path.join(findRepoRoot() ?? process.cwd(), "storage", "images"),
  );
  return storage;
}
