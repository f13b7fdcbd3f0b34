// One better-auth instance per server process, on the process's database, trusting the app's own
// origin plus the configured ones; and the signed-in user of a request.
import { type Auth, createAuth, ensureDemoUser, type SessionUser, sessionUser } from "@switchyard/auth";
import { processSingleton } from "../processSingleton.ts";
import { serverEnv } from "../serverEnv.ts";
import { getDb } from "../services.ts";
import { trustedOrigins } from "./trustedOrigins.ts";

export function getAuth(): Promise<Auth> {
  return processSingleton("switchyard.auth", async () => {
    const { db } = await getDb();
    return createAuth({ db, trustedOrigins: trustedOrigins(serverEnv()) });
  });
}

/** The demo account, created once per process before the first demo sign-in (dev only). */
export function demoUserReady(): Promise<{ email: string }> {
  return processSingleton("switchyard.auth.demo-user", async () => ensureDemoUser(await getAuth()));
}

/** The signed-in user whose cookie these headers carry, or null. One session lookup. */
export async function requestUser(headers: Headers): Promise<SessionUser | null> {
  // No cookie, no session: skip the lookup (health checks, curl, the public).
  if (!headers.get("cookie")) return null;
  return sessionUser(await getAuth(), headers);
}
