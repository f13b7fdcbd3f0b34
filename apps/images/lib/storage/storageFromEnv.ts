// Which backend holds image bytes: the S3-compatible bucket when S3_BUCKET is set, else the local disk.
// imagesEnv() has already refused half an S3 configuration, so this only maps settings to a backend.
import path from "node:path";
import type { ImagesEnv } from "../imagesEnv.ts";
import type { ImageStorage } from "./imageStorage.ts";
import { LocalDiskStorage } from "./localDiskStorage.ts";
import { S3Storage, type S3StorageConfig } from "./s3Storage.ts";

export function s3ConfigFromEnv(env: ImagesEnv): S3StorageConfig | null {
  if (!env.S3_BUCKET || !env.S3_REGION) return null;
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  return {
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    ...(accessKeyId && secretAccessKey
      ? {
          credentials: {
            accessKeyId,
            secretAccessKey,
            ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
          },
        }
      : {}),
  };
}

// #region select-backend
/** `repoRoot` places the disk default, `<repo>/storage/images`, when STORAGE_DIR is unset. */
export function storageFromEnv(env: ImagesEnv, repoRoot: string): ImageStorage {
  const s3 = s3ConfigFromEnv(env);
  if (s3) return new S3Storage(s3);
  return new LocalDiskStorage(env.STORAGE_DIR ?? path.join(repoRoot, "storage", "images"));
}
// #endregion
