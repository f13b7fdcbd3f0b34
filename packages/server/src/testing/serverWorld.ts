// Test helpers for the accounts glue: the process's database in memory, the auth routes as an app
// mounts them, and users signing up through them as a browser would. Imported by *.test.ts files only.
import { startPgliteServer } from "@switchyard/db";
import { authRoutes } from "../auth/authRoutes.ts";
import { getDb } from "../services.ts";

export const APP_ORIGIN = "http://localhost:3000";

/**
 * Points the process's database and accounts at throwaway settings; call before any getDb(). The
 * database is an in-memory PGlite served over the wire (DATABASE_URL), so every getDb() of this process,
 * and of any child process given the same environment, shares it.
 */
export async function openTestDatabase(
  extra: Record<string, string> = {},
): Promise<{ close(): Promise<void> }> {
  const server = await startPgliteServer({ dataDir: "memory://" });
  Object.assign(process.env, {
    NODE_ENV: "test",
    DATABASE_URL: server.url,
    BETTER_AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    SWITCHYARD_ADMIN_EMAILS: "admin@example.com",
    ...extra,
  });
  return {
    close: async () => {
      await (await getDb()).close();
      await server.close();
    },
  };
}

let nextIp = 1;
/** A fresh client address per sign-up, so better-auth's per-IP throttling never trips a test. */
export const freshIp = () => `198.51.100.${nextIp++ % 250}`;

export interface SignedIn {
  id: string;
  email: string;
  cookie: string;
}

/** Signs up (and so in) through the app's auth route; the session cookie comes back as a Cookie header. */
export async function signUp(email: string, name = email.split("@")[0] ?? "user"): Promise<SignedIn> {
  const res = await authRoutes().POST(
    new Request(`${APP_ORIGIN}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: APP_ORIGIN, "x-forwarded-for": freshIp() },
      body: JSON.stringify({ email, password: "correct horse battery", name }),
    }),
  );
  if (!res.ok) throw new Error(`sign-up of ${email} failed: ${res.status} ${await res.text()}`);
  const { user } = (await res.json()) as { user: { id: string } };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { id: user.id, email, cookie };
}

/** A request to the app as a signed-in browser sends it (same-origin, JSON). */
export function appRequest(
  path: string,
  init: { method?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = { "x-forwarded-for": "203.0.113.9", ...init.headers };
  if (init.cookie) headers.cookie = init.cookie;
  const method = init.method ?? (init.body === undefined ? "GET" : "POST");
  if (method !== "GET") headers.origin ??= APP_ORIGIN;
  if (init.body !== undefined) headers["content-type"] ??= "application/json";
  return new Request(`${APP_ORIGIN}${path}`, {
    method,
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === "string"
          ? init.body
          : JSON.stringify(init.body),
  });
}

/** Next's second route-handler argument. */
export const routeContext = <P>(params: P) => ({ params: Promise.resolve(params) });
