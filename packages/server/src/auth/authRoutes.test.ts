// The accounts routes as an app mounts them: the dev demo sign-in (one click, an admin, refused in
// production and from another site) and the per-IP limit on signing in.
import { errorBodySchema } from "@switchyard/wire";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ORIGIN, appRequest, openTestDatabase, routeContext } from "../testing/serverWorld.ts";
import { apiRoute } from "./apiRoute.ts";
import { authRoutes, demoSignInPOST } from "./authRoutes.ts";
import { safeNextPath } from "./pageUser.ts";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase({ SWITCHYARD_RATE_AUTH_PER_IP: "2" });
}, 60_000);
afterAll(() => database?.close());

const whoAmI = apiRoute({}, async (_req, { user }) => Response.json(user));

describe("demoSignInPOST", () => {
  it("signs in as the demo account with one POST, an admin outside production", async () => {
    const res = await demoSignInPOST(appRequest("/api/demo-sign-in", { method: "POST" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ user: { email: "demo@switchyard.local" } });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect(res.headers.getSetCookie().join("\n")).toContain("HttpOnly");
    const me = await whoAmI(appRequest("/api/me", { cookie }), routeContext({}));
    expect(await me.json()).toMatchObject({ email: "demo@switchyard.local", role: "admin" });
  });

  it("refuses another site's POST", async () => {
    const res = await demoSignInPOST(
      appRequest("/api/demo-sign-in", {
        method: "POST",
        headers: { origin: "https://evil.example", "x-forwarded-for": "192.0.2.50" },
      }),
    );
    expect(res.status).toBe(403);
  });

  it("does not exist in production", async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      const res = await demoSignInPOST(appRequest("/api/demo-sign-in", { method: "POST" }));
      expect(res.status).toBe(404);
    } finally {
      process.env.NODE_ENV = before;
    }
  });
});

describe("authRoutes", () => {
  it("limits sign-in attempts per address with 429 rate_limited and Retry-After", async () => {
    const { POST } = authRoutes();
    const attempt = () =>
      POST(
        new Request(`${APP_ORIGIN}/api/auth/sign-in/email`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            origin: APP_ORIGIN,
            "x-forwarded-for": "192.0.2.99",
          },
          body: JSON.stringify({ email: "nobody@example.com", password: "wrong password!" }),
        }),
      );
    expect((await attempt()).status).toBe(401);
    expect((await attempt()).status).toBe(401);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(errorBodySchema.parse(await refused.json()).error.code).toBe("rate_limited");
  });

  it("serves better-auth's GET routes", async () => {
    const res = await authRoutes().GET(new Request(`${APP_ORIGIN}/api/auth/get-session`));
    expect(res.status).toBe(200);
  });
});

describe("safeNextPath", () => {
  it("keeps a path on this site and turns anything else into /", () => {
    expect(safeNextPath("/todos?x=1")).toBe("/todos?x=1");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "", null, undefined]) {
      expect(safeNextPath(bad)).toBe("/");
    }
  });
});
