// One image from prompt to stored record. The idempotency key is the spine: a repeat of a key that
// already has a row returns it; a concurrent repeat in this process joins the running generation; a
// repeat in another process is answered by the router's idempotency store (no second upstream call);
// the row is inserted once under an advisory lock. Bytes are written before the row and removed if
// the row cannot be written, so nothing is ever half-saved. The row's transaction empties the router's
// stored answer of its bytes: from then on the row is the reference every repeat reads. A key is the
// user's own: every lookup, lock and router call is scoped by the user id, so two users' equal keys
// never meet.
import { randomUUID } from "node:crypto";
import type { Image } from "@switchyard/db";
import type { Router } from "@switchyard/router";
import { ApiError, routerOptionsFor } from "@switchyard/server";
import type { ImageRouting } from "../gallery/imageRecord.ts";
import type { ImageRepository } from "../gallery/imageRepository.ts";
import type { ImageUser } from "../imageUser.ts";
import { extensionFor, type ImageStorage } from "../storage/imageStorage.ts";
import type { GenerationQueue } from "./generationQueue.ts";
import { dropStoredImageBytes } from "./imageCallRecord.ts";
import { type GenerateRequest, pixelSize, styledPrompt } from "./imageOptions.ts";
import type { PromptEmbedder } from "./promptEmbedder.ts";

export interface GenerateDeps {
  router: Pick<Router, "image">;
  embedder: Pick<PromptEmbedder, "embedOrNull">;
  repository: Pick<ImageRepository, "findByKey" | "insertOnce">;
  storage: ImageStorage;
  queue: Pick<GenerationQueue, "run">;
  familyOf: (model: string) => string;
}

/** Who asks and under which key: the user owns the row, and the key is theirs alone. */
export interface GenerateContext {
  user: ImageUser;
  idempotencyKey: string;
}

export interface GenerateOutcome {
  image: Image;
  /** True when this call made nothing new (an earlier request with the key did). */
  replay: boolean;
}

/** Generates images through `deps`; one instance per process joins concurrent repeats of a key. */
export class ImageGenerator {
  readonly #inFlight = new Map<string, Promise<GenerateOutcome>>();

  constructor(readonly deps: GenerateDeps) {}

  generate(input: GenerateRequest, ctx: GenerateContext): Promise<GenerateOutcome> {
    const scope = `${ctx.user.id}\n${ctx.idempotencyKey}`;
    const running = this.#inFlight.get(scope);
    if (running) return running.then((o) => ({ ...o, replay: true }));
    const job = generateAndStore(this.deps, input, ctx).finally(() => this.#inFlight.delete(scope));
    this.#inFlight.set(scope, job);
    return job;
  }
}

/** One generation from request to stored row, under the family's limit: what a job's worker runs. */
export async function generateAndStore(
  deps: GenerateDeps,
  input: GenerateRequest,
  ctx: GenerateContext,
): Promise<GenerateOutcome> {
  const owner = ctx.user.id;
  const existing = await deps.repository.findByKey(owner, ctx.idempotencyKey);
  if (existing) return { image: existing, replay: true };
  return deps.queue.run(deps.familyOf(input.model), async () => {
    const size = pixelSize(input.aspect, input.size);
    const embedding = deps.embedder.embedOrNull(input.prompt, ctx.user);
    // No abort signal on purpose: a client that reloads mid-request comes back with the same key and
    // should find the image finished and saved, not a cancelled (yet paid) upstream call.
    // #region image-call
    const result = await deps.router.image(
      {
        model: input.model,
        prompt: styledPrompt(input.prompt, input.style),
        n: 1,
        size: size.text,
        seed: input.seed,
      },
      { idempotencyKey: ctx.idempotencyKey, feature: "generate", ...routerOptionsFor(ctx.user) },
    );
    // #endregion
    const generated = result.images[0];
    // A replay of a call whose row is saved holds no image any more: the row is the answer.
    const replayedRow =
      !generated && result.routing.replay ? await deps.repository.findByKey(owner, ctx.idempotencyKey) : null;
    if (replayedRow) return { image: replayedRow, replay: true };
    if (!generated?.b64Json) {
      throw new ApiError("upstream_bad_response", "The provider returned no image bytes.", 502);
    }
    const { routing } = result;
    const storageKey = `${new Date().toISOString().slice(0, 7)}/${randomUUID()}.${extensionFor(generated.mimeType)}`;
    await deps.storage.put(storageKey, Buffer.from(generated.b64Json, "base64"), generated.mimeType);
    const promptEmbedding = await embedding;
    const routingSummary: ImageRouting = {
      endpoint: routing.endpoint,
      failover: routing.failover,
      attempts: routing.attempts,
      fallbackChain: routing.fallbackChain,
      latencyMs: Math.round(routing.latencyMs),
    };
    try {
      const saved = await deps.repository.insertOnce(
        {
          owner,
          prompt: input.prompt,
          parameters: {
            aspect: input.aspect,
            size: input.size,
            style: input.style,
            seed: input.seed ?? null,
            requestedModel: input.model,
            routing: routingSummary,
          },
          model: routing.modelUsed ?? input.model,
          provider: routing.provider ?? "unknown",
          storageKey,
          mime: generated.mimeType,
          width: size.width,
          height: size.height,
          costUsd: routing.costUsd,
          promptEmbedding: promptEmbedding?.vector ?? null,
          embeddingModel: promptEmbedding?.model ?? null,
          idempotencyKey: ctx.idempotencyKey,
        },
        (tx) => dropStoredImageBytes(tx, owner, ctx.idempotencyKey),
      );
      if (!saved.inserted) await deps.storage.delete(storageKey);
      return { image: saved.image, replay: !saved.inserted || routing.replay };
    } catch (err) {
      await deps.storage.delete(storageKey).catch(() => undefined);
      throw err;
    }
  });
}
