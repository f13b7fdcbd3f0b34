// One better-auth instance per server process, on the process's database, trusting the app's own
// origin plus the configured ones; and the signed-in user of a request.
import {
  type Auth,
  type AuthEnv,
  authEnv,
  createAuth,
  ensureDemoUser,
  roleFor,
  type SessionUser,
} from "@switchyard/auth";
import { processSingleton } from "../processSingleton.ts";
import { serverEnv } from "../serverEnv.ts";
import { getDb } from "../services.ts";
import { trustedOrigins } from "./trustedOrigins.ts";

/**
 * How long a session read from its signed cookie is trusted before the database is asked again. It saves
 * the lookup on every API call (about 6 ms on the served embedded database); a session revoked on another
 * device stays usable this long. Signing out in this browser clears the cookie at once.
 */
export const SESSION_COOKIE_CACHE_SECONDS = 60;

interface AuthService {
  auth: Auth;
  env: AuthEnv;
}

function authService(): Promise<AuthService> {
  return processSingleton("switchyard.auth", async () => {
    const { db } = await getDb();
    const auth = await createAuth({
      db,
      trustedOrigins: trustedOrigins(serverEnv()),
      cookieCacheSeconds: SESSION_COOKIE_CACHE_SECONDS,
    });
    return { auth, env: authEnv() };
  });
}

/** The process's better-auth instance. */
export async function getAuth(): Promise<Auth> {
  return (await authService()).auth;
}

/** The demo account, created once per process before the first demo sign-in (dev only). */
export function demoUserReady(): Promise<{ email: string }> {
  return processSingleton("switchyard.auth.demo-user", async () => ensureDemoUser(await getAuth()));
}

export interface RequestSession {
  user: SessionUser | null;
  /** Set-Cookie values better-auth wants sent back (a refreshed cookie cache or session expiry). */
  setCookies: string[];
}

/** The signed-in user whose cookie these headers carry, with the cookies to send back. At most one lookup. */
export async function requestSession(headers: Headers): Promise<RequestSession> {
  // No cookie, no session: skip the lookup (health checks, curl, the public).
  if (!headers.get("cookie")) return { user: null, setCookies: [] };
  const { auth, env } = await authService();
  const found = await auth.api.getSession({ headers, returnHeaders: true });
  const setCookies = found.headers?.getSetCookie() ?? [];
  const session = found.response;
  if (!session) return { user: null, setCookies };
  const { id, email, name } = session.user;
  return { user: { id, email, name, role: roleFor(email, env) }, setCookies };
}

/** The signed-in user whose cookie these headers carry, or null. */
export async function requestUser(headers: Headers): Promise<SessionUser | null> {
  return (await requestSession(headers)).user;
}
