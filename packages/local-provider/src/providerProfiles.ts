// The profile file: which models the provider serves (with prices), which named endpoints exist
// (each with a provider label, a data policy and a fault profile), moderation and scripted replies.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { faultProfileSchema } from "./faultProfile.ts";
import { ProviderError } from "./providerError.ts";
import { loadScripts, type ScriptedResponse, scriptedResponseSchema } from "./scriptedResponses.ts";

export const modelSpecSchema = z.object({
  kind: z.enum(["chat", "embedding", "image"]),
  name: z.string(),
  /** "brief" quotes a line or two; "structured" answers longer, with a heading and a list. */
  style: z.enum(["brief", "structured"]).default("brief"),
  contextLength: z.number().int().positive().default(128_000),
  /** The real model whose price and role this simulation stands in for (informational). */
  simulates: z.string().optional(),
  pricing: z
    .object({
      /** USD per million prompt tokens. */
      prompt: z.number().min(0).default(0),
      /** USD per million completion tokens. */
      completion: z.number().min(0).default(0),
      /** USD per generated image. */
      image: z.number().min(0).default(0),
      /** USD per million prompt tokens read from the cache, when the model has such a rate. */
      cacheRead: z.number().min(0).optional(),
    })
    .default({ prompt: 0, completion: 0, image: 0 }),
  /** What GET /api/v1/models says the model takes (OpenRouter's `architecture.input_modalities`). */
  inputModalities: z.array(z.string()).optional(),
  /** What it says the model accepts (OpenRouter's `supported_parameters`). */
  supportedParameters: z.array(z.string()).optional(),
});
export type ModelSpec = z.output<typeof modelSpecSchema>;

export const endpointSpecSchema = z.object({
  /** Returned as `provider` in every response, like OpenRouter's provider name. */
  provider: z.string().min(1),
  /** Zero data retention: the endpoint promises not to store prompts. */
  zdr: z.boolean().default(false),
  /** When set, requests must send `Authorization: Bearer <apiKey>` or get 401. */
  apiKey: z.string().optional(),
  /** Multiplies every model price on this endpoint (providers charge differently for one model). */
  priceMultiplier: z.number().min(0).default(1),
  faults: faultProfileSchema.default(faultProfileSchema.parse({})),
});
export type EndpointSpec = z.output<typeof endpointSpecSchema>;

export const providerProfilesSchema = z.object({
  /** Seed of the per-endpoint random generators (error rates, jitter): same seed, same faults. */
  seed: z.number().int().default(1),
  maxBodyBytes: z
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  models: z.record(z.string(), modelSpecSchema),
  endpoints: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), endpointSpecSchema),
  moderation: z.object({ blocklist: z.array(z.string().min(1)).default([]) }).default({ blocklist: [] }),
  /** Scripted replies: inline, or a path to a JSON file (relative to the profile file). */
  scripts: z.union([z.string(), z.array(scriptedResponseSchema)]).default([]),
});
export type ProviderProfilesInput = z.input<typeof providerProfilesSchema>;
/** A profile as accepted by startLocalProvider (the file's JSON shape). */
export type ProviderProfiles = ProviderProfilesInput;
export type ResolvedProfiles = Omit<z.output<typeof providerProfilesSchema>, "scripts"> & {
  scripts: ScriptedResponse[];
};

export const defaultProfilesPath = fileURLToPath(new URL("../profiles/default.json", import.meta.url));

/** Reads and validates a profile (object or JSON file path); throws a readable error when invalid. */
export function resolveProfiles(source: ProviderProfiles | string = defaultProfilesPath): ResolvedProfiles {
  let raw: unknown = source;
  let baseDir = process.cwd();
  if (typeof source === "string") {
    const path = resolve(source);
    baseDir = dirname(path);
    try {
      raw = JSON.parse(readFileSync(path, "utf8"));
    } catch (err) {
      throw new Error(`Cannot read profile file ${path}: ${(err as Error).message}`);
    }
  }
  const parsed = providerProfilesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid provider profile: ${z.prettifyError(parsed.error)}`);
  }
  if (!parsed.data.endpoints.default) {
    throw new Error(
      'Invalid provider profile: an endpoint named "default" is required (it serves bare /v1 paths).',
    );
  }
  const scripts =
    typeof parsed.data.scripts === "string"
      ? loadScripts(resolve(baseDir, parsed.data.scripts))
      : parsed.data.scripts;
  return { ...parsed.data, scripts };
}

export function findModel(profiles: ResolvedProfiles, id: string, kinds: ModelSpec["kind"][]): ModelSpec {
  const spec = profiles.models[id];
  if (!spec) {
    throw new ProviderError(400, "model_not_found", `${id} is not a valid model ID on this provider.`, {
      available: Object.keys(profiles.models),
    });
  }
  if (!kinds.includes(spec.kind)) {
    throw new ProviderError(
      400,
      "unsupported_model",
      `${id} is a ${spec.kind} model and cannot serve this request.`,
      {
        supported_kinds: kinds,
      },
    );
  }
  return spec;
}
