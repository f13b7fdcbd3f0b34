// Image generations as jobs across processes: the app's worker process (worker.ts) is killed with SIGKILL
// after the provider has drawn the image but before its row is saved; its lease runs out, a restarted
// worker process finishes the job, and the request that was waiting all along gets the one image: one
// row, one upstream image call (the retry replays the router's stored answer). A repeat of the key gets
// 409 while the job runs, the image once it exists, and 422 whenever its body differs.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  createDb,
  type DbHandle,
  idempotencyKeys,
  images,
  type PgliteServer,
  startPgliteServer,
} from "@switchyard/db";
import { type Jobs, startJobs } from "@switchyard/jobs";
import { appWorkers, until } from "@switchyard/jobs/testing";
import { startLocalProvider } from "@switchyard/local-provider";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ImageRepository } from "../gallery/imageRepository.ts";
import { generationJob, JobImageGenerator } from "./generationJobs.ts";
import { generateRequestSchema } from "./imageOptions.ts";

const appDir = path.resolve(import.meta.dirname, "../..");
const TEXT_ENDPOINTS = [
  "default",
  "primary",
  "backup",
  "openrouter-like",
  "groq-like",
  "together-like",
  "zdr",
];

let provider: Awaited<ReturnType<typeof startLocalProvider>>;
let server: PgliteServer;
let handle: DbHandle;
let jobs: Jobs;
let storageDir: string;

const workers = appWorkers(appDir);
const POLL = { everyMs: 50, timeoutMs: 90_000 };
const startWorker = () =>
  workers.start({ DATABASE_URL: server.url, LOCAL_PROVIDER_URL: provider.url, STORAGE_DIR: storageDir });

beforeAll(async () => {
  storageDir = mkdtempSync(path.join(tmpdir(), "images-jobs-"));
  provider = await startLocalProvider();
  server = await startPgliteServer({ dataDir: "memory://" });
  handle = await createDb({ url: server.url, cache: false, migrate: false });
  jobs = await startJobs({ handle, url: server.url }, [generationJob]);
});

afterAll(async () => {
  workers.killAll();
  await jobs.stop({ graceful: false, timeoutMs: 2000 });
  await handle.close();
  await server.close();
  await provider.close();
  rmSync(storageDir, { recursive: true, force: true });
});

describe("image generations as jobs", () => {
  it("a generation whose worker process was killed finishes once, for the request that waited", async () => {
    const user = { id: "jobs-user" };
    const idempotencyKey = "images-kill-1";
    const generator = new JobImageGenerator({ repository: new ImageRepository(handle.db) }, jobs, {
      maxWaiting: 10,
    });
    // The prompt's embedding hangs, so the worker is still holding the job after the image is drawn.
    for (const ep of TEXT_ENDPOINTS) provider.control.setFaults(ep, { hangBeforeFirstTokenMs: 15_000 });
    const waiting = generator.generate(generateRequestSchema.parse({ prompt: "a lighthouse at dusk" }), {
      user,
      idempotencyKey,
    });

    // Stripe's answers to a repeat of the key: 409 while the first runs, 422 for another body.
    const repeat = (prompt: string) =>
      generator.generate(generateRequestSchema.parse({ prompt }), { user, idempotencyKey });
    await until(
      "the job to exist",
      async () => ((await jobs.status(generationJob, `${user.id}\n${idempotencyKey}`)) ? true : undefined),
      POLL,
    );
    await expect(repeat("a lighthouse at dusk")).rejects.toMatchObject({
      status: 409,
      code: "idempotency_in_flight",
    });
    await expect(repeat("a lighthouse at dawn")).rejects.toMatchObject({
      status: 422,
      code: "idempotency_mismatch",
    });

    const first = startWorker();
    await until(
      "the image call to be stored by the first worker",
      async () => {
        const rows = await handle.db
          .select({ state: idempotencyKeys.state })
          .from(idempotencyKeys)
          .where(eq(idempotencyKeys.state, "completed"));
        return rows.length > 0 ? true : undefined;
      },
      POLL,
    );
    first.kill("SIGKILL");
    // Faults off without reset(), which would also clear the request log.
    for (const ep of TEXT_ENDPOINTS) provider.control.setFaults(ep, { hangBeforeFirstTokenMs: 0 });

    startWorker();
    const { image, replay } = await waiting;
    expect(replay).toBe(false);
    expect(image.prompt).toBe("a lighthouse at dusk");
    expect(await repeat("a lighthouse at dusk")).toMatchObject({ image: { id: image.id }, replay: true });
    await expect(repeat("a lighthouse at dawn")).rejects.toMatchObject({ code: "idempotency_mismatch" });
    const rows = await handle.db
      .select({ id: images.id })
      .from(images)
      .where(eq(images.idempotencyKey, idempotencyKey));
    expect(rows).toEqual([{ id: image.id }]);
    // The only generation this provider served: one upstream call, however many workers ran the job.
    const imageCalls = provider.control.log().filter((e) => e.path.includes("/images/generations"));
    expect(imageCalls).toHaveLength(1);
    // The router's stored answer was the checkpoint; once the row exists it keeps no image bytes.
    const stored = await handle.db
      .select({ response: idempotencyKeys.response })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.namespace, "router"));
    expect(stored).not.toHaveLength(0);
    expect(JSON.stringify(stored)).not.toContain("b64_json");
    expect(await jobs.status(generationJob, `${user.id}\n${idempotencyKey}`)).toMatchObject({
      state: "completed",
      attempts: 2,
    });
  }, 150_000);
});
