// The dev demo account: created once however often (or however concurrently) it is ensured, signs in with
// the password kept in the data folder, is an admin in dev, and does not exist in production.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { users } from "@switchyard/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAuth } from "./createAuth.ts";
import { DEMO_EMAIL, demoCredentials, ensureDemoUser } from "./demoUser.ts";
import { sessionUser } from "./sessionUser.ts";
import { cookieHeader, IMAGES_ORIGIN, openTestWorld, postJson, type TestWorld } from "./testing/testAuth.ts";

let world: TestWorld;
beforeAll(async () => {
  world = await openTestWorld();
}, 60_000);
afterAll(async () => {
  await world?.close();
});

const demoRows = () => world.handle.db.select().from(users).where(eq(users.email, DEMO_EMAIL));

it("is created once when ensured twice, and once when two apps ensure it at the same moment", async () => {
  const [todo, images] = await Promise.all([world.auth(), world.auth(IMAGES_ORIGIN)]);
  const first = await Promise.all([ensureDemoUser(todo), ensureDemoUser(images)]);
  expect(first.map((r) => r.created).sort()).toEqual([false, true]);
  expect(await ensureDemoUser(todo)).toEqual({ email: DEMO_EMAIL, created: false });
  expect(await demoRows()).toHaveLength(1);
});

it("signs in with the stored password and is an admin in dev", async () => {
  const auth = await world.auth();
  await ensureDemoUser(auth);
  const response = await postJson(auth, "/sign-in/email", await demoCredentials(auth), "203.0.113.20");
  expect(response.status).toBe(200);
  const user = await sessionUser(auth, new Headers({ cookie: cookieHeader(response) }));
  expect(user).toMatchObject({ email: DEMO_EMAIL, name: "Demo user", role: "admin" });
});

it("takes the new password when the file was regenerated", async () => {
  const auth = await world.auth();
  await ensureDemoUser(auth);
  await writeFile(path.join(world.dataDir, "demo-password"), "a-brand-new-demo-password");
  expect(await ensureDemoUser(auth)).toMatchObject({ created: false });
  const response = await postJson(
    auth,
    "/sign-in/email",
    { email: DEMO_EMAIL, password: "a-brand-new-demo-password" },
    "203.0.113.21",
  );
  expect(response.status).toBe(200);
});

it("is refused in production", async () => {
  const env = { NODE_ENV: "production", BETTER_AUTH_SECRET: "a-production-secret-of-at-least-32-characters" };
  const auth = await createAuth({ db: world.handle.db, dataDir: world.dataDir, env });
  await expect(ensureDemoUser(auth)).rejects.toMatchObject({ code: "demo_user_in_production" });
  await expect(demoCredentials(auth)).rejects.toMatchObject({ code: "demo_user_in_production" });
});
