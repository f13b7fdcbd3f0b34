// Every route of the todo app under hostile input (issue 21, item 6): without a session, as a member, as a
// second member (another user's ids) and as an admin. Never a 5xx, every 4xx the one error body with
// nothing internal in it, and a rejected request writes no row. FUZZ_RUNS / FUZZ_SEED / FUZZ_OUT raise
// the bounded run `npm test` makes; `pnpm bench:fuzz` runs it long.
import { resultRows } from "@switchyard/db";
import { startLocalProvider } from "@switchyard/local-provider";
import { getDb, getRouter, processSingleton } from "@switchyard/server";
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
import { createBuildChain } from "../lib/build/buildChain.ts";
import { postgresBuildStore } from "../lib/build/buildStore.ts";
import { MAX_PREVIEW_BODY_BYTES, MAX_SAVE_BODY_BYTES } from "../lib/import/importSchemas.ts";
import { insertTodo } from "../lib/todoRepository.ts";
import { todoServices } from "../lib/todoServices.ts";
import * as feedback from "./api/answers/[requestId]/feedback/route.ts";
import * as ask from "./api/ask/route.ts";
import * as approve from "./api/assistant/approve/route.ts";
import * as assistant from "./api/assistant/route.ts";
import * as auth from "./api/auth/[...all]/route.ts";
import * as costs from "./api/costs/route.ts";
import * as demoSignIn from "./api/demo-sign-in/route.ts";
import * as dial from "./api/dial/route.ts";
import * as health from "./api/health/route.ts";
import * as importPreview from "./api/import/preview/route.ts";
import * as importSave from "./api/import/save/route.ts";
import * as search from "./api/search/route.ts";
import * as todo from "./api/todos/[id]/route.ts";
import * as todos from "./api/todos/route.ts";
import * as retry from "./build/[todoId]/retry/route.ts";
import * as review from "./build/[todoId]/review/route.ts";
import * as run from "./build/[todoId]/run/route.ts";
import * as budgets from "./usage/api/budgets/route.ts";
import * as keys from "./usage/api/keys/route.ts";
import * as usageRequest from "./usage/api/requests/[requestId]/route.ts";
import * as usage from "./usage/api/route.ts";

const settings = fuzzSettings({ runs: 8 });

const appRoutes: FuzzRoute[] = [
  fuzzRoute("GET /api/todos", todos.GET),
  fuzzRoute(
    "POST /api/todos",
    todos.POST,
    jsonBody({ title: "buy milk", notes: "", priority: 1, dueDate: "2026-12-24", tags: ["home"] }, 16 * 1024),
  ),
  fuzzRoute("GET /api/todos/[id]", todo.GET, { params: { id: "todo" } }),
  fuzzRoute("PATCH /api/todos/[id]", todo.PATCH, {
    params: { id: "todo" },
    ...jsonBody({ title: "oat milk", status: "done" }, 16 * 1024),
  }),
  // Deleting another user's todo answers { deleted: false }: the check is that it wrote nothing.
  fuzzRoute("DELETE /api/todos/[id]", todo.DELETE, { params: { id: "todo" }, foreignIdAnswers2xx: true }),
  fuzzRoute("GET /api/search", search.GET, { query: { q: "milk" } }),
  fuzzRoute(
    "POST /api/ask",
    ask.POST,
    jsonBody({ question: "What is due this week?", tier: "fast" }, 8 * 1024),
  ),
  fuzzRoute("GET /api/costs", costs.GET),
  fuzzRoute("GET /api/dial", dial.GET),
  fuzzRoute("PUT /api/dial", dial.PUT, jsonBody({ stop: "best" }, 1024)),
  fuzzRoute("POST /api/answers/[requestId]/feedback", feedback.POST, {
    params: { requestId: "request" },
    ...jsonBody({ label: "strong", question: "Plan my week around the move" }, 8 * 1024),
  }),
  fuzzRoute(
    "POST /api/assistant",
    assistant.POST,
    jsonBody({ message: "I've done the milk one" }, 16 * 1024),
  ),
  fuzzRoute(
    "POST /api/assistant/approve",
    approve.POST,
    jsonBody(
      {
        id: "5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
        summary: "Add “buy milk”",
        action: "create",
        todo: { title: "buy milk", dueDate: null, priority: 1, tags: ["home"] },
      },
      16 * 1024,
    ),
  ),
  fuzzRoute(
    "POST /api/import/preview",
    importPreview.POST,
    jsonBody(
      {
        name: "todos.csv",
        type: "text/csv",
        dataBase64: Buffer.from("title,due\nbuy milk,2026-12-24\n").toString("base64"),
      },
      MAX_PREVIEW_BODY_BYTES,
    ),
  ),
  fuzzRoute(
    "POST /api/import/save",
    importSave.POST,
    jsonBody({ rows: [{ title: "buy milk", dueDate: null, priority: 1, tags: [] }] }, MAX_SAVE_BODY_BYTES),
  ),
  fuzzRoute("GET /build/[todoId]/run", run.GET, { params: { todoId: "todo" } }),
  fuzzRoute("POST /build/[todoId]/run", run.POST, {
    params: { todoId: "todo" },
    ...jsonBody({ tier: "fast" }, 1024),
  }),
  fuzzRoute("POST /build/[todoId]/retry", retry.POST, { params: { todoId: "todo" }, ...jsonBody({}, 1024) }),
  fuzzRoute("POST /build/[todoId]/review", review.POST, {
    params: { todoId: "todo" },
    ...jsonBody({ action: "request_changes", revision: 1, comment: "shorter" }, 8 * 1024),
  }),
  ...serverRoutesToFuzz("todo", { health, demoSignIn, usage, budgets, usageRequest, keys }),
];

const authRoutes = authRoutesToFuzz(auth);

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let provider: Awaited<ReturnType<typeof startLocalProvider>>;
let users: FuzzUsers;
const buildsRunning = new Set<Promise<unknown>>();

/** The first todo (or ledger request) `userId` owns, made when there is none: DELETE may have taken it. */
async function ownedId(kind: string, userId: string): Promise<string | undefined> {
  const { db } = await todoServices();
  if (kind === "request") {
    const [row] = resultRows<{ id: string }>(
      await db.execute(
        sql`SELECT request_id AS id FROM llm_calls WHERE user_id = ${userId} AND app = 'todo' LIMIT 1`,
      ),
    );
    return row?.id;
  }
  const [row] = resultRows<{ id: string }>(
    await db.execute(sql`SELECT id FROM todos WHERE owner = ${userId} LIMIT 1`),
  );
  return (
    row?.id ??
    (await insertTodo(db, userId, { title: "seeded", notes: "", priority: 0, dueDate: null, tags: [] })).id
  );
}

const world = (): FuzzWorld => ({
  origin: "http://localhost:3000",
  sessions: fuzzSessions(users),
  ids: async (kind, session) => {
    if (kind === "auth-path") return { own: "sign-out", foreign: "../../admin" };
    const user = userOfSession(users, session);
    // An admin reads every user's ledger requests by design: for them another member's is their own.
    if (kind === "request" && session === "admin") return { own: await ownedId(kind, users.member.id) };
    return {
      own: user ? await ownedId(kind, user.id) : undefined,
      foreign: await ownedId(kind, otherUserOf(users, session).id),
    };
  },
  rowCounts: countRows,
  settle: async () => {
    await Promise.allSettled([...buildsRunning]);
    await (await todoServices()).backfill.kick();
    await (await getRouter("todo")).flush();
  },
  byDesignTables: RATE_LIMIT_TABLES,
});

beforeAll(async () => {
  provider = await startLocalProvider({ port: 0 });
  database = await openTestDatabase({
    LOCAL_PROVIDER_URL: provider.url,
    SWITCHYARD_ADMIN_EMAILS: fuzzAdminEmails("todo-fuzz", "todo-fuzz-auth"),
  });
  // The build chain with a sandbox that is down and its steps run in this process, not as jobs: builds
  // end at once (failed at "checking") instead of running tests in bubblewrap between fuzzed requests.
  // The routes are the same. Its background steps are tracked so settle() waits for them.
  await processSingleton("switchyard.todo.buildChain", async () => {
    const { db, router } = await todoServices();
    const runChecks = async () => {
      throw Object.assign(new Error("the sandbox is off in the fuzz suite"), { code: "sandbox_down" });
    };
    const chain = createBuildChain({ router, runChecks, store: postgresBuildStore(db) });
    const tracked = <T extends { done: Promise<unknown> }>(started: T) => {
      buildsRunning.add(started.done);
      void started.done.catch(() => {}).finally(() => buildsRunning.delete(started.done));
      return started;
    };
    return {
      ...chain,
      start: async (...args: Parameters<typeof chain.start>) => tracked(await chain.start(...args)),
      retry: async (...args: Parameters<typeof chain.retry>) => tracked(await chain.retry(...args)),
      review: async (...args: Parameters<typeof chain.review>) => tracked(await chain.review(...args)),
    };
  });
  users = await signUpFuzzUsers("todo-fuzz");
  // A ledger request each, so /usage/api/requests/<id> has an own and a foreign id to try.
  for (const u of [users.member, users.other]) {
    const res = await todos.POST(
      new Request("http://localhost:3000/api/todos", {
        method: "POST",
        headers: { cookie: u.cookie, origin: "http://localhost:3000", "content-type": "application/json" },
        body: JSON.stringify({ title: "ledger seed" }),
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(201);
  }
  await (await getRouter("todo")).flush();
  await getDb();
}, 120_000);

afterAll(async () => {
  await database?.close();
  await provider?.close();
});

it("answers every todo route's hostile inputs without a 5xx, leak or write on rejection", async () => {
  const started = performance.now();
  const options = { runs: settings.runs, seed: settings.seed, errorSchema: errorBodySchema };
  const reports = await fuzzRoutes(appRoutes, world(), options);
  // Fresh users for the auth routes: sign-out ends the sessions it is sent with.
  users = await signUpFuzzUsers("todo-fuzz-auth");
  reports.push(...(await fuzzRoutes(authRoutes, world(), options)));
  writeFuzzReport("todo", reports, settings, started);
  expect(reports.every((r) => r.inputs > 0)).toBe(true);
  expect(fuzzFailures(reports)).toEqual([]);
}, 600_000);
