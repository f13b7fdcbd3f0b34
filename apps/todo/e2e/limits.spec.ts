// What a user reads when a limit stops a call: a daily budget an admin set very low (402
// budget_exceeded: what was spent, when it resets) in the ask panel, and too many builds in a minute
// (429 rate_limited: when to retry) on the build page. Each test has a user of its own.
import { randomUUID } from "node:crypto";
import { request as apiRequest, expect, test } from "@playwright/test";
import { SIGNED_OUT, signedInContext, signInAsDemo } from "@switchyard/tooling/e2eAuth";
import { TodoPage } from "./pages/todoPage.ts";

test("over the daily budget, the ask panel says what was spent and when it resets", async ({
  browser,
  baseURL,
}) => {
  const { context } = await signedInContext(browser, "thrifty", { baseURL });
  const session = (await (await context.request.get("/api/auth/get-session")).json()) as {
    user: { id: string };
  };
  const admin = await apiRequest.newContext({ baseURL, storageState: SIGNED_OUT });
  await signInAsDemo(admin);
  // Less than one answer's bound (its max_tokens at the model's price): the router refuses before calling.
  const set = await admin.put("/usage/api/budgets", { data: { userId: session.user.id, limitUsd: 0.0005 } });
  expect(set.status(), await set.text()).toBe(200);
  await admin.dispose();

  const page = await context.newPage();
  const app = new TodoPage(page);
  await app.goto();
  await app.addTodo("pay the electricity bill");
  const answer = await app.ask("what bills do I have to pay?", "fast");
  await expect(answer).toHaveAttribute("data-phase", "failed");
  const error = answer.getByTestId("answer-error");
  await expect(error).toHaveAttribute("data-code", "budget_exceeded");
  await expect(error).toContainText(
    /Daily budget reached: you have spent (under )?\$[\d.]+ of your \$0\.0005 today/,
  );
  await expect(error).toContainText(/It resets at midnight UTC, in \d+ (min|h \d+ min)\./);
  await context.close();
});

test("too many builds in a minute: the build page says when to retry", async ({ browser, baseURL }) => {
  const { context } = await signedInContext(browser, "hasty", { baseURL });
  const created = await context.request.post("/api/todos", { data: { title: "Split an array in two" } });
  const { todo } = (await created.json()) as { todo: { id: string } };
  // Starting builds of todos that are not there still counts: empty the user's bucket.
  let status = 0;
  for (let i = 0; i < 100 && status !== 429; i++)
    status = (await context.request.post(`/build/${randomUUID()}/run`, { data: {} })).status();
  expect(status).toBe(429);

  const page = await context.newPage();
  await page.goto(`/build/${todo.id}`);
  await page.getByRole("button", { name: "Plan & build" }).click();
  await expect(page.getByTestId("build-error")).toHaveText(
    /^Too many requests: try again in \d+ seconds?\.$/,
  );
  await context.close();
});
