// A human label of which provider(s) are live, for the apps' UI. Never includes a key.
import type { LiveAccount } from "./policy/liveCatalog.ts";

export function liveLabel(accounts: LiveAccount[], localProviderUrl: string): string {
  if (accounts.length === 0) return "no provider configured";
  const labels = accounts.filter((a) => a.kind !== "local").map((a) => a.label);
  if (accounts.some((a) => a.kind === "local")) {
    labels.push(`local provider (simulated chat, real embeddings) at ${localProviderUrl}`);
  }
  return labels.join(" + ");
}
