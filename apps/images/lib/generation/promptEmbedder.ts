// Embeds prompts for similar-prompt search through the router. The same prompt always has the same
// vector, so a small bounded cache spares repeats; a failure yields null (the image still saves).
import type { Router } from "@switchyard/router";

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

  embed(text: string): Promise<PromptEmbedding> {
    const hit = this.#cache.get(text);
    if (hit) return hit;
    const pending = this.router
      .embed({ input: text }, { feature: "prompt-embedding" })
      .then((r) => ({ vector: r.embeddings[0]!, model: r.model }));
    pending.catch(() => this.#cache.delete(text));
    this.#cache.set(text, pending);
    if (this.#cache.size > this.maxEntries) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    return pending;
  }

  embedOrNull(text: string): Promise<PromptEmbedding | null> {
    return this.embed(text).catch(() => null);
  }
}
