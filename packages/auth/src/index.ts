// @switchyard/auth: accounts for both apps. better-auth on the shared database, the session's user with
// its role, the dev demo account. See README.md for the API and how an app mounts it.
export {
  AuthConfigError,
  type AuthConfigErrorCode,
  type AuthEnv,
  authEnv,
  authEnvSchema,
  enabledSocialProviders,
  isProduction,
} from "./authEnv.ts";
export { resolveAuthSecret } from "./authSecret.ts";
export { type Auth, type CreateAuthOptions, createAuth, MIN_PASSWORD_LENGTH } from "./createAuth.ts";
export { DEMO_EMAIL, DEMO_NAME, type DemoCredentials, demoCredentials, ensureDemoUser } from "./demoUser.ts";
export { defaultAuthDataDir } from "./devFiles.ts";
export { postgresRateLimitStorage } from "./rateLimitStorage.ts";
export { type Role, roleFor, type SessionUser, sessionUser } from "./sessionUser.ts";
