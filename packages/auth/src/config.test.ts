// Start-up settings: the production secret rule, the dev secret kept in the data folder, empty variables
// read as unset, OAuth providers switched on by their keys, and Secure cookies in production.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuthConfigError, authEnv, enabledSocialProviders } from "./authEnv.ts";
import { createAuth } from "./createAuth.ts";
import { openTestWorld, postJson, type TestWorld } from "./testing/testAuth.ts";

const SECRET = "a-production-secret-of-at-least-32-characters";

let world: TestWorld;
beforeAll(async () => {
  world = await openTestWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

describe("the secret", () => {
  it("is required in production: start-up fails with a clear, typed error", async () => {
    const failure = await createAuth({
      db: world.handle.db,
      dataDir: world.dataDir,
      env: { NODE_ENV: "production" },
    })
      .then(() => undefined)
      .catch((error: unknown) => error);
    expect(AuthConfigError.isInstance(failure)).toBe(true);
    expect(failure).toMatchObject({
      code: "auth_secret_missing",
      message: expect.stringContaining("BETTER_AUTH_SECRET is required in production"),
    });
  });

  it("reads an empty BETTER_AUTH_SECRET as unset", async () => {
    const env = { NODE_ENV: "production", BETTER_AUTH_SECRET: "" };
    await expect(createAuth({ db: world.handle.db, dataDir: world.dataDir, env })).rejects.toMatchObject({
      code: "auth_secret_missing",
    });
  });

  it("refuses a short one", () => {
    expect(() => authEnv({ BETTER_AUTH_SECRET: "short" })).toThrow(/at least 32 characters/);
  });

  it("is generated once into the data folder in dev, and reused", async () => {
    await world.auth();
    const first = await readFile(path.join(world.dataDir, "auth-secret"), "utf8");
    await world.auth();
    expect(await readFile(path.join(world.dataDir, "auth-secret"), "utf8")).toBe(first);
    expect(first.length).toBeGreaterThanOrEqual(32);
  });
});

describe("the environment", () => {
  it("lists admin emails lower-cased and treats empty variables as unset", () => {
    const env = authEnv({ SWITCHYARD_ADMIN_EMAILS: " A@x.io,b@X.io ,", BETTER_AUTH_URL: "", NODE_ENV: "" });
    expect(env).toMatchObject({ SWITCHYARD_ADMIN_EMAILS: ["a@x.io", "b@x.io"], NODE_ENV: "development" });
    expect(env.BETTER_AUTH_URL).toBeUndefined();
    expect(authEnv({}).SWITCHYARD_ADMIN_EMAILS).toEqual([]);
  });

  it("switches OAuth providers on by their id and secret, and refuses half a pair", () => {
    expect(enabledSocialProviders(authEnv({}))).toEqual([]);
    const both = authEnv({ GITHUB_CLIENT_ID: "id", GITHUB_CLIENT_SECRET: "secret", GOOGLE_CLIENT_ID: "" });
    expect(enabledSocialProviders(both)).toEqual(["github"]);
    expect(() => authEnv({ GOOGLE_CLIENT_ID: "id" })).toThrow(/GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET/);
  });

  it("offers GitHub sign-in when configured: the route answers with GitHub's authorize URL", async () => {
    const auth = await world.auth(undefined, {
      GITHUB_CLIENT_ID: "gh-id",
      GITHUB_CLIENT_SECRET: "gh-secret",
    });
    const response = await postJson(
      auth,
      "/sign-in/social",
      { provider: "github", callbackURL: "/" },
      "192.0.2.10",
    );
    expect(response.status).toBe(200);
    const { url } = (await response.json()) as { url: string };
    expect(url).toMatch(/^https:\/\/github\.com\/login\/oauth\/authorize\?.*client_id=gh-id/);
  });

  it("has no GitHub sign-in when not configured", async () => {
    const auth = await world.auth();
    const response = await postJson(
      auth,
      "/sign-in/social",
      { provider: "github", callbackURL: "/" },
      "192.0.2.11",
    );
    expect(response.status).toBe(404);
  });
});

describe("cookies in production", () => {
  it("are Secure (and __Secure- prefixed), HttpOnly and SameSite=Lax", async () => {
    const env = { NODE_ENV: "production", BETTER_AUTH_SECRET: SECRET };
    const auth = await createAuth({
      db: world.handle.db,
      dataDir: world.dataDir,
      baseURL: "https://todo.example.com",
      env,
    });
    const response = await auth.handler(
      new Request("https://todo.example.com/api/auth/sign-up/email", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: "https://todo.example.com",
          "x-forwarded-for": "192.0.2.12",
        },
        body: JSON.stringify({ email: "prod@example.com", password: "a long enough password", name: "Prod" }),
      }),
    );
    expect(response.status).toBe(200);
    const session = response.headers
      .getSetCookie()
      .find((c) => c.startsWith("__Secure-switchyard.session_token="));
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
  });
});
