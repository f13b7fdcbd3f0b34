// One better-auth instance on the shared database: email + password always, GitHub and Google when their
// keys are set, throttling counted in Postgres, session cookies HttpOnly and SameSite=Lax.
import { authSchema, type Database } from "@switchyard/db";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { type AuthEnv, authEnv, isProduction } from "./authEnv.ts";
import { resolveAuthSecret } from "./authSecret.ts";
import { defaultAuthDataDir } from "./devFiles.ts";
import { postgresRateLimitStorage } from "./rateLimitStorage.ts";

/** Shorter passwords are refused at sign-up with a 400 (`PASSWORD_TOO_SHORT`). */
export const MIN_PASSWORD_LENGTH = 10;

export interface CreateAuthOptions {
  db: Database;
  /** The environment to read (process.env by default), parsed by `authEnv`. */
  env?: NodeJS.ProcessEnv;
  /** Origins allowed to call the auth routes besides the base URL, e.g. both apps' origins in dev. */
  trustedOrigins?: string[];
  /** This app's public URL; defaults to BETTER_AUTH_URL, else each request's own origin. */
  baseURL?: string;
  /** Where dev keeps its generated secret (default `<repo>/.data`). */
  dataDir?: string;
  /** better-auth's per-IP throttling (default on; sign-in and sign-up: 3 per 10 s per IP). */
  rateLimit?: boolean;
  /**
   * Proxies (IPs or CIDRs) in front of the app. The client IP comes from X-Forwarded-For; a header with
   * several addresses is only read past these, else every such request shares one throttling bucket.
   */
  trustedProxies?: string[];
  /**
   * Seconds a signed copy of the session in a cookie is trusted without reading the database (default 0:
   * every lookup reads it). Faster; a session revoked elsewhere stays usable that long.
   */
  cookieCacheSeconds?: number;
}

/**
 * Builds the better-auth instance. Rejects with AuthConfigError (`auth_secret_missing`) in production
 * without BETTER_AUTH_SECRET, and (`auth_config_invalid`) on a malformed variable.
 */
export async function createAuth(options: CreateAuthOptions) {
  const env = authEnv(options.env);
  const dataDir = options.dataDir ?? defaultAuthDataDir();
  const secret = await resolveAuthSecret(env, dataDir);
  const production = isProduction(env);
  const auth = betterAuth({
    appName: "Switchyard",
    baseURL: options.baseURL ?? env.BETTER_AUTH_URL,
    secret,
    trustedOrigins: options.trustedOrigins ?? [],
    database: drizzleAdapter(options.db, { provider: "pg", schema: authSchema }),
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: 128 },
    socialProviders: socialProviders(env),
    session: options.cookieCacheSeconds
      ? { cookieCache: { enabled: true, maxAge: options.cookieCacheSeconds } }
      : undefined,
    rateLimit: {
      enabled: options.rateLimit ?? true,
      customStorage: postgresRateLimitStorage(options.db),
    },
    advanced: {
      ipAddress: { trustedProxies: options.trustedProxies ?? [] },
      cookiePrefix: "switchyard",
      useSecureCookies: production,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: production },
    },
    telemetry: { enabled: false },
  });
  settings.set(auth, { env, dataDir });
  return auth;
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

interface AuthSettings {
  env: AuthEnv;
  dataDir: string;
}

// What an instance was built with, so `sessionUser(auth, headers)` needs nothing else. Process-wide
// (Symbol.for): Next bundles route handlers and pages apart, each with its own copy of this module,
// and they share one instance through processSingleton, so a module-level map would miss it.
const SETTINGS_KEY = Symbol.for("switchyard.auth.settings");
const processWide = globalThis as { [SETTINGS_KEY]?: WeakMap<object, AuthSettings> };
processWide[SETTINGS_KEY] ??= new WeakMap<object, AuthSettings>();
const settings = processWide[SETTINGS_KEY];

export function authSettings(auth: Auth): AuthSettings {
  const found = settings.get(auth);
  if (!found) throw new TypeError("not an instance made by createAuth()");
  return found;
}

function socialProviders(env: AuthEnv) {
  return {
    ...(env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET
      ? { github: { clientId: env.GITHUB_CLIENT_ID, clientSecret: env.GITHUB_CLIENT_SECRET } }
      : {}),
    ...(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET
      ? { google: { clientId: env.GOOGLE_CLIENT_ID, clientSecret: env.GOOGLE_CLIENT_SECRET } }
      : {}),
  };
}
