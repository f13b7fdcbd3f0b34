// Chapter 13: accounts and limits, through the same helpers the apps' routes use (@switchyard/server).
// Two users sign up, each sees only their own usage, a rate limit trips, and a budget an admin set
// refuses a call. Offline: an in-memory PGlite served over the wire, the local provider.
import { startPgliteServer } from "@switchyard/db";
import { startLocalProvider } from "@switchyard/local-provider";
import {
  apiRoute,
  authRoutes,
  getDb,
  getRouter,
  readJson,
  routerOptionsFor,
  usageBudgetRoutes,
  usageGET,
  usageRequestGET,
} from "@switchyard/server";
import { z } from "zod";

const provider = await startLocalProvider();
const pg = await startPgliteServer({ dataDir: "memory://", port: 0 });
Object.assign(process.env, {
  DATABASE_URL: pg.url, // every getDb() in this process shares it, as an app's routes do
  LOCAL_PROVIDER_URL: provider.url,
  BETTER_AUTH_URL: "http://localhost:3000",
  BETTER_AUTH_SECRET: "chapter-13-example-secret-0123456789",
  SWITCHYARD_ADMIN_EMAILS: "ops@example.com",
  SWITCHYARD_RATE_ASK_PER_USER: "3",
  SWITCHYARD_LOG_LEVEL: "error",
});
const ORIGIN = "http://localhost:3000";
const noParams = { params: Promise.resolve({}) };

// #region sign-up
const { POST: authPOST } = authRoutes(); // what app/api/auth/[...all]/route.ts exports

async function signUp(email: string) {
  const res = await authPOST(
    new Request(`${ORIGIN}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": "203.0.113.7" },
      body: JSON.stringify({ email, password: "a long passphrase", name: email.split("@")[0] }),
    }),
  );
  const { user } = (await res.json()) as { user: { id: string } };
  // The browser would keep these cookies; here they become the next requests' Cookie header.
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { id: user.id, email, cookie };
}
const alice = await signUp("alice@example.com");
const bob = await signUp("bob@example.com");
const ops = await signUp("ops@example.com"); // an admin: listed in SWITCHYARD_ADMIN_EMAILS
// #endregion

// #region ask-route
// An app's "ask" route: signed-in users only, rate-limited, and the call is made on the caller's behalf
// (their ledger rows, their idempotency scope, their daily budget).
const askPOST = apiRoute({ rateLimit: "ask" }, async (req, { user }) => {
  const { question } = await readJson(req, z.object({ question: z.string().min(1).max(2000) }));
  const router = await getRouter("todo");
  const { text, routing } = await router.chat(
    { model: "fast", max_tokens: 60, messages: [{ role: "user", content: question }] },
    routerOptionsFor(user),
  );
  return Response.json({ text, requestId: routing.requestId });
});
// #endregion

type Who = { cookie: string };
const send = (path: string, who: Who, method = "GET", body?: unknown) =>
  new Request(`${ORIGIN}${path}`, {
    method,
    headers: {
      cookie: who.cookie,
      origin: ORIGIN,
      "content-type": "application/json",
      "x-forwarded-for": "203.0.113.7",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const ask = (who: Who, question: string) => askPOST(send("/api/ask", who, "POST", { question }), noParams);

// #region isolation
const asked = (await (await ask(alice, "What is due this week?")).json()) as { requestId: string };
const usageOf = async (who: Who) =>
  ((await (await usageGET(send("/usage/api", who), "todo")).json()) as { log: { total: number } }).log.total;
const peek = await usageRequestGET(
  send(`/usage/api/requests/${asked.requestId}`, bob),
  "todo",
  asked.requestId,
);
console.log(
  `isolation: alice's usage lists ${await usageOf(alice)} request, bob's ${await usageOf(bob)}; ` +
    `alice's request id answers bob ${peek.status}`,
);
// #endregion

// #region rate-limit
const statuses: string[] = [];
for (let i = 1; i <= 3; i++) {
  const res = await ask(alice, `Question number ${i}`);
  statuses.push(
    res.status === 429 ? `429 (Retry-After ${res.headers.get("retry-after")} s)` : `${res.status}`,
  );
}
console.log(`rate limit (3 a minute): alice's next asks answer ${statuses.join(", ")}`);
// #endregion

// #region budget
const { PUT: budgetPUT } = usageBudgetRoutes(); // app/usage/api/budgets/route.ts
const small = { userId: bob.id, limitUsd: 0.0001 };
const byBob = await budgetPUT(send("/usage/api/budgets", bob, "PUT", small), noParams);
const byOps = await budgetPUT(send("/usage/api/budgets", ops, "PUT", small), noParams);
console.log(`budget edit: by bob ${byBob.status}, by the admin ${byOps.status}`);
const first = await ask(bob, "Plan my week");
const second = await ask(bob, "Plan my month");
const { error } = (await second.json()) as { error: { code: string; message: string } };
console.log(
  `budget: bob's first ask ${first.status}, the next ${second.status} ${error.code}: ${error.message}`,
);
// #endregion

await (await getRouter("todo")).close();
await (await getDb()).close();
await pg.close();
await provider.close();
