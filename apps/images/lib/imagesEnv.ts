// The images app's own settings (the router and the database read theirs in their packages). Half an S3
// configuration is refused here, at start-up, with the variable to set, instead of failing on an upload.
import { envVar } from "@switchyard/wire";
import { z } from "zod";

const optionalText = envVar(z.string().trim().min(1).optional());

const imagesEnvSchema = z
  .object({
    /** Folder for image bytes; default `<repo>/storage/images`. Not with S3_BUCKET. */
    STORAGE_DIR: envVar(z.string().min(1).optional()),
    /** Set: image bytes go to this S3-compatible bucket instead of the disk. */
    S3_BUCKET: optionalText,
    /** Required with S3_BUCKET; `auto` for Cloudflare R2. */
    S3_REGION: optionalText,
    /** Unset: AWS S3. R2 or MinIO: the store's URL. */
    S3_ENDPOINT: envVar(z.url({ protocol: /^https?$/, error: "S3_ENDPOINT is an http(s) URL" }).optional()),
    /** `true`: the bucket in the URL path (MinIO and other self-hosted stores). */
    S3_FORCE_PATH_STYLE: envVar(z.stringbool().default(false)),
    /** The standard AWS credentials; unset, the SDK's own chain (instance role, `~/.aws`). */
    AWS_ACCESS_KEY_ID: optionalText,
    AWS_SECRET_ACCESS_KEY: optionalText,
    AWS_SESSION_TOKEN: optionalText,
    /** Generations running at once per image endpoint family. */
    IMAGES_CONCURRENCY: envVar(z.coerce.number().int().min(1).max(256).default(24)),
    /** Generations allowed to wait per family; beyond it the API answers 429 with Retry-After. */
    IMAGES_MAX_QUEUE: envVar(z.coerce.number().int().min(0).max(100_000).default(2_000)),
  })
  .superRefine((env, ctx) => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!env.S3_BUCKET) {
      for (const name of ["S3_REGION", "S3_ENDPOINT"] as const) {
        if (env[name]) fail(name, `${name} is set but S3_BUCKET is not: set S3_BUCKET to store images in S3`);
      }
      return;
    }
    if (env.STORAGE_DIR)
      fail("STORAGE_DIR", "S3_BUCKET and STORAGE_DIR are both set: images go to one of them");
    if (!env.S3_REGION) fail("S3_REGION", "S3_BUCKET needs S3_REGION (`auto` for Cloudflare R2)");
    if (Boolean(env.AWS_ACCESS_KEY_ID) !== Boolean(env.AWS_SECRET_ACCESS_KEY)) {
      fail(
        "AWS_SECRET_ACCESS_KEY",
        "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set together or not at all",
      );
    } else if (env.S3_ENDPOINT && !env.AWS_ACCESS_KEY_ID) {
      // Outside AWS there is no instance role to fall back on.
      fail("AWS_ACCESS_KEY_ID", "S3_ENDPOINT needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
    }
  });

export type ImagesEnv = z.infer<typeof imagesEnvSchema>;

/** A setting that stops the app from starting; the message names each variable and what to set. */
export class ImagesConfigError extends Error {
  override name = "ImagesConfigError";
  readonly code = "images_config_invalid";

  static isInstance(error: unknown): error is ImagesConfigError {
    return error instanceof Error && error.name === "ImagesConfigError";
  }
}

let parsed: ImagesEnv | undefined;

function parseImagesEnv(env: Record<string, string | undefined>): ImagesEnv {
  const result = imagesEnvSchema.safeParse(env);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  throw new ImagesConfigError(`invalid images environment (${fields})`);
}

/** Parses the environment (process.env by default, read once); throws ImagesConfigError naming each bad variable. */
export function imagesEnv(env: Record<string, string | undefined> = process.env): ImagesEnv {
  if (env !== process.env) return parseImagesEnv(env);
  parsed ??= parseImagesEnv(env);
  return parsed;
}
