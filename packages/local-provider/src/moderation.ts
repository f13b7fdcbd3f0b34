// A provider-side moderation rule for image prompts: blocklisted terms get 403 with OpenRouter's
// moderation metadata (reasons, flagged input), so apps can show "refused by moderation" clearly.
import { ProviderError } from "./providerError.ts";

const escapeRegExp = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function checkModeration(prompt: string, blocklist: string[], metadata: Record<string, unknown>) {
  const hits = blocklist.filter((term) =>
    new RegExp(`(^|[^a-z0-9])${escapeRegExp(term)}($|[^a-z0-9])`, "i").test(prompt),
  );
  if (hits.length === 0) return;
  throw new ProviderError(403, "moderation", `The prompt was flagged by moderation: ${hits.join(", ")}.`, {
    ...metadata,
    reasons: hits.map((term) => `blocked term: ${term}`),
    flagged_input: prompt.length > 100 ? `${prompt.slice(0, 100)}…` : prompt,
  });
}
