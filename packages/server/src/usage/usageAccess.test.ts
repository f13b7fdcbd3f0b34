// Who sees what on /usage: a member their own rows and budget (another user's request id is a 404), an
// admin the whole app, breakers, credits and every user's budget; /api/health tells the public only up
// or down.
import { llmCalls, type NewLlmCall } from "@switchyard/db";
import { errorBodySchema } from "@switchyard/wire";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthGET } from "../liveStatus.ts";
import { getDb, getRouter } from "../services.ts";
import { appRequest, openTestDatabase, type SignedIn, signUp } from "../testing/serverWorld.ts";
import { loadUsageDashboard, usageGET, usageRequestGET } from "./usageRoutes.ts";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let alice: SignedIn;
let bob: SignedIn;
let admin: SignedIn;

function call(requestId: string, userId: string, costUsd: number): NewLlmCall[] {
  const row = {
    requestId,
    app: "todo",
    feature: "ask",
    operation: "chat" as const,
    userId,
    modelRequested: "fast",
    modelUsed: "anthropic/claude-3-haiku",
    endpoint: "local:primary",
    outcome: "ok" as const,
    costUsd,
    latencyMs: 120,
    createdAt: new Date(Date.now() - 60_000),
  };
  return [
    { ...row, kind: "request", attempt: 1 },
    { ...row, kind: "attempt", attempt: 1 },
  ];
}

beforeAll(async () => {
  database = await openTestDatabase({ SWITCHYARD_USER_DAILY_USD: "1.5" });
  alice = await signUp("alice@example.com");
  bob = await signUp("bob@example.com");
  admin = await signUp("admin@example.com");
  const { db } = await getDb();
  await db.insert(llmCalls).values([...call("alice-1", alice.id, 0.01), ...call("alice-2", alice.id, 0.02)]);
  await db.insert(llmCalls).values(call("bob-1", bob.id, 0.5));
}, 90_000);
afterAll(async () => {
  await (await getRouter("todo")).close();
  await database?.close();
});

const asUser = (who: SignedIn) => ({ id: who.id, email: who.email, name: "x", role: "member" as const });

describe("a member's usage", () => {
  it("holds their own rows only, with their budget and no whole-app panels", async () => {
    const data = await loadUsageDashboard("todo", {}, asUser(alice));
    expect(data.scope).toBe("user");
    expect(data.summary.requests).toBe(2);
    expect(data.summary.costUsd).toBeCloseTo(0.03, 10);
    expect(data.log.rows.map((r) => r.requestId).sort()).toEqual(["alice-1", "alice-2"]);
    expect(data.router).toMatchObject({ breakers: [], credits: [] });
    expect(data.budgets.lines).toEqual([]);
    expect(data.userBudgets).toBeNull();
    expect(data.myBudget).toMatchObject({ limitUsd: 1.5, custom: false, leftUsd: 1.5 });
  });

  it("answers the usage API with the caller's rows, and 401 without a session", async () => {
    const res = await usageGET(appRequest("/usage/api", { cookie: bob.cookie }), "todo");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { log: { rows: Array<{ requestId: string }> } };
    expect(body.log.rows.map((r) => r.requestId)).toEqual(["bob-1"]);
    const anonymous = await usageGET(appRequest("/usage/api"), "todo");
    expect(anonymous.status).toBe(401);
    expect(errorBodySchema.parse(await anonymous.json()).error.code).toBe("unauthenticated");
  });

  it("opens their own request's attempt chain; another user's request id is a 404", async () => {
    const own = await usageRequestGET(
      appRequest("/usage/api/requests/alice-1", { cookie: alice.cookie }),
      "todo",
      "alice-1",
    );
    expect(own.status).toBe(200);
    const other = await usageRequestGET(
      appRequest("/usage/api/requests/bob-1", { cookie: alice.cookie }),
      "todo",
      "bob-1",
    );
    expect(other.status).toBe(404);
    expect(errorBodySchema.parse(await other.json()).error.code).toBe("request_not_found");
  });
});

describe("an admin's usage", () => {
  it("holds every user's rows, breakers, credits, budgets and each user's budget line", async () => {
    const data = await loadUsageDashboard("todo", {}, { ...asUser(admin), role: "admin" });
    expect(data.scope).toBe("app");
    expect(data.summary.requests).toBe(3);
    expect(data.budgets.lines.find((l) => l.scope === "app:todo")).toMatchObject({ limitUsd: 20 });
    const emails = data.userBudgets?.map((u) => u.email);
    expect(emails).toEqual(
      expect.arrayContaining(["alice@example.com", "bob@example.com", "admin@example.com"]),
    );
    const bobRequest = await usageRequestGET(
      appRequest("/usage/api/requests/bob-1", { cookie: admin.cookie }),
      "todo",
      "bob-1",
    );
    expect(bobRequest.status).toBe(200);
  });
});

describe("GET /api/health", () => {
  it("tells the public only up or down, and an admin which database and provider", async () => {
    const publicBody = await (await healthGET(appRequest("/api/health"))).json();
    expect(Object.keys(publicBody)).toEqual(["status"]);
    const memberBody = await (await healthGET(appRequest("/api/health", { cookie: bob.cookie }))).json();
    expect(Object.keys(memberBody)).toEqual(["status"]);
    const adminBody = await (await healthGET(appRequest("/api/health", { cookie: admin.cookie }))).json();
    expect(adminBody).toMatchObject({ status: expect.any(String), database: { ok: true } });
  });
});
