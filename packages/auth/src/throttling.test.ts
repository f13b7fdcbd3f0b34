// better-auth's own sign-in throttling (3 per 10 s per IP) counted in Postgres: it holds across two
// auth instances on one database, as two app processes would share it, and per IP.
import { rateLimits } from "@switchyard/db";
import { like } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { IMAGES_ORIGIN, openTestWorld, postJson, type TestWorld } from "./testing/testAuth.ts";

let world: TestWorld;
beforeAll(async () => {
  world = await openTestWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

it("the fourth sign-in from one IP within 10 s is 429, whichever app it reaches", async () => {
  const [todo, images] = await Promise.all([world.auth(), world.auth(IMAGES_ORIGIN)]);
  const attempt = { email: "someone@example.com", password: "guessing a password" };
  const ip = "203.0.113.50";
  const statuses = [];
  statuses.push((await postJson(todo, "/sign-in/email", attempt, ip)).status);
  statuses.push((await postJson(images, "/sign-in/email", attempt, ip, IMAGES_ORIGIN)).status);
  statuses.push((await postJson(todo, "/sign-in/email", attempt, ip)).status);
  const fourth = await postJson(images, "/sign-in/email", attempt, ip, IMAGES_ORIGIN);
  expect(statuses).toEqual([401, 401, 401]);
  expect(fourth.status).toBe(429);
  expect(Number(fourth.headers.get("x-retry-after"))).toBeGreaterThanOrEqual(1);

  // Another IP still gets through, and the count lives in the shared table.
  expect((await postJson(todo, "/sign-in/email", attempt, "203.0.113.51")).status).toBe(401);
  const rows = await world.handle.db
    .select()
    .from(rateLimits)
    .where(like(rateLimits.key, "auth:203.0.113.5%"));
  expect(rows.map((r) => r.key).sort()).toEqual([
    "auth:203.0.113.50|/sign-in/email",
    "auth:203.0.113.51|/sign-in/email",
  ]);
});
