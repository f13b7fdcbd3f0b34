// The images app's per-process services, built once: repository, storage, queue, embedder.
import "server-only";
import { getDb, getRouter } from "@switchyard/server";
import { ImageRepository } from "./gallery/imageRepository.ts";
import { type GenerateDeps, ImageGenerator } from "./generation/generateImage.ts";
import { GenerationQueue } from "./generation/generationQueue.ts";
import { endpointFamily } from "./generation/imageModels.ts";
import { PromptEmbedder } from "./generation/promptEmbedder.ts";
import { imagesEnv } from "./imagesEnv.ts";
import { getStorage } from "./storage/index.ts";

/** No sign-in in the starter: every image belongs to one local owner. Swap in the session's user id. */
export const OWNER = "local";

const key = Symbol.for("switchyard.images.services");
type Services = { generator: ImageGenerator; repository: ImageRepository; embedder: PromptEmbedder };

export function getImageServices(): Promise<Services> {
  const g = globalThis as { [key]?: Promise<Services> };
  g[key] ??= (async () => {
    const [{ db }, router] = await Promise.all([getDb(), getRouter("images")]);
    const env = imagesEnv();
    const repository = new ImageRepository(db);
    const embedder = new PromptEmbedder(router);
    const queue = new GenerationQueue({
      concurrency: env.IMAGES_CONCURRENCY,
      maxQueue: env.IMAGES_MAX_QUEUE,
    });
    const deps: GenerateDeps = {
      router,
      embedder,
      repository,
      storage: getStorage(),
      queue,
      familyOf: (model) => endpointFamily(model),
    };
    return { generator: new ImageGenerator(deps), repository, embedder };
  })();
  g[key].catch(() => delete g[key]);
  return g[key];
}
