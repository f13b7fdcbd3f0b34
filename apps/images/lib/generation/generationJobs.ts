// Image generations as durable jobs. The request enqueues a job keyed by the user and the request's
// Idempotency-Key and waits for it. A repeat of the key, from any process, gets Stripe's answers: the
// same image once it exists, 409 idempotency_in_flight (with Retry-After) while the first still runs,
// 422 idempotency_mismatch when its body differs; a worker (in this
// process, or the app's worker process with SWITCHYARD_WORKERS=separate) makes the image and stores its
// row. A worker that dies loses its lease and the job runs again elsewhere; a job out of retries answers
// the waiting request, and every later repeat of the key, with its error.
import { EventEmitter, once } from "node:events";
import type { Database, Image } from "@switchyard/db";
import { type JobStatus, type Jobs, jobKind } from "@switchyard/jobs";
import { ApiError, idempotencyInFlight, idempotencyMismatch, processSingleton } from "@switchyard/server";
import { z } from "zod";
import {
  type GenerateContext,
  type GenerateDeps,
  type GenerateOutcome,
  generateAndStore,
} from "./generateImage.ts";
import { QueueFullError } from "./generationQueue.ts";
import { releaseAbandonedImageCall } from "./imageCallRecord.ts";
import { type GenerateRequest, generateRequestSchema } from "./imageOptions.ts";
import { StoredFailureError, storedFailureOf, storedFailureSchema } from "./storedFailure.ts";

export const generationJob = jobKind({
  name: "images.generate",
  data: z.object({ userId: z.string(), idempotencyKey: z.string(), request: generateRequestSchema }),
  retryLimit: 3,
  retryDelaySeconds: 2,
  heartbeatSeconds: 10,
  expireInSeconds: 600,
});

const outputSchema = z.union([z.object({ imageId: z.string() }), z.object({ failure: storedFailureSchema })]);

/** Finished jobs of this process by id: a waiter here hears at once instead of at its next poll. */
function finished(): Promise<EventEmitter> {
  return processSingleton("switchyard.images.generationFinished", async () => {
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    return emitter;
  });
}

const jobKey = (ctx: GenerateContext) => `${ctx.user.id}\n${ctx.idempotencyKey}`;

/** What makes two generate requests the same request, from the body or from the image row it made. */
const signature = (r: {
  prompt: string;
  aspect: unknown;
  size: unknown;
  style: unknown;
  model: unknown;
  seed?: unknown;
}) => JSON.stringify([r.prompt, r.aspect, r.size, r.style, r.model, r.seed ?? null]);
const imageSignature = (image: Image) => {
  const p = image.parameters as Record<string, unknown>;
  return signature({ ...p, prompt: image.prompt, model: p.requestedModel } as Parameters<
    typeof signature
  >[0]);
};
const FINISHED = new Set(["completed", "failed", "cancelled"]);

export interface JobGeneratorOptions {
  /** Requests of this process waiting for their image at once before it answers 429 (concurrency + queue). */
  maxWaiting: number;
}

/** The generator the routes use: enqueue (or join) the key's job, wait for it, answer as the job did. */
export class JobImageGenerator {
  #waiting = 0;

  constructor(
    readonly deps: Pick<GenerateDeps, "repository">,
    readonly jobs: Jobs,
    readonly options: JobGeneratorOptions,
  ) {}

  async generate(input: GenerateRequest, ctx: GenerateContext): Promise<GenerateOutcome> {
    const owner = ctx.user.id;
    const existing = await this.deps.repository.findByKey(owner, ctx.idempotencyKey);
    if (existing) {
      if (imageSignature(existing) !== signature(input)) throw idempotencyMismatch();
      return { image: existing, replay: true };
    }
    if (this.#waiting >= this.options.maxWaiting) throw new QueueFullError("images", 1);
    this.#waiting++;
    try {
      const data = { userId: owner, idempotencyKey: ctx.idempotencyKey, request: input };
      const { id, created } = await this.jobs.enqueue(generationJob, data, { key: jobKey(ctx) });
      if (!created) {
        const first = await this.jobs.status(generationJob, jobKey(ctx));
        const firstData = generationJob.data.safeParse(first?.data);
        if (firstData.success && signature(firstData.data.request) !== signature(input))
          throw idempotencyMismatch();
        if (first && !FINISHED.has(first.state)) throw idempotencyInFlight();
      }
      const status = await this.#settled(jobKey(ctx), id);
      if (status.state !== "completed")
        throw new ApiError(
          "generation_failed",
          `The image could not be made after ${status.attempts} attempts: ${status.reason ?? "the job was cancelled"}`,
          502,
        );
      const output = outputSchema.parse(status.output);
      if ("failure" in output) throw new StoredFailureError(output.failure);
      const image = await this.deps.repository.findByKey(owner, ctx.idempotencyKey);
      if (!image) throw new ApiError("generation_failed", "The image was made but its record is gone.", 502);
      return { image, replay: !created };
    } finally {
      this.#waiting--;
    }
  }

  /**
   * The job's outcome: from this process's worker the moment it has one (a batch is settled in the
   * database only when its slowest job ends), else from the job's row, which one query a tick reads
   * for every request of this process that waits (`jobs.settled`).
   */
  async #settled(
    key: string,
    id: string,
  ): Promise<Pick<JobStatus, "state" | "attempts" | "reason" | "output">> {
    const emitter = await finished();
    const heardHere = new AbortController();
    try {
      const heard = once(emitter, id, { signal: heardHere.signal }).then(
        ([output]) => ({ state: "completed" as const, attempts: 1, reason: null, output }),
        // Aborted once the row answered first: that answer stands.
        () => new Promise<never>(() => {}),
      );
      const polled = this.jobs.settled(generationJob, key).then((status) => {
        if (!status) throw new ApiError("generation_failed", "The generation job is gone.", 502);
        return status;
      });
      // Heard first, the row's later answer (or its "gone") has nobody to tell.
      polled.catch(() => undefined);
      return await Promise.race([heard, polled]);
    } finally {
      heardHere.abort();
    }
  }
}

/** One generation's outcome: its image's id, or the answer for a refusal; crashes throw (and retry). */
async function generationOutput(deps: GenerateDeps, data: z.infer<typeof generationJob.data>) {
  try {
    const { image } = await generateAndStore(deps, data.request, {
      user: { id: data.userId },
      idempotencyKey: data.idempotencyKey,
    });
    return { imageId: image.id };
  } catch (error) {
    const failure = await storedFailureOf(error);
    if (!failure) throw error;
    return { failure };
  }
}

/**
 * The worker: makes the image (the family limit is the worker's concurrency) and keeps its answer. A
 * retried job first releases the image call its dead worker left claimed (`db` holds the router's keys).
 */
export function generationWorker(deps: GenerateDeps, concurrency: number, db: Database) {
  const unlimited: GenerateDeps = { ...deps, queue: { run: (_family, task) => task() } };
  return {
    kind: generationJob,
    concurrency,
    // Many short jobs: one poll fetches up to `concurrency` of them, and a full batch fetches again at once.
    batched: true,
    async run(data: z.infer<typeof generationJob.data>, ctx: { id: string; attempt: number }) {
      const emitter = await finished();
      if (ctx.attempt > 1) await releaseAbandonedImageCall(db, data.userId, data.idempotencyKey);
      const output = await generationOutput(unlimited, data);
      // Only what this process's waiters hear; the job's row gets the same output when its batch settles.
      emitter.emit(ctx.id, output);
      return output;
    },
    async dead() {
      // The failed job is the record: its waiting request and every repeat of its key answer with its reason.
    },
  };
}
