// apiRoute on a real better-auth over an in-memory database: who may call, what a forged request gets,
// and that a refused request writes nothing.

import { errorBodySchema } from "@switchyard/wire";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRequest, openTestDatabase, routeContext, type SignedIn, signUp } from "../testing/serverWorld.ts";
import { apiRoute } from "./apiRoute.ts";

const codeOf = async (res: Response) => errorBodySchema.parse(await res.json()).error.code;

let member: SignedIn;
let admin: SignedIn;
const writes: string[] = [];
const whoAmI = apiRoute<{ id: string }>({}, async (_req, { user, params }) =>
  Response.json({ id: user.id, role: user.role, param: params.id }),
);
const write = apiRoute({}, async (req, { user }) => {
  writes.push(`${user.id}:${await req.text()}`);
  return Response.json({ ok: true });
});
const adminOnly = apiRoute({ access: "admin" }, async () => Response.json({ ok: true }));

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
  member = await signUp("member@example.com");
  admin = await signUp("admin@example.com");
}, 60_000);
afterAll(() => database?.close());

describe("apiRoute", () => {
  it("answers 401 unauthenticated without a session, and with a forged cookie", async () => {
    const res = await whoAmI(appRequest("/api/me"), routeContext({ id: "x" }));
    expect(res.status).toBe(401);
    expect(await codeOf(res)).toBe("unauthenticated");
    const forged = await whoAmI(
      appRequest("/api/me", { cookie: "switchyard.session_token=forged.value" }),
      routeContext({ id: "x" }),
    );
    expect(forged.status).toBe(401);
  });

  it("hands the handler the session's user and the route's params", async () => {
    const res = await whoAmI(appRequest("/api/me", { cookie: member.cookie }), routeContext({ id: "42" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: member.id, role: "member", param: "42" });
  });

  it("lets only admins through an admin route (403 forbidden for a member)", async () => {
    const asMember = await adminOnly(appRequest("/api/admin", { cookie: member.cookie }), routeContext({}));
    expect(asMember.status).toBe(403);
    expect(await codeOf(asMember)).toBe("forbidden");
    const asAdmin = await adminOnly(appRequest("/api/admin", { cookie: admin.cookie }), routeContext({}));
    expect(asAdmin.status).toBe(200);
  });

  it("refuses a cross-origin POST with 403 cross_origin and writes nothing", async () => {
    const forged = appRequest("/api/write", {
      cookie: member.cookie,
      body: { title: "from evil" },
      headers: { origin: "https://evil.example" },
    });
    const res = await write(forged, routeContext({}));
    expect(res.status).toBe(403);
    expect(await codeOf(res)).toBe("cross_origin");
    const noOrigin = appRequest("/api/write", {
      cookie: member.cookie,
      body: { title: "from evil" },
      headers: { origin: "", "sec-fetch-site": "cross-site" },
    });
    noOrigin.headers.delete("origin");
    expect((await write(noOrigin, routeContext({}))).status).toBe(403);
    expect(writes).toEqual([]);
  });

  it("accepts the other app's origin in dev (one session, two apps)", async () => {
    const res = await write(
      appRequest("/api/write", {
        cookie: member.cookie,
        body: {},
        headers: { origin: "http://localhost:3001" },
      }),
      routeContext({}),
    );
    expect(res.status).toBe(200);
    writes.length = 0;
  });

  it("answers 415 to a POST whose body is not JSON, and writes nothing", async () => {
    const res = await write(
      appRequest("/api/write", {
        cookie: member.cookie,
        body: "title=hi",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      routeContext({}),
    );
    expect(res.status).toBe(415);
    expect(await codeOf(res)).toBe("unsupported_media_type");
    const textPlain = await write(
      appRequest("/api/write", {
        cookie: member.cookie,
        body: "{}",
        headers: { "content-type": "text/plain" },
      }),
      routeContext({}),
    );
    expect(textPlain.status).toBe(415);
    expect(writes).toEqual([]);
  });

  it("lets a same-origin DELETE without a body through", async () => {
    const res = await write(
      appRequest("/api/write/1", { cookie: member.cookie, method: "DELETE" }),
      routeContext({}),
    );
    expect(res.status).toBe(200);
  });
});
