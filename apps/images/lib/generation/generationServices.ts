// What generating needs in one process, built once: the router, repository, storage and embedder, and
// the job queue (generations, and the hourly orphan sweep), whose workers run here unless
// SWITCHYARD_WORKERS=separate, or always in the worker process. No `server-only` here: worker.ts runs
// it in plain Node.
import { findRepoRoot } from "@switchyard/db";
import { type Jobs, runsWorkers, startJobs } from "@switchyard/jobs";
import { getDb, getRouter, processSingleton } from "@switchyard/server";
import { ImageRepository } from "../gallery/imageRepository.ts";
import { imagesEnv } from "../imagesEnv.ts";
import { storageFromEnv } from "../storage/storageFromEnv.ts";
import { SWEEP_CRON, sweepOrphansJob, sweepOrphansWorker } from "../storage/sweepJob.ts";
import type { GenerateDeps } from "./generateImage.ts";
import { generationJob, generationWorker } from "./generationJobs.ts";
import { endpointFamily } from "./imageModels.ts";
import { PromptEmbedder } from "./promptEmbedder.ts";

const APP_NAME = "images";

export interface GenerationServices {
  deps: GenerateDeps;
  repository: ImageRepository;
  embedder: PromptEmbedder;
  jobs: Jobs;
}

export function generationServices(role: "app" | "worker" = "app"): Promise<GenerationServices> {
  return processSingleton(`switchyard.images.generation.${role}`, async () => {
    // Settings first: half an S3 configuration stops start-up before anything opens.
    const env = imagesEnv();
    const [handle, router] = await Promise.all([getDb(), getRouter(APP_NAME)]);
    const repository = new ImageRepository(handle.db);
    const embedder = new PromptEmbedder(router);
    const deps: GenerateDeps = {
      router,
      embedder,
      repository,
      // Image bytes: the S3_BUCKET when set, else STORAGE_DIR, else `<repo>/storage/images`.
      storage: storageFromEnv(env, findRepoRoot() ?? process.cwd()),
      // Jobs bound concurrency: each worker process runs IMAGES_CONCURRENCY generations at once.
      queue: { run: (_family, task) => task() },
      familyOf: (model) => endpointFamily(model),
    };
    const jobs = await startJobs({ handle }, [generationJob, sweepOrphansJob]);
    // Hourly, one sweep of image objects no row references, whichever instances are up.
    await jobs.schedule(sweepOrphansJob, SWEEP_CRON, {});
    if (runsWorkers(role)) {
      await jobs.work(generationWorker(deps, env.IMAGES_CONCURRENCY, handle.db));
      await jobs.work(sweepOrphansWorker(deps.storage, handle.db));
    }
    return { deps, repository, embedder, jobs };
  });
}
