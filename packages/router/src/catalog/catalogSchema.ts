// The shape of the model catalog, validated with zod so an override file fails loudly and early.
import { z } from "zod";

export const capability = z.enum(["chat", "vision", "embeddings", "image"]);
export type Capability = z.infer<typeof capability>;

/** Where requests go. Each account has one base URL, one credential and one credit balance. */
export const accountSchema = z.object({
  id: z.string().min(1),
  /** Human label in ledger rows and the UI ("OpenRouter", "local provider"). */
  label: z.string().min(1),
  /** Which wire dialect: openrouter accepts `models`/`provider` hints, local serves fault injection. */
  kind: z.enum(["openrouter", "openai", "openai-compatible", "local"]),
  /** Base URL before the route path (e.g. https://openrouter.ai/api); `{LOCAL_PROVIDER_URL}` is replaced. */
  baseUrl: z.string().min(1),
  /** Environment variable holding the key; the account is live only when it is set (unless none). */
  apiKeyEnv: z.string().min(1).nullable(),
  /** Path of the credit-balance endpoint relative to baseUrl, when the account has one. */
  creditsPath: z.string().nullable().default(null),
});
export type Account = z.infer<typeof accountSchema>;

export const routeSchema = z.object({
  /** Unique endpoint id (breakers and ledger rows use `${endpoint}`), e.g. "local:primary". */
  endpoint: z.string().min(1),
  account: z.string().min(1),
  /** Path appended to the account's base URL, e.g. "/primary/v1" or "/v1". */
  path: z.string().default("/v1"),
  /** Model id as the upstream spells it. */
  upstreamModel: z.string().min(1),
  /** Zero data retention at this endpoint. */
  zdr: z.boolean().default(false),
  /** Provider label passed to OpenRouter's `provider.order`, when the account is OpenRouter. */
  upstreamProvider: z.string().optional(),
  /** How images are asked for: OpenAI images API, or chat completions with `modalities`. */
  imageApi: z.enum(["images", "chat-modalities"]).optional(),
});
export type Route = z.infer<typeof routeSchema>;

/** Rates of the token kinds a provider prices apart (USD per million); absent = the plain rate. */
const tokenRates = {
  /** Prompt tokens read from the provider's prompt cache. */
  cacheReadPerMTokens: z.number().min(0).optional(),
  /** Prompt tokens written to the prompt cache. */
  cacheWritePerMTokens: z.number().min(0).optional(),
  /** Completion tokens spent reasoning. */
  reasoningPerMTokens: z.number().min(0).optional(),
};

export const priceSchema = z.object({
  inputPerMTokens: z.number().min(0).default(0),
  outputPerMTokens: z.number().min(0).default(0),
  perImage: z.number().min(0).optional(),
  ...tokenRates,
  /** Every rate once the prompt passes a size (some models charge more for a long context). */
  longContext: z
    .object({
      aboveInputTokens: z.number().int().positive(),
      inputPerMTokens: z.number().min(0),
      outputPerMTokens: z.number().min(0),
      ...tokenRates,
    })
    .optional(),
});
export type Price = z.infer<typeof priceSchema>;

export const inputKind = z.enum(["text", "image", "file", "audio"]);
export type InputKind = z.infer<typeof inputKind>;

/** What a model takes and does, from a maintained catalog or by hand; an absent field is unknown. */
export const supportsSchema = z.object({
  input: z.array(inputKind).optional(),
  tools: z.boolean().optional(),
  /** `response_format` with a JSON schema. */
  structuredOutputs: z.boolean().optional(),
  reasoning: z.boolean().optional(),
  maxOutputTokens: z.number().int().positive().optional(),
});
export type Supports = z.infer<typeof supportsSchema>;

export const modelSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  capabilities: z.array(capability).min(1),
  /** Absent when no catalog knows it: no context-window check then. */
  contextWindow: z.number().int().positive().optional(),
  price: priceSchema,
  /** Absent: the model's capabilities are unknown, so only requests that need none go to it. */
  supports: supportsSchema.optional(),
  /** Dimensions to request from embedding models (the db schema stores 512-d vectors). */
  dimensions: z.number().int().positive().optional(),
  /** Routes in preference order; each names an endpoint of an account. */
  routes: z.array(routeSchema).min(1),
});
export type CatalogModel = z.infer<typeof modelSchema>;

export const tierSchema = z.object({ fast: z.string().min(1), strong: z.string().min(1) });

export const catalogSchema = z.object({
  accounts: z.array(accountSchema).min(1),
  models: z.array(modelSchema).min(1),
  tiers: tierSchema,
  /** Default model for embed() and image() when the caller says "auto". */
  defaults: z.object({ embeddings: z.string().min(1), image: z.string().min(1) }),
});
export type Catalog = z.infer<typeof catalogSchema>;
export type CatalogInput = z.input<typeof catalogSchema>;

/** An override file: any model/account listed replaces the default with the same id. */
export const catalogOverrideSchema = z.object({
  accounts: z.array(accountSchema).optional(),
  models: z.array(modelSchema).optional(),
  tiers: tierSchema.partial().optional(),
  defaults: z.object({ embeddings: z.string(), image: z.string() }).partial().optional(),
  /** false leaves out the bundled catalog's models (the hand-configured ones stay). */
  bundled: z.boolean().optional(),
});
export type CatalogOverride = z.input<typeof catalogOverrideSchema>;
