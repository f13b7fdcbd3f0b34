// OpenRouter's `GET /api/v1/models` (no key needed), checked with zod and turned into the catalog's
// Price, context window and capabilities per model id. The local provider serves the same shape, so
// the sync path is tested offline.
import { z } from "zod";
import type { InputKind, Price, Supports } from "./catalogSchema.ts";

// OpenRouter writes prices as decimal strings of USD per token; "-1" marks a price that varies per
// request (its `openrouter/auto`), which the router cannot charge ahead.
const perToken = z
  .union([z.string(), z.number()])
  .transform((v) => Number(v))
  .pipe(z.number().finite());

const listedModel = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  context_length: z.number().int().positive().nullish(),
  architecture: z
    .object({ input_modalities: z.array(z.string()).nullish() })
    .passthrough()
    .nullish(),
  pricing: z
    .object({
      prompt: perToken,
      completion: perToken,
      request: perToken.optional(),
      image: perToken.optional(),
      input_cache_read: perToken.optional(),
      input_cache_write: perToken.optional(),
      internal_reasoning: perToken.optional(),
    })
    .passthrough(),
  supported_parameters: z.array(z.string()).nullish(),
  top_provider: z
    .object({ max_completion_tokens: z.number().int().positive().nullish() })
    .passthrough()
    .nullish(),
});
export type ListedModel = z.infer<typeof listedModel>;

/** The listing; a model entry that does not parse is skipped, not the whole sync. */
export const openRouterListing = z.object({ data: z.array(z.unknown()) });

/** What a sync learned of one model: its price now, and what the listing says it takes and does. */
export interface SyncedModel {
  id: string;
  price: Price;
  contextWindow: number | null;
  supports: Supports | null;
}

const inputKinds = new Set<string>(["text", "image", "file", "audio"]);
const perMillion = (usdPerToken: number) => Math.round(usdPerToken * 1e6 * 1e6) / 1e6;

function toPrice(p: ListedModel["pricing"]): Price | null {
  const rates = [p.prompt, p.completion, p.input_cache_read, p.input_cache_write, p.internal_reasoning];
  if (rates.some((r) => r !== undefined && r < 0)) return null;
  // A per-request fee is not charged by the router's cost, so such a model is left out, not mispriced.
  if ((p.request ?? 0) > 0) return null;
  const price: Price = { inputPerMTokens: perMillion(p.prompt), outputPerMTokens: perMillion(p.completion) };
  if (p.input_cache_read !== undefined) price.cacheReadPerMTokens = perMillion(p.input_cache_read);
  if (p.input_cache_write !== undefined) price.cacheWritePerMTokens = perMillion(p.input_cache_write);
  if (p.internal_reasoning !== undefined && p.internal_reasoning > 0) {
    price.reasoningPerMTokens = perMillion(p.internal_reasoning);
  }
  return price;
}

function toSupports(m: ListedModel): Supports | null {
  const params = m.supported_parameters;
  const modalities = m.architecture?.input_modalities;
  if (!params && !modalities) return null;
  const supports: Supports = {};
  if (modalities) supports.input = modalities.filter((k): k is InputKind => inputKinds.has(k));
  if (params) {
    supports.tools = params.includes("tools");
    supports.structuredOutputs = params.includes("structured_outputs");
    supports.reasoning = params.includes("reasoning");
  }
  const maxOut = m.top_provider?.max_completion_tokens;
  if (maxOut) supports.maxOutputTokens = maxOut;
  return supports;
}

/** Every model of a listing the router can price; entries that do not parse or price are skipped. */
export function syncedModels(body: unknown): SyncedModel[] {
  const out: SyncedModel[] = [];
  for (const entry of openRouterListing.parse(body).data) {
    const parsed = listedModel.safeParse(entry);
    if (!parsed.success) continue;
    const price = toPrice(parsed.data.pricing);
    if (!price) continue;
    out.push({
      id: parsed.data.id,
      price,
      contextWindow: parsed.data.context_length ?? null,
      supports: toSupports(parsed.data),
    });
  }
  return out;
}
