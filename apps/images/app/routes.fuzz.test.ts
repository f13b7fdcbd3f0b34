// Every route of the images app under hostile input (issue 21, item 6): without a session, as a member,
// as a second member (another user's image ids) and as an admin. Never a 5xx, every 4xx the one error
// body with nothing internal in it, and a rejected request writes no row. FUZZ_RUNS / FUZZ_SEED /
// FUZZ_OUT raise the bounded run `npm test` makes; `pnpm bench:fuzz` runs it long.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { resultRows } from "@switchyard/db";
import { startLocalProvider } from "@switchyard/local-provider";
import { getDb, getRouter } from "@switchyard/server";
import {
  authRoutesToFuzz,
  countRows,
  type FuzzUsers,
  fuzzAdminEmails,
  fuzzRoute,
  fuzzSessions,
  jsonBody,
  openTestDatabase,
  otherUserOf,
  RATE_LIMIT_TABLES,
  serverRoutesToFuzz,
  signUpFuzzUsers,
  userOfSession,
} from "@switchyard/server/testing";
import {
  type FuzzRoute,
  type FuzzWorld,
  fuzzFailures,
  fuzzRoutes,
  fuzzSettings,
  writeFuzzReport,
} from "@switchyard/tooling/fuzz";
import { errorBodySchema } from "@switchyard/wire";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { imageServices } from "../lib/imageServices.ts";
import * as auth from "./api/auth/[...all]/route.ts";
import * as demoSignIn from "./api/demo-sign-in/route.ts";
import * as health from "./api/health/route.ts";
import * as imageFile from "./api/images/[id]/file/route.ts";
import * as image from "./api/images/[id]/route.ts";
import * as generate from "./api/images/generate/route.ts";
import * as images from "./api/images/route.ts";
import * as budgets from "./usage/api/budgets/route.ts";
import * as keys from "./usage/api/keys/route.ts";
import * as usageRequest from "./usage/api/requests/[requestId]/route.ts";
import * as usage from "./usage/api/route.ts";

const settings = fuzzSettings({ runs: 8 });

const appRoutes: FuzzRoute[] = [
  fuzzRoute("GET /api/images", images.GET, { query: { page: "1", pageSize: "24", similar: "a lighthouse" } }),
  fuzzRoute("GET /api/images/[id]", image.GET, { params: { id: "image" } }),
  fuzzRoute("DELETE /api/images/[id]", image.DELETE, { params: { id: "image" } }),
  fuzzRoute("GET /api/images/[id]/file", imageFile.GET, {
    params: { id: "image" },
    query: { download: "1" },
  }),
  fuzzRoute("POST /api/images/generate", generate.POST, {
    // One key throughout: the first valid call generates, later ones replay or conflict.
    headers: { "idempotency-key": "fuzz-generate-0001" },
    ...jsonBody(
      { prompt: "a lighthouse at dusk", size: "small", style: "none", model: "auto", seed: 7 },
      256 * 1024,
    ),
  }),
  ...serverRoutesToFuzz("images", { health, demoSignIn, usage, budgets, usageRequest, keys }),
];

const authRoutes = authRoutesToFuzz(auth);

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let provider: Awaited<ReturnType<typeof startLocalProvider>>;
let users: FuzzUsers;
let storageDir: string;
let seeded = 0;

/** Generates one image for `user` through the route, as the gallery page does. */
async function generateFor(user: { cookie: string }): Promise<void> {
  const res = await generate.POST(
    new Request("http://localhost:3001/api/images/generate", {
      method: "POST",
      headers: {
        cookie: user.cookie,
        origin: "http://localhost:3001",
        "content-type": "application/json",
        "idempotency-key": `fuzz-seed-${seeded++}`,
        "x-forwarded-for": "203.0.113.10",
      },
      body: JSON.stringify({ prompt: "a seeded lighthouse", size: "small", seed: 1 }),
    }),
    { params: Promise.resolve({}) },
  );
  expect(res.status).toBe(200);
}

/** The first image (or ledger request) `userId` owns, generated when there is none: DELETE may have taken it. */
async function ownedId(kind: string, user: { id: string; cookie: string }): Promise<string | undefined> {
  const { db } = await getDb();
  const query =
    kind === "request"
      ? sql`SELECT request_id AS id FROM llm_calls WHERE user_id = ${user.id} AND app = 'images' LIMIT 1`
      : sql`SELECT id FROM images WHERE owner = ${user.id} LIMIT 1`;
  const [row] = resultRows<{ id: string }>(await db.execute(query));
  if (row || kind === "request") return row?.id;
  await generateFor(user);
  return ownedId(kind, user);
}

const world = (): FuzzWorld => ({
  origin: "http://localhost:3001",
  sessions: fuzzSessions(users),
  ids: async (kind, session) => {
    if (kind === "auth-path") return { own: "sign-out", foreign: "../../admin" };
    const user = userOfSession(users, session);
    // An admin reads every user's ledger requests by design: for them another member's is their own.
    if (kind === "request" && session === "admin") return { own: await ownedId(kind, users.member) };
    return {
      own: user ? await ownedId(kind, user) : undefined,
      foreign: await ownedId(kind, otherUserOf(users, session)),
    };
  },
  rowCounts: countRows,
  settle: async () => {
    await (await getRouter("images")).flush();
  },
  byDesignTables: RATE_LIMIT_TABLES,
});

beforeAll(async () => {
  provider = await startLocalProvider({ port: 0 });
  storageDir = mkdtempSync(path.join(tmpdir(), "images-fuzz-"));
  database = await openTestDatabase({
    LOCAL_PROVIDER_URL: provider.url,
    STORAGE_DIR: storageDir,
    SWITCHYARD_ADMIN_EMAILS: fuzzAdminEmails("images-fuzz", "images-fuzz-auth"),
  });
  users = await signUpFuzzUsers("images-fuzz");
  await imageServices();
  // An image and a ledger request each, so id routes have an own and a foreign id to try.
  for (const u of [users.member, users.other]) await generateFor(u);
  await (await getRouter("images")).flush();
}, 120_000);

afterAll(async () => {
  await database?.close();
  await provider?.close();
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
});

it("answers every images route's hostile inputs without a 5xx, leak or write on rejection", async () => {
  const started = performance.now();
  const options = { runs: settings.runs, seed: settings.seed, errorSchema: errorBodySchema };
  const reports = await fuzzRoutes(appRoutes, world(), options);
  // Fresh users for the auth routes: sign-out ends the sessions it is sent with.
  users = await signUpFuzzUsers("images-fuzz-auth");
  reports.push(...(await fuzzRoutes(authRoutes, world(), options)));
  writeFuzzReport("images", reports, settings, started);
  expect(reports.every((r) => r.inputs > 0)).toBe(true);
  expect(fuzzFailures(reports)).toEqual([]);
}, 600_000);
