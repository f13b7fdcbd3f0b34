// `pnpm --filter @switchyard/local-provider start`: the provider on LOCAL_PROVIDER_PORT (4010) with
// the profile file in LOCAL_PROVIDER_PROFILES (the shipped default), until SIGINT or SIGTERM.
import { z } from "zod";
import { startLocalProvider } from "./index.ts";
import { localProviderEnv, type ProviderEnv } from "./providerEnv.ts";

let env: ProviderEnv;
try {
  env = localProviderEnv();
} catch (err) {
  console.error(`[local-provider] invalid environment: ${z.prettifyError(err as z.ZodError)}`);
  process.exit(1);
}

try {
  const provider = await startLocalProvider({
    port: env.LOCAL_PROVIDER_PORT,
    host: "127.0.0.1",
    profiles: env.LOCAL_PROVIDER_PROFILES,
  });
  console.log(`[local-provider] listening on ${provider.url} (profiles: ${env.LOCAL_PROVIDER_PROFILES})`);
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
