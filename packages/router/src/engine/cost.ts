// Cost of one upstream answer: the upstream's own `usage.cost` when it reports one (OpenRouter
// does), else tokens times catalog price (plus per-image price for image models).
import type { CatalogModel } from "../catalog/catalogSchema.ts";

export interface UsageFigures {
  promptTokens: number | null;
  completionTokens: number | null;
  costUsd: number;
}

export function costFromUsage(
  model: CatalogModel,
  usage: { prompt_tokens?: number; completion_tokens?: number; cost?: number } | null | undefined,
  images = 0,
): UsageFigures {
  const promptTokens = usage?.prompt_tokens ?? null;
  const completionTokens = usage?.completion_tokens ?? null;
  if (typeof usage?.cost === "number") return { promptTokens, completionTokens, costUsd: usage.cost };
  const p = model.price;
  const costUsd =
    ((promptTokens ?? 0) * p.inputPerMTokens + (completionTokens ?? 0) * p.outputPerMTokens) / 1e6 +
    images * (p.perImage ?? 0);
  return { promptTokens, completionTokens, costUsd };
}
