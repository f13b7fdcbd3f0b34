// The secret that signs session cookies: BETTER_AUTH_SECRET, or in dev one generated into `.data/`.
import path from "node:path";
import { AuthConfigError, type AuthEnv, isProduction } from "./authEnv.ts";
import { defaultAuthDataDir, randomSecret, readOrCreate } from "./devFiles.ts";

/** BETTER_AUTH_SECRET; outside production, else `<dataDir>/auth-secret` (created once, then reused). */
export async function resolveAuthSecret(
  env: AuthEnv,
  dataDir: string = defaultAuthDataDir(),
): Promise<string> {
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  if (isProduction(env)) {
    throw new AuthConfigError(
      "auth_secret_missing",
      "BETTER_AUTH_SECRET is required in production: set it to a random string of at least 32 characters " +
        "(openssl rand -base64 32), the same for every app that shares the sessions",
    );
  }
  return (await readOrCreate(path.join(dataDir, "auth-secret"), () => randomSecret(32))).trim();
}
