// Signing in for both apps' browser tests: fresh users signed up through better-auth's own routes, and
// the global setup that saves one signed-in user's cookies for every spec (Playwright's storageState).
// Each user comes from its own client address (X-Forwarded-For), so the per-IP sign-up throttling never
// makes one test wait for another.
import { randomBytes, randomInt } from "node:crypto";
import { join } from "node:path";
import {
  type APIRequestContext,
  request as apiRequest,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  expect,
  type FullConfig,
} from "@playwright/test";

export interface E2EUser {
  name: string;
  email: string;
  password: string;
  /** The client address its requests carry in X-Forwarded-For. */
  ip: string;
}

/** No cookies at all: a context that nobody signed in to (the config's default is signed in). */
export const SIGNED_OUT = { cookies: [], origins: [] };

/** An address in 10.0.0.0/8, one per user: its own throttling bucket. */
export function testClientIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** A user nobody has signed up yet; `label` shows up in its name and email. */
export function newUser(label = "user"): E2EUser {
  const id = randomBytes(5).toString("hex");
  return {
    name: `E2E ${label} ${id}`,
    email: `${label}-${id}@e2e.switchyard.test`,
    password: `pw-${randomBytes(12).toString("base64url")}`,
    ip: testClientIp(),
  };
}

/** Signs `user` up through POST /api/auth/sign-up/email; the session cookie lands in `request`'s jar. */
export async function signUp(request: APIRequestContext, user: E2EUser = newUser()): Promise<E2EUser> {
  const res = await request.post("/api/auth/sign-up/email", {
    data: { name: user.name, email: user.email, password: user.password },
    headers: { "x-forwarded-for": user.ip },
  });
  expect(res.status(), `sign-up of ${user.email}: ${await res.text()}`).toBe(200);
  return user;
}

/** Signs an existing user in through POST /api/auth/sign-in/email. */
export async function signIn(request: APIRequestContext, user: E2EUser): Promise<void> {
  const res = await request.post("/api/auth/sign-in/email", {
    data: { email: user.email, password: user.password },
    headers: { "x-forwarded-for": user.ip },
  });
  expect(res.status(), `sign-in of ${user.email}: ${await res.text()}`).toBe(200);
}

/** Signs in as the demo account (an admin outside production) through POST /api/demo-sign-in. */
export async function signInAsDemo(request: APIRequestContext): Promise<void> {
  const res = await request.post("/api/demo-sign-in", {
    data: {},
    headers: { "x-forwarded-for": testClientIp() },
  });
  expect(res.status(), `demo sign-in: ${await res.text()}`).toBe(200);
}

/**
 * A browser context of its own, signed in as a fresh user: its pages and its `request` share the session
 * cookie, and every request it makes carries the user's client address.
 */
export async function signedInContext(
  browser: Browser,
  label = "user",
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; user: E2EUser }> {
  const user = newUser(label);
  const context = await browser.newContext({
    storageState: SIGNED_OUT,
    extraHTTPHeaders: { "x-forwarded-for": user.ip },
    ...options,
  });
  await signUp(context.request, user);
  return { context, user };
}

/** A browser context with no session, from an address of its own. */
export function signedOutContext(browser: Browser, options: BrowserContextOptions = {}) {
  return browser.newContext({
    storageState: SIGNED_OUT,
    extraHTTPHeaders: { "x-forwarded-for": testClientIp() },
    ...options,
  });
}

/** Where the global setup keeps the signed-in user's cookies: the run's own data folder. */
export function signedInStatePath(): string {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error("E2E_DATA_DIR is set by defineAppE2EConfig");
  return join(dir, "signed-in-user.json");
}

/** Playwright's globalSetup (after the web servers are up): one member signed up for every spec. */
export default async function signInForEverySpec(config: FullConfig): Promise<void> {
  const baseURL = config.projects[0]?.use.baseURL;
  const request = await apiRequest.newContext({ baseURL, storageState: SIGNED_OUT });
  try {
    await signUp(request, newUser("member"));
    await request.storageState({ path: signedInStatePath() });
  } finally {
    await request.dispose();
  }
}
