// Image bytes in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO) through @aws-sdk/client-s3, so
// every instance of the app reads the same images. A PutObject is atomic: a reader sees all or nothing.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  PutObjectCommand,
  paginateListObjectsV2,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import {
  assertStorageKey,
  type ImageStorage,
  isStorageKey,
  mimeForKey,
  type StoredObject,
  type StoredObjectInfo,
  type StoredObjectStream,
} from "./imageStorage.ts";
import { StorageError } from "./storageError.ts";

export interface S3StorageConfig {
  bucket: string;
  /** `auto` for Cloudflare R2; MinIO accepts any. */
  region: string;
  /** Unset: AWS S3 itself. R2: `https://<account>.r2.cloudflarestorage.com`; MinIO: its URL. */
  endpoint?: string;
  /** Bucket in the path instead of the host name, as MinIO and most self-hosted stores need. */
  forcePathStyle?: boolean;
  /** Unset: the SDK's own chain (instance or task role, `~/.aws`). */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

const NOT_FOUND = new Set(["NoSuchKey", "NotFound"]);
const DENIED = new Set(["AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "Forbidden"]);
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
]);

export class S3Storage implements ImageStorage {
  readonly bucket: string;
  readonly #client: S3Client;

  constructor(config: S3StorageConfig) {
    this.bucket = config.bucket;
    this.#client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle ?? false,
      ...(config.credentials ? { credentials: config.credentials } : {}),
      // Checksums only where S3 requires them: R2 and older MinIO refuse the SDK's newer default ones.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      // A store that stops answering fails the request instead of holding it for the OS's timeouts.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
    });
  }

  async put(key: string, bytes: Buffer, mime: string): Promise<void> {
    assertStorageKey(key);
    await this.#send("put", key, () =>
      this.#client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: bytes,
          ContentType: mime,
          ContentLength: bytes.length,
        }),
      ),
    );
  }

  async get(key: string): Promise<StoredObject | null> {
    const found = await this.#getObject(key);
    if (!found?.Body) return null;
    const bytes = Buffer.from(await found.Body.transformToByteArray());
    return { bytes, mime: found.ContentType ?? mimeForKey(key) };
  }

  async open(key: string): Promise<StoredObjectStream | null> {
    const found = await this.#getObject(key);
    if (!found?.Body) return null;
    const body = found.Body.transformToWebStream() as ReadableStream<Uint8Array>;
    return { body, size: found.ContentLength ?? 0, mime: found.ContentType ?? mimeForKey(key) };
  }

  // S3 answers a delete of a missing key with success, which is the interface's promise too.
  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.#send("delete", key, () =>
      this.#client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key })),
    );
  }

  // Only keys the app could have written: anything else in the bucket is never offered to the sweeper.
  async *list(): AsyncIterable<StoredObjectInfo> {
    const pages = paginateListObjectsV2({ client: this.#client }, { Bucket: this.bucket });
    const iterator = pages[Symbol.asyncIterator]();
    while (true) {
      const page = await this.#send("list", undefined, () => iterator.next());
      if (page.done) return;
      for (const object of page.value.Contents ?? []) {
        if (!object.Key || !isStorageKey(object.Key)) continue;
        yield { key: object.Key, lastModified: object.LastModified ?? new Date(0), size: object.Size ?? 0 };
      }
    }
  }

  async #getObject(key: string): Promise<GetObjectCommandOutput | null> {
    assertStorageKey(key);
    try {
      return await this.#client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (err) {
      if (err instanceof S3ServiceException && NOT_FOUND.has(err.name)) return null;
      throw this.#storageError(err, "get", key);
    }
  }

  async #send<T>(operation: string, key: string | undefined, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      throw this.#storageError(err, operation, key);
    }
  }

  #storageError(err: unknown, operation: string, key: string | undefined): StorageError {
    const where = `${operation} ${key ? `"${key}" in ` : ""}bucket "${this.bucket}"`;
    if (err instanceof S3ServiceException) {
      const status = err.$metadata.httpStatusCode;
      if (err.name === "NoSuchBucket") {
        return new StorageError("storage_bucket_missing", `S3 ${where}: the bucket does not exist`, {
          cause: err,
        });
      }
      if (DENIED.has(err.name) || status === 403) {
        return new StorageError(
          "storage_denied",
          `S3 ${where}: refused (${err.name}); check the credentials`,
          {
            cause: err,
          },
        );
      }
      return new StorageError("storage_failed", `S3 ${where}: ${err.name} (HTTP ${status ?? "?"})`, {
        cause: err,
      });
    }
    const code = (err as NodeJS.ErrnoException).code;
    const name = (err as Error).name;
    if ((code && UNREACHABLE.has(code)) || name === "TimeoutError") {
      return new StorageError("storage_unreachable", `S3 ${where}: no answer (${code ?? name})`, {
        cause: err,
      });
    }
    return new StorageError("storage_failed", `S3 ${where}: ${(err as Error).message}`, { cause: err });
  }
}
