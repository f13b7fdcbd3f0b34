// The images app's own settings (the router and the database read theirs in their packages).
import { envVar } from "@switchyard/wire";
import { z } from "zod";

const imagesEnvSchema = z.object({
  /** Folder for image bytes; default `<repo>/storage/images`. */
  STORAGE_DIR: envVar(z.string().min(1).optional()),
  /** Generations running at once per image endpoint family. */
  IMAGES_CONCURRENCY: envVar(z.coerce.number().int().min(1).max(256).default(24)),
  /** Generations allowed to wait per family; beyond it the API answers 429 with Retry-After. */
  IMAGES_MAX_QUEUE: envVar(z.coerce.number().int().min(0).max(100_000).default(2_000)),
});

export type ImagesEnv = z.infer<typeof imagesEnvSchema>;

let parsed: ImagesEnv | undefined;

export function imagesEnv(env: Record<string, string | undefined> = process.env): ImagesEnv {
  if (env !== process.env) return imagesEnvSchema.parse(env);
  parsed ??= imagesEnvSchema.parse(env);
  return parsed;
}
