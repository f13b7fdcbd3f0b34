// Embeds prompts for similar-prompt search through the router, on the user's behalf (their ledger rows,
// their budget). The same prompt always has the same vector, so a small bounded cache spares repeats;
// it is keyed by user too, so one user's cache hit never tells another what was searched. A failure
// yields null (the image still saves).
import type { Router } from "@switchyard/router";
import { routerOptionsFor } from "@switchyard/server";
import type { ImageUser } from "../imageUser.ts";

export interface PromptEmbedding {
  vector: number[];
  model: string;
}

export class PromptEmbedder {
  readonly #cache = new Map<string, Promise<PromptEmbedding>>();

  constructor(
    readonly router: Pick<Router, "embed">,
    readonly maxEntries = 500,
  ) {}

  embed(text: string, user: ImageUser): Promise<PromptEmbedding> {
    const cacheKey = `${user.id}\n${text}`;
    const hit = this.#cache.get(cacheKey);
    if (hit) return hit;
    const pending = this.router
      .embed({ input: text }, { feature: "prompt-embedding", ...routerOptionsFor(user) })
      .then((r) => ({ vector: r.embeddings[0]!, model: r.model }));
    pending.catch(() => this.#cache.delete(cacheKey));
    this.#cache.set(cacheKey, pending);
    if (this.#cache.size > this.maxEntries) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    return pending;
  }

  embedOrNull(text: string, user: ImageUser): Promise<PromptEmbedding | null> {
    return this.embed(text, user).catch(() => null);
  }
}
