// The admin page's key routes: a member is refused, an admin makes a key (its secret answered once,
// for another account by email), lists keys without secrets, and revokes one.
import { findGatewayKey } from "@switchyard/db";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../services.ts";
import { appRequest, openTestDatabase, routeContext, type SignedIn, signUp } from "../testing/serverWorld.ts";
import { gatewayKeyRoutes, loadGatewayKeys } from "./gatewayKeyRoutes.ts";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let member: SignedIn;
let admin: SignedIn;
const routes = gatewayKeyRoutes();
const noParams = routeContext({});

beforeAll(async () => {
  database = await openTestDatabase();
  member = await signUp("member@example.com");
  admin = await signUp("admin@example.com");
}, 90_000);
afterAll(async () => {
  await database?.close();
});

it("refuses a member: 403 on every route, no data for the page", async () => {
  const body = { name: "mine" };
  expect(
    (await routes.POST(appRequest("/usage/api/keys", { cookie: member.cookie, body }), noParams)).status,
  ).toBe(403);
  expect((await routes.GET(appRequest("/usage/api/keys", { cookie: member.cookie }), noParams)).status).toBe(
    403,
  );
  expect(await loadGatewayKeys({ role: "member" })).toBeNull();
});

it("lets an admin make a key for an account, list it without its secret, and revoke it", async () => {
  const made = await routes.POST(
    appRequest("/usage/api/keys", {
      cookie: admin.cookie,
      body: { name: "notebook", ownerEmail: "member@example.com", dailyUsd: 1, rpm: 60, expiresInDays: 30 },
    }),
    noParams,
  );
  expect(made.status).toBe(201);
  const { key, secret } = (await made.json()) as { key: { id: string; ownerEmail: string }; secret: string };
  expect(secret).toMatch(/^sk-sy-/);
  expect(key.ownerEmail).toBe("member@example.com");
  const { db } = await getDb();
  expect((await findGatewayKey(db, secret))?.ownerId).toBe(member.id);

  const listed = await (
    await routes.GET(appRequest("/usage/api/keys", { cookie: admin.cookie }), noParams)
  ).text();
  expect(listed).toContain("notebook");
  expect(listed).not.toContain(secret);
  const revoke = (id: string) =>
    routes.DELETE(
      appRequest(`/usage/api/keys?id=${id}`, { cookie: admin.cookie, method: "DELETE" }),
      noParams,
    );
  expect((await revoke(key.id)).status).toBe(200);
  expect((await revoke(key.id)).status).toBe(404);
  expect((await loadGatewayKeys({ role: "admin" }))?.[0]).toMatchObject({ id: key.id, status: "revoked" });
});
