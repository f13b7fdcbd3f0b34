// The variables `pnpm --filter @switchyard/local-provider start` reads, parsed in one place.
import { envVar } from "@switchyard/wire";
import { z } from "zod";
import { defaultProfilesPath } from "./providerProfiles.ts";

const providerEnvSchema = z.object({
  LOCAL_PROVIDER_PORT: envVar(z.coerce.number().int().min(0).max(65535).default(4010)),
  LOCAL_PROVIDER_PROFILES: envVar(z.string().default(defaultProfilesPath)),
});

export type ProviderEnv = z.infer<typeof providerEnvSchema>;

/** The provider's settings from an env object (default process.env); throws a ZodError when one is malformed. */
export function localProviderEnv(env: Record<string, string | undefined> = process.env): ProviderEnv {
  return providerEnvSchema.parse(env);
}
