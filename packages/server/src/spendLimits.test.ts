// Spend limits end to end: an admin gives a user a tiny daily budget through the usage API, the user's
// calls through getRouter() and routerOptionsFor() spend it, and the next one is a 402 that says what
// was spent and when it resets. The ledger rows carry the user.
import { budgetSpend, llmCalls } from "@switchyard/db";
import { type LocalProvider, startLocalProvider } from "@switchyard/local-provider";
import { errorBodySchema } from "@switchyard/wire";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { apiRoute } from "./auth/apiRoute.ts";
import { getDb, getRouter, routerOptionsFor } from "./services.ts";
import { appRequest, openTestDatabase, routeContext, type SignedIn, signUp } from "./testing/serverWorld.ts";
import { usageBudgetRoutes } from "./usage/usageRoutes.ts";

const TINY_BUDGET = 0.0002;

let provider: LocalProvider;
let database: Awaited<ReturnType<typeof openTestDatabase>>;
let admin: SignedIn;
let member: SignedIn;
beforeAll(async () => {
  provider = await startLocalProvider();
  database = await openTestDatabase({ LOCAL_PROVIDER_URL: provider.url });
  admin = await signUp("admin@example.com");
  member = await signUp("member@example.com");
}, 90_000);
afterAll(async () => {
  await (await getRouter("todo")).close();
  await provider?.close();
  await database?.close();
});

// What an app's ask route does: the signed-in user's call, on their budget.
const askRoute = apiRoute({}, async (_req, { user }) => {
  const router = await getRouter("todo");
  const { text, routing } = await router.chat(
    { model: "fast", max_tokens: 40, messages: [{ role: "user", content: "What is due this week?" }] },
    routerOptionsFor(user),
  );
  return Response.json({ text, costUsd: routing.costUsd });
});

it("lets only an admin set a user's daily budget", async () => {
  const { PUT } = usageBudgetRoutes();
  const edit = { userId: member.id, limitUsd: TINY_BUDGET };
  const asMember = await PUT(
    appRequest("/usage/api/budgets", { method: "PUT", cookie: member.cookie, body: edit }),
    routeContext({}),
  );
  expect(asMember.status).toBe(403);
  const asAdmin = await PUT(
    appRequest("/usage/api/budgets", { method: "PUT", cookie: admin.cookie, body: edit }),
    routeContext({}),
  );
  expect(asAdmin.status).toBe(200);
  expect(await asAdmin.json()).toMatchObject({
    userId: member.id,
    budget: { limitUsd: TINY_BUDGET, custom: true },
  });
  const unknown = await PUT(
    appRequest("/usage/api/budgets", {
      method: "PUT",
      cookie: admin.cookie,
      body: { userId: "nobody", limitUsd: 1 },
    }),
    routeContext({}),
  );
  expect(unknown.status).toBe(404);
});

it("answers 402 budget_exceeded once the user's budget is spent, and never spends past it", async () => {
  const statuses: number[] = [];
  let refusal: Response | undefined;
  for (let i = 0; i < 30 && !refusal; i++) {
    const res = await askRoute(appRequest("/api/ask", { cookie: member.cookie, body: {} }), routeContext({}));
    statuses.push(res.status);
    if (res.status !== 200) refusal = res;
  }
  expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
  expect(refusal?.status).toBe(402);
  const { error } = errorBodySchema.parse(await refusal?.json());
  const tomorrow = new Date(
    Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1),
  );
  expect(error).toMatchObject({
    code: "budget_exceeded",
    details: { scope: `user:${member.id}`, limitUsd: TINY_BUDGET, resetsAt: tomorrow.toISOString() },
  });
  expect(error.message).toContain("Your daily budget");

  const { db } = await getDb();
  const [spent] = await db
    .select({ spent: budgetSpend.spentUsd, reserved: budgetSpend.reservedUsd })
    .from(budgetSpend)
    .where(eq(budgetSpend.scope, `user:${member.id}`));
  expect(Number(spent?.spent) + Number(spent?.reserved)).toBeLessThanOrEqual(TINY_BUDGET);

  // The admin, on the default budget, is not stopped by the member's.
  const asAdmin = await askRoute(
    appRequest("/api/ask", { cookie: admin.cookie, body: {} }),
    routeContext({}),
  );
  expect(asAdmin.status).toBe(200);

  await (await getRouter("todo")).flush();
  const rows = await db
    .select({ userId: llmCalls.userId })
    .from(llmCalls)
    .where(and(eq(llmCalls.kind, "request"), eq(llmCalls.userId, member.id)));
  expect(rows.length).toBe(statuses.length);
}, 120_000);
