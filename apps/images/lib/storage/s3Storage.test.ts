// The S3 backend against an in-process S3-compatible server (s3rver) over real HTTP: the shared storage
// contract, plus its typed errors for a missing bucket, wrong credentials and a store that is down.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type InProcessS3, startInProcessS3 } from "./inProcessS3.ts";
import { S3Storage } from "./s3Storage.ts";
import { storageContract } from "./storageContract.ts";

let s3: InProcessS3;
beforeAll(async () => {
  s3 = await startInProcessS3();
});
afterAll(async () => {
  await s3?.close();
});

storageContract("S3Storage", async () => new S3Storage(await s3.newBucket()));

describe("S3Storage errors", () => {
  it("names a missing bucket", async () => {
    const config = await s3.newBucket();
    const storage = new S3Storage({ ...config, bucket: "no-such-bucket" });
    await expect(storage.put("a.png", Buffer.from("x"), "image/png")).rejects.toMatchObject({
      name: "StorageError",
      code: "storage_bucket_missing",
      message: expect.stringContaining('bucket "no-such-bucket"'),
    });
  });

  it("says the credentials were refused, without repeating them", async () => {
    const config = await s3.newBucket();
    const wrong = { accessKeyId: "WRONG", secretAccessKey: "not-the-secret" };
    const storage = new S3Storage({ ...config, credentials: wrong });
    const failure = await storage.put("a.png", Buffer.from("x"), "image/png").catch((err: unknown) => err);
    expect(failure).toMatchObject({ name: "StorageError", code: "storage_denied" });
    expect(String((failure as Error).message)).not.toContain("not-the-secret");
  });

  it("reports a store that does not answer as unreachable", async () => {
    const config = await s3.newBucket();
    // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
    const storage = new S3Storage({ ...config, endpoint: "http://127.0.0.1:9" });
    await expect(storage.get("a.png")).rejects.toMatchObject({ code: "storage_unreachable" });
  });
});
