// An S3-compatible server inside the test process (s3rver on a free loopback port, objects in a temp
// folder), so the S3 backend is tested over real HTTP with the real SDK and no network.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import type { S3StorageConfig } from "./s3Storage.ts";

// s3rver accepts exactly this pair; any other is refused like a real store would.
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export interface InProcessS3 {
  endpoint: string;
  /** A new empty bucket and the settings that reach it. */
  newBucket(): Promise<S3StorageConfig>;
  close(): Promise<void>;
}

export async function startInProcessS3(): Promise<InProcessS3> {
  const directory = await mkdtemp(path.join(tmpdir(), "images-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const base = { region: "us-east-1", endpoint, forcePathStyle: true, credentials: CREDENTIALS };
  const admin = new S3Client(base);
  return {
    endpoint,
    async newBucket() {
      const bucket = `images-${randomUUID().slice(0, 8)}`;
      await admin.send(new CreateBucketCommand({ Bucket: bucket }));
      return { ...base, bucket };
    },
    async close() {
      admin.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
