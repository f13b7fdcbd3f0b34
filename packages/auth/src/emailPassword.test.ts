// Email + password through better-auth's HTTP handler on a real PGlite database: sign-up writes a user,
// bad input writes nothing, sign-in sets the session cookie, and sessionUser resolves it with its role.
import { users } from "@switchyard/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Auth } from "./createAuth.ts";
import { sessionUser } from "./sessionUser.ts";
import { cookieHeader, IMAGES_ORIGIN, openTestWorld, postJson, type TestWorld } from "./testing/testAuth.ts";

let world: TestWorld;
let auth: Auth;
beforeAll(async () => {
  world = await openTestWorld();
  auth = await world.auth();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

async function usersWithEmail(email: string) {
  return world.handle.db.select().from(users).where(eq(users.email, email));
}

describe("sign-up", () => {
  it("creates the user through POST /api/auth/sign-up/email", async () => {
    const response = await postJson(
      auth,
      "/sign-up/email",
      { email: "Ada@Example.com", password: "correct horse battery", name: "Ada" },
      "198.51.100.1",
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { user: { email: string; name: string } };
    expect(body.user).toMatchObject({ email: "ada@example.com", name: "Ada" });
    expect(await usersWithEmail("ada@example.com")).toHaveLength(1);
  });

  it("answers 400 to an invalid email and writes nothing", async () => {
    const response = await postJson(
      auth,
      "/sign-up/email",
      { email: "not-an-email", password: "correct horse battery", name: "Nobody" },
      "198.51.100.2",
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: "VALIDATION_ERROR",
      message: "[body.email] Invalid email address",
    });
    expect(await usersWithEmail("not-an-email")).toHaveLength(0);
  });

  it("answers 400 to a weak password and writes nothing", async () => {
    const response = await postJson(
      auth,
      "/sign-up/email",
      { email: "weak@example.com", password: "short", name: "Weak" },
      "198.51.100.3",
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: "PASSWORD_TOO_SHORT",
      message: "Password too short",
    });
    expect(await usersWithEmail("weak@example.com")).toHaveLength(0);
  });
});

describe("sign-in and the session", () => {
  beforeAll(async () => {
    await auth.api.signUpEmail({
      body: { email: "grace@example.com", password: "compilers are fun", name: "Grace" },
    });
  });

  it("sets an HttpOnly, SameSite=Lax session cookie that sessionUser resolves", async () => {
    const response = await postJson(
      auth,
      "/sign-in/email",
      { email: "grace@example.com", password: "compilers are fun" },
      "198.51.100.4",
    );
    expect(response.status).toBe(200);
    const session = response.headers.getSetCookie().find((c) => c.startsWith("switchyard.session_token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).not.toMatch(/;\s*Secure/i);

    const user = await sessionUser(auth, new Headers({ cookie: cookieHeader(response) }));
    expect(user).toEqual({
      id: expect.any(String),
      email: "grace@example.com",
      name: "Grace",
      role: "member",
    });
  });

  it("answers 401 to a wrong password", async () => {
    const response = await postJson(
      auth,
      "/sign-in/email",
      { email: "grace@example.com", password: "not her password" },
      "198.51.100.5",
    );
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it("is null without a cookie or with a forged one", async () => {
    expect(await sessionUser(auth, new Headers())).toBeNull();
    const forged = new Headers({ cookie: "switchyard.session_token=abc.def" });
    expect(await sessionUser(auth, forged)).toBeNull();
  });

  it("makes the emails in SWITCHYARD_ADMIN_EMAILS admins, whatever their case", async () => {
    const response = await postJson(
      auth,
      "/sign-up/email",
      { email: "boss@example.com", password: "the boss password", name: "Boss" },
      "198.51.100.6",
    );
    const user = await sessionUser(auth, new Headers({ cookie: cookieHeader(response) }));
    expect(user).toMatchObject({ email: "boss@example.com", role: "admin" });
  });

  it("is one session in both apps: the images app's instance reads the todo app's cookie", async () => {
    const images = await world.auth(IMAGES_ORIGIN);
    const response = await postJson(
      auth,
      "/sign-in/email",
      { email: "grace@example.com", password: "compilers are fun" },
      "198.51.100.7",
    );
    const user = await sessionUser(images, new Headers({ cookie: cookieHeader(response) }));
    expect(user).toMatchObject({ email: "grace@example.com" });
  });

  it("signs out: the cookie no longer resolves", async () => {
    const signIn = await postJson(
      auth,
      "/sign-in/email",
      { email: "grace@example.com", password: "compilers are fun" },
      "198.51.100.8",
    );
    const cookie = cookieHeader(signIn);
    const signOut = await auth.handler(
      new Request("http://localhost:3000/api/auth/sign-out", {
        method: "POST",
        headers: { cookie, origin: "http://localhost:3000", "x-forwarded-for": "198.51.100.8" },
      }),
    );
    expect(signOut.status).toBe(200);
    expect(await sessionUser(auth, new Headers({ cookie }))).toBeNull();
  });
});
