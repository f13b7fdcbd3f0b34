// Accounts (issue 19), two users in two browser contexts: the second never sees the first's todos,
// search hits, ask sources, builds or usage rows, in the UI or by URL and API; no session means 401 on
// every API route and a redirect to sign-in on every page; sign-up mistakes show the message and write
// nothing; a cross-origin POST is refused and writes nothing.
import { randomBytes } from "node:crypto";
import { type BrowserContext, expect, test } from "@playwright/test";
import {
  type E2EUser,
  newUser,
  signedInContext,
  signedOutContext,
  signUp,
} from "@switchyard/tooling/e2eAuth";
import { appRoutes, PUBLIC_ROUTES } from "./pages/appRoutes.ts";
import { askApi } from "./pages/askApi.ts";
import { SignInPage } from "./pages/signInPage.ts";
import { TodoPage } from "./pages/todoPage.ts";

const marker = randomBytes(3).toString("hex");
const anaTitle = `Plan the Zanzibar surprise party ${marker}`;
const anaBuildTitle = "Split an array into chunks of size n";
const boTitle = `Buy wrapping paper for the party ${marker}`;

let ana: { context: BrowserContext; user: E2EUser };
let bo: { context: BrowserContext; user: E2EUser };
const seeded = { todoId: "", buildTodoId: "", askRequestId: "" };

test.beforeAll(async ({ browser, baseURL }) => {
  ana = await signedInContext(browser, "ana", { baseURL });
  bo = await signedInContext(browser, "bo", { baseURL });
  const add = async (context: BrowserContext, title: string) => {
    const res = await context.request.post("/api/todos", { data: { title } });
    expect(res.status()).toBe(201);
    return ((await res.json()) as { todo: { id: string } }).todo.id;
  };
  seeded.todoId = await add(ana.context, anaTitle);
  seeded.buildTodoId = await add(ana.context, anaBuildTitle);
  await add(bo.context, boTitle);
  const started = await ana.context.request.post(`/build/${seeded.buildTodoId}/run`, { data: {} });
  expect(started.status()).toBe(202);
  const asked = await askApi(ana.context.request, "When is the Zanzibar surprise party?");
  expect(asked.sourceIds).toContain(seeded.todoId);
  seeded.askRequestId = asked.requestId ?? "";
  expect(seeded.askRequestId).not.toBe("");
});

test.afterAll(async () => {
  await Promise.all([ana?.context.close(), bo?.context.close()]);
});

test("the second user never sees the first's todos, search hits or ask sources", async () => {
  const page = await bo.context.newPage();
  const app = new TodoPage(page);
  await app.goto();
  await expect(app.items(boTitle)).toHaveCount(1);
  await expect(page.getByText(anaTitle)).toHaveCount(0);

  await page.getByLabel("Search todos").fill(`Zanzibar surprise party ${marker}`);
  const results = page.getByRole("region", { name: "Search results" });
  await expect(results).toBeVisible();
  await expect(results).not.toContainText("Zanzibar");

  const answer = await app.ask("What about the Zanzibar surprise party?", "fast");
  await expect(answer).toHaveAttribute("data-phase", "done");
  await expect(answer).not.toContainText(anaTitle);

  const api = bo.context.request;
  const { todos } = (await (await api.get("/api/todos")).json()) as { todos: { id: string }[] };
  expect(todos.map((t) => t.id)).not.toContain(seeded.todoId);
  const search = (await (await api.get(`/api/search?q=${encodeURIComponent(anaTitle)}`)).json()) as {
    hits: { todo: { id: string } }[];
  };
  expect(search.hits.map((h) => h.todo.id)).not.toContain(seeded.todoId);
  expect((await askApi(api, "When is the Zanzibar surprise party?")).sourceIds).not.toContain(seeded.todoId);

  // By id: 404, exactly as for a todo that does not exist; nothing changes.
  const byId = `/api/todos/${seeded.todoId}`;
  expect((await api.get(byId)).status()).toBe(404);
  expect((await api.patch(byId, { data: { title: "taken over" } })).status()).toBe(404);
  expect(await (await api.delete(byId)).json()).toEqual({ deleted: false });
  const still = await ana.context.request.get(byId);
  expect(((await still.json()) as { todo: { title: string } }).todo.title).toBe(anaTitle);
  await page.close();
});

test("the second user never sees the first's builds or usage rows", async () => {
  const api = bo.context.request;
  const build = `/build/${seeded.buildTodoId}`;
  expect((await ana.context.request.get(`${build}/run`)).status()).toBe(200);
  for (const res of [
    await api.get(`${build}/run`),
    await api.post(`${build}/run`, { data: {} }),
    await api.post(`${build}/retry`, { data: {} }),
    await api.post(`${build}/review`, { data: { action: "approve", revision: 1 } }),
  ]) {
    expect(res.status()).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  }
  const page = await bo.context.newPage();
  expect((await page.goto(build))?.status()).toBe(404);
  await expect(page.getByText(anaBuildTitle)).toHaveCount(0);

  const own = await askApi(api, "What do I need for the party?");
  expect(own.requestId).not.toBeNull();
  const chain = `/usage/api/requests/${seeded.askRequestId}`;
  expect((await ana.context.request.get(chain)).status()).toBe(200);
  expect((await api.get(chain)).status()).toBe(404);
  const usage = (await (await api.get("/usage/api?feature=ask")).json()) as {
    scope: string;
    log: { rows: { requestId: string }[] };
  };
  expect(usage.scope).toBe("user");
  expect(usage.log.rows.map((r) => r.requestId)).toContain(own.requestId);
  expect(usage.log.rows.map((r) => r.requestId)).not.toContain(seeded.askRequestId);
  await page.goto("/usage?feature=ask");
  await expect(page.locator(`[data-request-id="${own.requestId}"]`)).toBeVisible();
  await expect(page.locator(`[data-request-id="${seeded.askRequestId}"]`)).toHaveCount(0);
  await page.close();
});

test("a cross-origin POST is refused and writes nothing; a body that is not JSON too", async () => {
  const api = ana.context.request;
  const forged = `forged from another site ${marker}`;
  const cross = await api.post("/api/todos", {
    data: { title: forged },
    headers: { origin: "https://evil.example" },
  });
  expect(cross.status()).toBe(403);
  expect(((await cross.json()) as { error: { code: string } }).error.code).toBe("cross_origin");
  const patched = await api.patch(`/api/todos/${seeded.todoId}`, {
    data: { title: forged },
    headers: { origin: "https://evil.example" },
  });
  expect(patched.status()).toBe(403);
  const form = await api.post("/api/todos", {
    data: `title=${forged}`,
    headers: { "content-type": "text/plain" },
  });
  expect(form.status()).toBe(415);
  const { todos } = (await (await api.get("/api/todos")).json()) as { todos: { title: string }[] };
  expect(todos.map((t) => t.title)).not.toContain(forged);
  expect(todos.map((t) => t.title)).toContain(anaTitle);
});

test("without a session every app API route answers 401", async ({ browser, baseURL }) => {
  const routes = appRoutes().filter((r) => !PUBLIC_ROUTES.has(r.pattern));
  expect(routes.map((r) => r.pattern)).toEqual(
    expect.arrayContaining(["/api/todos", "/api/ask", "/build/[todoId]/run", "/usage/api"]),
  );
  const context = await signedOutContext(browser, { baseURL });
  for (const route of routes) {
    expect(route.methods.length, route.pattern).toBeGreaterThan(0);
    for (const method of route.methods) {
      const res = await context.request.fetch(route.url, {
        method,
        ...(method === "GET" ? {} : { data: {} }),
      });
      expect(res.status(), `${method} ${route.pattern}`).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthenticated");
    }
  }
  await context.close();
});

test("a page without a session redirects to sign-in, and signing in returns to it", async ({
  browser,
  baseURL,
}) => {
  const elsewhere = await signedOutContext(browser, { baseURL });
  const user = await signUp(elsewhere.request, newUser("returning"));
  await elsewhere.close();
  const context = await signedOutContext(browser, { baseURL });
  const page = await context.newPage();
  for (const path of ["/", "/usage", `/build/${seeded.buildTodoId}`]) {
    await page.goto(path);
    await expect(page).toHaveURL(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  await new SignInPage(page).signIn({ email: user.email, password: "not the password" });
  await expect(new SignInPage(page).error).toContainText("Invalid email or password");
  await new SignInPage(page).signIn(user);
  await expect(page).toHaveURL(`/build/${seeded.buildTodoId}`);
  await expect(page.getByRole("heading", { name: "404" })).toBeVisible(); // ana's todo, not theirs
  await page.goto("/");
  await expect(page.getByTestId("user-name")).toHaveText(user.name);
  await context.close();
});

test('"Continue as demo user" signs in with one click', async ({ browser, baseURL }) => {
  const context = await signedOutContext(browser, { baseURL });
  const page = await context.newPage();
  await page.goto("/usage");
  await new SignInPage(page).demoButton.click();
  await expect(page).toHaveURL("/usage");
  await expect(page.getByTestId("user-name")).toHaveText("Demo user");
  await expect(page.getByTestId("user-menu")).toContainText("admin");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL("/sign-in?next=%2F");
  await context.close();
});

test("sign-up with a bad email or a short password shows the message and creates nothing", async ({
  browser,
  baseURL,
}) => {
  const context = await signedOutContext(browser, { baseURL });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto("/");
  const user = newUser("careless");
  await signIn.signUp({ ...user, email: "not-an-email" });
  await expect(signIn.error).toHaveText("Invalid email address");
  await signIn.signUp({ ...user, password: "short" });
  await expect(signIn.error).toHaveText("Password too short");
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await context.request.get("/api/todos")).status()).toBe(401);

  // Nothing was written: the address is still free, and only now can it sign up.
  const fresh = await signedOutContext(browser, { baseURL });
  await signUp(fresh.request, user);
  await Promise.all([context.close(), fresh.close()]);
});
