// `pnpm --filter @switchyard/local-provider start`: the provider on LOCAL_PROVIDER_PORT (4010) with
// the profile file in LOCAL_PROVIDER_PROFILES (the shipped default), until SIGINT or SIGTERM.
import { envVar } from "@switchyard/wire";
import { z } from "zod";
import { defaultProfilesPath, startLocalProvider } from "./index.ts";

const env = z
  .object({
    LOCAL_PROVIDER_PORT: envVar(z.coerce.number().int().min(0).max(65535).default(4010)),
    LOCAL_PROVIDER_PROFILES: envVar(z.string().default(defaultProfilesPath)),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(`[local-provider] invalid environment: ${z.prettifyError(env.error)}`);
  process.exit(1);
}

try {
  const provider = await startLocalProvider({
    port: env.data.LOCAL_PROVIDER_PORT,
    host: "127.0.0.1",
    profiles: env.data.LOCAL_PROVIDER_PROFILES,
  });
  console.log(
    `[local-provider] listening on ${provider.url} (profiles: ${env.data.LOCAL_PROVIDER_PROFILES})`,
  );
  const stop = () => {
    provider.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (err) {
  console.error(`[local-provider] cannot start: ${(err as Error).message}`);
  process.exit(1);
}
