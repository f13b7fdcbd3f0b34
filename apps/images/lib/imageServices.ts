// The images app's per-process services, built once: repository, storage, queue, embedder.
import "server-only";
import { findRepoRoot } from "@switchyard/db";
import { getDb, getRouter, processSingleton } from "@switchyard/server";
import { ImageRepository } from "./gallery/imageRepository.ts";
import { type GenerateDeps, ImageGenerator } from "./generation/generateImage.ts";
import { GenerationQueue } from "./generation/generationQueue.ts";
import { endpointFamily } from "./generation/imageModels.ts";
import { PromptEmbedder } from "./generation/promptEmbedder.ts";
import { imagesEnv } from "./imagesEnv.ts";
import type { ImageStorage } from "./storage/imageStorage.ts";
import { storageFromEnv } from "./storage/storageFromEnv.ts";

const APP_NAME = "images";

export interface ImageServices {
  generator: ImageGenerator;
  repository: ImageRepository;
  embedder: PromptEmbedder;
  storage: ImageStorage;
}

export function imageServices(): Promise<ImageServices> {
  return processSingleton("switchyard.images.services", async () => {
    // Settings first: half an S3 configuration stops start-up before anything opens.
    const env = imagesEnv();
    const [{ db }, router] = await Promise.all([getDb(), getRouter(APP_NAME)]);
    const repository = new ImageRepository(db);
    const embedder = new PromptEmbedder(router);
    const queue = new GenerationQueue({
      concurrency: env.IMAGES_CONCURRENCY,
      maxQueue: env.IMAGES_MAX_QUEUE,
    });
    // Image bytes: the S3_BUCKET when set, else STORAGE_DIR, else `<repo>/storage/images`.
    const storage = storageFromEnv(env, findRepoRoot() ?? process.cwd());
    const deps: GenerateDeps = {
      router,
      embedder,
      repository,
      storage,
      queue,
      familyOf: (model) => endpointFamily(model),
    };
    return { generator: new ImageGenerator(deps), repository, embedder, storage };
  });
}
