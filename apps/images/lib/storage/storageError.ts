// One error type for every storage backend: a stable code the caller can branch on, and a message that
// names the bucket or setting at fault, never a credential.

export type StorageErrorCode =
  /** A key that is not one the app generates (path traversal, odd names). */
  | "storage_key_invalid"
  /** The store did not answer: host down, DNS, timeout. */
  | "storage_unreachable"
  /** The store answered but refused the credentials or the operation. */
  | "storage_denied"
  /** The configured bucket does not exist. */
  | "storage_bucket_missing"
  /** Anything else the store answered with. */
  | "storage_failed";

export class StorageError extends Error {
  override name = "StorageError";
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  static isInstance(error: unknown): error is StorageError {
    return error instanceof Error && error.name === "StorageError" && "code" in error;
  }
}
