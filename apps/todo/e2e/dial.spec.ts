// The Cheaper ↔ Better dial (issue 25, items 3 and 4): moving it changes where a borderline question goes,
// the answer says where its score fell against the dial, and a graded answer is stored with its question
// only when the user opts in.
import { expect, test } from "@playwright/test";
import { TodoPage } from "./pages/todoPage.ts";

// From the todo app-traffic set (labelled strong). `pnpm --silent router:score --app todo` scores it 0.345:
// below the cheapest stop's threshold (0.356), above balanced (0.317) and best (0.304).
const BORDERLINE = "Derive the formula for the monthly payment of an amortised loan from first principles.";

// Every spec signs in as the same member: leave the dial at the default for the others.
test.afterAll(async ({ request }) => {
  await request.put("/api/dial", { data: { stop: "balanced" } });
});

test("moving the dial sends a borderline question to the other tier", async ({ page }) => {
  const app = new TodoPage(page);
  await app.goto();
  await expect(app.dial).toBeVisible();
  for (const stop of ["cheapest", "balanced", "best"]) {
    await expect(page.getByTestId(`dial-share-${stop}`)).toContainText("% strong");
    await expect(page.getByTestId(`dial-cost-${stop}`)).toContainText("$");
  }

  await app.chooseDialStop("cheapest");
  let answer = await app.ask(BORDERLINE);
  await expect(answer).toHaveAttribute("data-phase", "done");
  await expect(answer.getByTestId("route-tier")).toHaveText("fast");
  await expect(answer.getByTestId("dial-position")).toHaveAttribute("data-stop", "cheapest");
  await expect(answer.getByTestId("dial-position")).toContainText("balanced (0.317) strong");

  await app.chooseDialStop("balanced");
  answer = await app.ask(BORDERLINE);
  await expect(answer).toHaveAttribute("data-phase", "done");
  await expect(answer.getByTestId("route-tier")).toHaveText("strong");
  await expect(answer.getByTestId("dial-position")).toHaveAttribute("data-stop", "balanced");

  // The stop is the user's, kept by the server: a reload shows it.
  await page.reload();
  await expect(app.dial).toHaveAttribute("data-stop", "balanced");
  await expect(page.getByTestId("dial-today")).toContainText("routed question");
});

test("a graded answer is stored, with the question only when shared", async ({ page, request }) => {
  const app = new TodoPage(page);
  await app.goto();
  const answer = await app.ask(BORDERLINE);
  await expect(answer).toHaveAttribute("data-phase", "done");
  await answer.getByTestId("feedback-fast").click();
  await expect(answer.getByTestId("feedback-saved")).toHaveText("Saved.");
  await answer.getByTestId("feedback-share").check();
  await answer.getByTestId("feedback-strong").click();
  await expect(answer.getByTestId("feedback-saved")).toHaveText("Saved, with the question.");

  const unknown = await request.post("/api/answers/req-not-yours/feedback", {
    data: { label: "strong", question: null },
  });
  expect(unknown.status()).toBe(404);
  const forged = await request.put("/api/dial", { data: { stop: "free-strong" } });
  expect(forged.status()).toBe(400);
});
