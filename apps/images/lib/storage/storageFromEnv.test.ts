// Storage selection from the environment: disk by default, S3 when S3_BUCKET is set, and a clear refusal
// naming the variable when an S3 setting is missing or contradicts another.
import { describe, expect, it } from "vitest";
import { imagesEnv } from "../imagesEnv.ts";
import { LocalDiskStorage } from "./localDiskStorage.ts";
import { S3Storage } from "./s3Storage.ts";
import { s3ConfigFromEnv, storageFromEnv } from "./storageFromEnv.ts";

const minio = {
  S3_BUCKET: "images",
  S3_REGION: "us-east-1",
  S3_ENDPOINT: "http://127.0.0.1:9000",
  S3_FORCE_PATH_STYLE: "true",
  AWS_ACCESS_KEY_ID: "minio",
  AWS_SECRET_ACCESS_KEY: "minio-secret",
};

describe("storageFromEnv", () => {
  it("keeps bytes on the disk when S3_BUCKET is unset (an empty value counts as unset)", () => {
    const storage = storageFromEnv(imagesEnv({ S3_BUCKET: "" }), "/repo");
    expect(storage).toBeInstanceOf(LocalDiskStorage);
    expect((storage as LocalDiskStorage).root).toBe("/repo/storage/images");
    expect((storageFromEnv(imagesEnv({ STORAGE_DIR: "/data/img" }), "/repo") as LocalDiskStorage).root).toBe(
      "/data/img",
    );
  });

  it("uses S3 when S3_BUCKET is set, with path style and the AWS credentials", () => {
    const env = imagesEnv(minio);
    expect(storageFromEnv(env, "/repo")).toBeInstanceOf(S3Storage);
    expect(s3ConfigFromEnv(env)).toEqual({
      bucket: "images",
      region: "us-east-1",
      endpoint: "http://127.0.0.1:9000",
      forcePathStyle: true,
      credentials: { accessKeyId: "minio", secretAccessKey: "minio-secret" },
    });
  });

  it("leaves AWS S3's credentials to the SDK's chain when none are set", () => {
    const config = s3ConfigFromEnv(imagesEnv({ S3_BUCKET: "images", S3_REGION: "eu-west-1" }));
    expect(config).toEqual({ bucket: "images", region: "eu-west-1", forcePathStyle: false });
  });

  it.each([
    [{ ...minio, S3_REGION: "" }, "S3_REGION: S3_BUCKET needs S3_REGION"],
    [
      { ...minio, AWS_SECRET_ACCESS_KEY: undefined },
      "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set together",
    ],
    [{ ...minio, AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "" }, "S3_ENDPOINT needs AWS_ACCESS_KEY_ID"],
    [{ ...minio, STORAGE_DIR: "/data" }, "S3_BUCKET and STORAGE_DIR are both set"],
    [{ S3_ENDPOINT: "http://127.0.0.1:9000" }, "S3_ENDPOINT is set but S3_BUCKET is not"],
    [{ ...minio, S3_ENDPOINT: "minio:9000" }, "S3_ENDPOINT"],
    [{ ...minio, S3_FORCE_PATH_STYLE: "sometimes" }, "S3_FORCE_PATH_STYLE"],
  ])("refuses to start with an incomplete S3 setting: %o", (env, message) => {
    expect(() => imagesEnv(env)).toThrow(message);
    expect(() => imagesEnv(env)).toThrow(expect.objectContaining({ code: "images_config_invalid" }));
  });
});
