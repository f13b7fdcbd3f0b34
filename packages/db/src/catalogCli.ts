// `pnpm router:catalog sync [--url <listing>]`: reads OpenRouter's GET /api/v1/models (or the given
// OpenRouter-shaped listing, e.g. the local provider's /openrouter-like/api/v1/models) into the
// database's price history, where the apps' routers pick it up. `stats` and `show <id>` are the
// router's own reports of the bundled catalog. Here, not in the router, since it needs the database.
import {
  OPENROUTER_MODELS_URL,
  parseRouterEnv,
  showModel,
  statsReport,
  syncCatalog,
} from "@switchyard/router";
import { createDb } from "./client.ts";
import { PgCatalogPriceStore } from "./routerStores/pgCatalogPriceStore.ts";

async function sync(url: string | undefined): Promise<number> {
  const handle = await createDb({ cache: false });
  try {
    const source = url ?? parseRouterEnv().SWITCHYARD_CATALOG_SYNC_URL;
    const { run } = await syncCatalog({
      store: new PgCatalogPriceStore(handle.db),
      ...(source ? { url: source } : {}),
      // The price library's data describes OpenRouter's models: merged into OpenRouter's listing only.
      libraryUpdate: !source || source === OPENROUTER_MODELS_URL,
    });
    if (!run.ok) {
      console.error(
        `sync failed (${run.source}): ${run.error}. The last good prices stay in ${handle.label}.`,
      );
      return 1;
    }
    console.log(
      `synced ${run.source}: ${run.models} models priced, ${run.changed} new price records in ${handle.label}`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, arg, value] = argv;
  if (command === "sync") return sync(arg === "--url" ? value : undefined);
  if (command === "stats") {
    for (const line of await statsReport()) console.log(line);
    return 0;
  }
  if (command === "show" && arg) {
    console.log(showModel(arg));
    return 0;
  }
  console.error("usage: pnpm router:catalog stats | show <model id> | sync [--url <models listing>]");
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
