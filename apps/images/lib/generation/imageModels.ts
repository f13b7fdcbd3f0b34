// The image models a user can pick, and which endpoint family each one's traffic lands on (the key of
// its concurrency limiter). Read from the router's catalog, narrowed to the accounts that are live.
import { defaultCatalog } from "@switchyard/router";

export interface ImageModelOption {
  id: string;
  label: string;
  perImageUsd: number | null;
}

type Env = Record<string, string | undefined>;

function liveAccountIds(env: Env): Set<string> {
  const accounts = defaultCatalog.accounts;
  const keyed = accounts.filter((a) => a.apiKeyEnv && env[a.apiKeyEnv]);
  // No key at all: the local provider's endpoints are what runs (the router's own rule).
  const live = keyed.length > 0 ? keyed : accounts.filter((a) => !a.apiKeyEnv);
  return new Set(live.map((a) => a.id));
}

const imageModels = () => defaultCatalog.models.filter((m) => m.capabilities?.includes("image"));

export function imageModelOptions(env: Env = process.env): ImageModelOption[] {
  const live = liveAccountIds(env);
  return imageModels()
    .filter((m) => m.routes.some((r) => live.has(r.account)))
    .map((m) => ({ id: m.id, label: m.label ?? m.id, perImageUsd: m.price?.perImage ?? null }));
}

const defaultImageModel = (): string => defaultCatalog.defaults?.image ?? "auto";

/** The first live endpoint of the model: requests that would hit the same upstream share one limiter. */
export function endpointFamily(model: string, env: Env = process.env): string {
  const id = model === "auto" ? defaultImageModel() : model;
  const live = liveAccountIds(env);
  const route = imageModels()
    .find((m) => m.id === id)
    ?.routes.find((r) => live.has(r.account));
  return route?.endpoint ?? `model:${id}`;
}
