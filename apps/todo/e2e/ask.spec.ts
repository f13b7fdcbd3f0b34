import { expect, test } from "@playwright/test";
import { TodoPage } from "./pages/todoPage.ts";

const providerUrl = () => process.env.E2E_PROVIDER_URL!;

test.beforeAll(async ({ request }) => {
  for (const title of [
    "buy milk and eggs",
    "fix the login bug before launch",
    "write the launch announcement",
    "migrate the database before launch",
  ]) {
    await request.post("/api/todos", { data: { title, tags: ["work"] } });
  }
});

test.afterEach(async ({ request }) => {
  await request.post(`${providerUrl()}/control/reset`);
});

test("a simple question is answered by the fast tier, with sources and cost", async ({ page }) => {
  const app = new TodoPage(page);
  await app.goto();
  const answer = await app.ask("do I need milk?");
  await expect(answer).toHaveAttribute("data-phase", "done");
  await expect(answer.getByTestId("route-tier")).toHaveText("fast");
  await expect(answer.getByTestId("answer-text")).toContainText("milk");
  await expect(answer.getByTestId("answer-sources")).toContainText("buy milk and eggs");
  await expect(answer.getByTestId("route-score")).toBeVisible();
  await expect(answer.getByTestId("answer-cost")).toContainText("$");
  await expect(page.getByTestId("cost-spent")).not.toHaveText("$0");
  await expect(page.getByTestId("cost-saved")).toContainText("$");
});

test("a hard question is routed to the strong tier", async ({ page }) => {
  const app = new TodoPage(page);
  await app.goto();
  const answer = await app.ask(
    "Prove that my launch plan is optimal: derive step by step the order of the 4 tasks that minimises total delay, given each takes 3, 5, 2 and 7 days and the migration must precede the announcement.",
  );
  await expect(answer).toHaveAttribute("data-phase", "done");
  await expect(answer.getByTestId("route-tier")).toHaveText("strong");
  await expect(answer.getByTestId("route-model")).toHaveText("openai/gpt-4o");
  await expect(answer.getByTestId("route-reasons")).toBeVisible();
});

test("a forced tier overrides the classifier", async ({ page }) => {
  const app = new TodoPage(page);
  await app.goto();
  const answer = await app.ask("do I need milk?", "strong");
  await expect(answer.getByTestId("route-tier")).toHaveText("strong");
  await expect(answer.getByTestId("route-badge")).toContainText("forced strong");
});

test("with the primary endpoint down the answer still arrives and shows the failover", async ({
  page,
  request,
}) => {
  const down = await request.post(`${providerUrl()}/control/faults`, {
    data: { endpoint: "primary", down: true },
  });
  expect(down.ok()).toBe(true);
  const app = new TodoPage(page);
  await app.goto();
  const answer = await app.ask("do I need milk?", "fast");
  await expect(answer).toHaveAttribute("data-phase", "done");
  await expect(answer.getByTestId("answer-text")).toContainText("milk");
  await expect(answer.getByTestId("route-failover")).toContainText("local:backup");
});

test("an answer cut off mid-stream shows an interrupted state with a retry", async ({ page, request }) => {
  for (const endpoint of ["primary", "backup", "zdr"])
    await request.post(`${providerUrl()}/control/faults`, { data: { endpoint, errorAfterTokens: 2 } });
  const app = new TodoPage(page);
  await app.goto();
  const answer = await app.ask("do I need milk?", "fast");
  await expect(answer).toHaveAttribute("data-phase", "failed");
  await expect(answer.getByTestId("answer-error")).toContainText("Interrupted");

  await request.post(`${providerUrl()}/control/reset`);
  await answer.getByRole("button", { name: "Retry" }).click();
  await expect(answer).toHaveAttribute("data-phase", "done");
});
