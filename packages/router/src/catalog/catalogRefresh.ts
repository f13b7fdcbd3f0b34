// The apps' background catalog refresh: every interval, sync the listing into the store (when sync
// is on), then give the router each model's newest record. Off the request path; a failed sync or
// read leaves the router at its last good prices.
import type { Logger } from "pino";
import type { RouterEnv } from "../config.ts";
import {
  type CatalogPriceStore,
  OPENROUTER_MODELS_URL,
  type PriceRecord,
  syncCatalog,
} from "./catalogSync.ts";

export interface CatalogRefreshPlan {
  /** Between syncs; 0 = never sync, only read what another process or `pnpm router:catalog sync` stored. */
  syncEveryMs: number;
  url: string;
}

/** Reading the store alone is cheap, so a process that does not sync still picks up new prices. */
const READ_EVERY_MS = 5 * 60_000;

/** Sync on by default only when online (OPENROUTER_API_KEY set): offline there is nothing to read. */
export function catalogRefreshPlan(env: RouterEnv): CatalogRefreshPlan {
  const minutes = env.SWITCHYARD_CATALOG_SYNC_MINUTES ?? (env.OPENROUTER_API_KEY ? 60 : 0);
  return { syncEveryMs: minutes * 60_000, url: env.SWITCHYARD_CATALOG_SYNC_URL ?? OPENROUTER_MODELS_URL };
}

export interface CatalogRefresh {
  /** One round now: sync if on, then apply the stored prices. */
  refresh(): Promise<void>;
  stop(): void;
}

export function startCatalogRefresh(options: {
  store: CatalogPriceStore;
  apply: (records: readonly PriceRecord[]) => number;
  plan: CatalogRefreshPlan;
  logger?: Pick<Logger, "warn">;
}): CatalogRefresh {
  const { store, apply, plan, logger } = options;
  let running: Promise<void> | null = null;
  const round = async () => {
    try {
      if (plan.syncEveryMs > 0) {
        // The price library's data describes OpenRouter's models, so it is merged into OpenRouter's listing only.
        const libraryUpdate = plan.url === OPENROUTER_MODELS_URL;
        const { run } = await syncCatalog({ store, url: plan.url, libraryUpdate });
        if (!run.ok) logger?.warn({ source: run.source, error: run.error }, "catalog sync failed");
      }
      apply(await store.current());
    } catch (err) {
      logger?.warn({ err }, "catalog refresh failed; keeping the last good prices");
    }
  };
  const refresh = () => {
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void refresh(), plan.syncEveryMs > 0 ? plan.syncEveryMs : READ_EVERY_MS);
  timer.unref();
  void refresh();
  return { refresh, stop: () => clearInterval(timer) };
}
