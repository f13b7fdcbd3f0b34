// Turns what the caller asked for ("auto", "fast", "strong", a model id) into the ordered model ids
// to try, the tier, and the classifier's verdict when it was consulted.
import type { ChatMessage } from "@switchyard/wire";
import type { LiveCatalog } from "../catalog/liveCatalog.ts";
import type { ComplexityVerdict } from "../classifier/classifier.ts";
import { RouterError } from "../errors.ts";
import type { Tier } from "../types.ts";

export interface ResolvedModel {
  modelIds: string[];
  tier: Tier | null;
  verdict: ComplexityVerdict | null;
}

export type Classify = (messages: ChatMessage[], embedding?: number[]) => Promise<ComplexityVerdict>;

export async function resolveChatModel(
  live: LiveCatalog,
  requested: string,
  messages: ChatMessage[],
  fallbackModels: string[] | undefined,
  classify: Classify,
  embedding?: number[],
): Promise<ResolvedModel> {
  const { fast, strong } = live.catalog.tiers;
  if (requested === "auto") {
    const verdict = await classify(messages, embedding);
    const tier: Tier = verdict.score >= verdict.threshold ? "strong" : "fast";
    // The other tier is the last resort: better a cheaper (or dearer) answer than none.
    const modelIds = tier === "strong" ? [strong, fast] : [fast, strong];
    return { modelIds, tier, verdict };
  }
  if (requested === "fast" || requested === "strong") {
    const id = requested === "fast" ? fast : strong;
    return { modelIds: withFallbacks(live, id, fallbackModels), tier: requested, verdict: null };
  }
  return {
    modelIds: withFallbacks(live, requested, fallbackModels),
    tier: live.tierOf(requested),
    verdict: null,
  };
}

/** embed() and image(): "auto" or absent means the catalog default for that capability. */
export function resolveDefaultModel(
  live: LiveCatalog,
  requested: string | undefined,
  fallback: string,
): string[] {
  const id = !requested || requested === "auto" ? fallback : requested;
  return withFallbacks(live, id, undefined);
}

function withFallbacks(live: LiveCatalog, id: string, fallbackModels: string[] | undefined): string[] {
  const model = live.get(id);
  if (!model) {
    throw new RouterError(
      "invalid_request",
      `Unknown model "${id}". Use auto, fast, strong or a catalog model id.`,
    );
  }
  // The model's own one-element list, made at catalog load: nothing allocated per request.
  if (!fallbackModels) return model.alone;
  const extra = fallbackModels.filter((m) => m !== id && live.get(m));
  return [id, ...extra];
}
