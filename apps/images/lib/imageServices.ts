// The images app's per-process services, built once: repository, storage, embedder, and the generator
// that runs each generation as a durable job (generation/generationJobs.ts).
import "server-only";
import type { ImageRepository } from "./gallery/imageRepository.ts";
import type { ImageGenerator } from "./generation/generateImage.ts";
import { JobImageGenerator } from "./generation/generationJobs.ts";
import { generationServices } from "./generation/generationServices.ts";
import type { PromptEmbedder } from "./generation/promptEmbedder.ts";
import { imagesEnv } from "./imagesEnv.ts";
import type { ImageStorage } from "./storage/imageStorage.ts";

export interface ImageServices {
  generator: Pick<ImageGenerator, "generate">;
  repository: ImageRepository;
  embedder: PromptEmbedder;
  storage: ImageStorage;
}

export async function imageServices(): Promise<ImageServices> {
  const env = imagesEnv();
  const { deps, repository, embedder, jobs } = await generationServices();
  // Requests waiting at once in this process before it answers 429 queue_full, as the in-process queue did.
  const generator = new JobImageGenerator(deps, jobs, {
    maxWaiting: env.IMAGES_CONCURRENCY + env.IMAGES_MAX_QUEUE,
  });
  return { generator, repository, embedder, storage: deps.storage };
}
