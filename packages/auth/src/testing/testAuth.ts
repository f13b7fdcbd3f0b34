// Test helpers for the auth package: a throwaway database and data folder, and requests to the auth
// routes as a browser on a given IP sends them. Imported by *.test.ts files only.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb, type DbHandle } from "@switchyard/db";
import { type Auth, createAuth } from "../createAuth.ts";

export const TODO_ORIGIN = "http://localhost:3000";
export const IMAGES_ORIGIN = "http://localhost:3001";

export interface TestWorld {
  handle: DbHandle;
  dataDir: string;
  /** An auth instance as one app builds it, on this world's database and data folder. */
  auth(origin?: string, env?: NodeJS.ProcessEnv): Promise<Auth>;
  close(): Promise<void>;
}

export async function openTestWorld(): Promise<TestWorld> {
  const handle = await createDb({ dataDir: "memory://" });
  const dataDir = await mkdtemp(path.join(tmpdir(), "switchyard-auth-"));
  return {
    handle,
    dataDir,
    auth: (origin = TODO_ORIGIN, env = {}) =>
      createAuth({
        db: handle.db,
        dataDir,
        baseURL: origin,
        trustedOrigins: [TODO_ORIGIN, IMAGES_ORIGIN],
        env: { NODE_ENV: "test", SWITCHYARD_ADMIN_EMAILS: "Boss@Example.com, ops@example.com", ...env },
      }),
    close: async () => {
      await handle.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A POST of JSON to an auth route, from `ip`, with the app's own Origin header. */
export function postJson(auth: Auth, route: string, body: unknown, ip: string, origin = TODO_ORIGIN) {
  return auth.handler(
    new Request(`${origin}/api/auth${route}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, "x-forwarded-for": ip },
      body: JSON.stringify(body),
    }),
  );
}

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie request header. */
export function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}
