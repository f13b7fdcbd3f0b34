// describeLive() without a router instance: reads the same env and catalog rules createRouter uses.
import { buildCatalog } from "./catalog/loadCatalog.ts";
import { parseRouterEnv } from "./config.ts";
import { liveLabel } from "./liveLabel.ts";
import { liveAccounts } from "./policy/liveCatalog.ts";

export function describeLive(env: Record<string, string | undefined> = process.env): string {
  const parsed = parseRouterEnv(env);
  const localProviderUrl = parsed.LOCAL_PROVIDER_URL;
  return liveLabel(liveAccounts(buildCatalog(), env, { localProviderUrl }), localProviderUrl);
}
