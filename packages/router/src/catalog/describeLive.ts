// A human label of which provider(s) are live, for the apps' UI, e.g. "OpenRouter + OpenAI". Never
// includes a key. router.describeLive() labels its own accounts; describeLive(env) needs no router.
import { parseRouterEnv } from "../config.ts";
import { type LiveAccount, liveAccounts } from "./liveCatalog.ts";
import { buildCatalog } from "./loadCatalog.ts";

export function liveLabel(accounts: LiveAccount[], localProviderUrl: string): string {
  if (accounts.length === 0) return "no provider configured";
  const labels = accounts.filter((a) => a.kind !== "local").map((a) => a.label);
  if (accounts.some((a) => a.kind === "local")) {
    labels.push(`local provider (simulated chat, real embeddings) at ${localProviderUrl}`);
  }
  return labels.join(" + ");
}

/** The label createRouter() would give, from the same env and catalog rules, without a router. */
export function describeLive(env: Record<string, string | undefined> = process.env): string {
  const localProviderUrl = parseRouterEnv(env).LOCAL_PROVIDER_URL;
  return liveLabel(liveAccounts(buildCatalog(), env, { localProviderUrl }), localProviderUrl);
}
