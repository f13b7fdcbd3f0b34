// "Plan & build" walked in the browser on the local provider's scripted samples: the first revision
// has an off-by-one that the spec's tests catch, a change request fixes it, and the human approves.
import { expect, test } from "@playwright/test";

const providerUrl = () => process.env.E2E_PROVIDER_URL!;

test("plan, catch the off-by-one, request changes, approve", async ({ page, request }) => {
  const created = await request.post("/api/todos", {
    data: { title: "Split an array into chunks of size n" },
    headers: { "Idempotency-Key": `e2e-build-${Date.now()}` },
  });
  expect(created.status()).toBe(201);
  const { todo } = (await created.json()) as { todo: { id: string } };

  await page.goto(`/build/${todo.id}`);
  await expect(page.getByTestId("build-task")).toHaveText("Split an array into chunks of size n");
  await page.getByRole("button", { name: "Plan & build" }).click();

  const status = page.getByTestId("build-status");
  await expect(status).toHaveAttribute("data-status", "awaiting_review");
  await expect(status).toContainText("revision 1");
  await expect(page.getByTestId("build-spec")).toContainText(
    "function chunk<T>(items: T[], size: number): T[][]",
  );
  await expect(page.getByTestId("code-solution.ts")).toContainText("i < items.length - 1");
  await expect(page.getByTestId("scripted-label").first()).toBeVisible();
  await expect(page.getByTestId("step-row")).toHaveCount(2);
  await expect(page.getByTestId("test-summary")).toContainText("7 of 9 tests passed");
  const failing = page.locator('[data-testid="test-row"][data-status="failed"]');
  await expect(failing).toHaveCount(2);
  await expect(failing.first()).toContainText("spec > the remainder goes in the last chunk");

  await page.getByLabel("Review comment").fill("The last partial chunk is dropped: loop over every item.");
  await page.getByRole("button", { name: "Request changes" }).click();
  await expect(status).toContainText("revision 2");
  await expect(status).toHaveAttribute("data-status", "awaiting_review");
  await expect(page.getByTestId("build-revision")).toContainText("after your change request");
  await expect(page.getByTestId("code-solution.ts")).toContainText("i < items.length;");
  await expect(page.getByTestId("test-summary")).toContainText("11 of 11 tests passed");
  await expect(page.getByTestId("step-row")).toHaveCount(3);

  // Every model call of the build reached the provider exactly once.
  const { build } = (await (await request.get(`/build/${todo.id}/run`)).json()) as {
    build: { planCalls: { idempotencyKey: string }[]; revisions: { call: { idempotencyKey: string } }[] };
  };
  const keys = [...build.planCalls, ...build.revisions.map((r) => r.call)].map((c) => c.idempotencyKey);
  for (const key of keys) {
    const log = await request.get(`${providerUrl()}/control/log?idempotencyKey=${encodeURIComponent(key)}`);
    expect(((await log.json()) as unknown[]).length, key).toBe(1);
  }

  await page.getByRole("button", { name: "Approve" }).click();
  await expect(status).toHaveAttribute("data-status", "approved");
  await expect(page.getByTestId("build-approved")).toContainText("Approved revision 2");
});

test("a review of a build that is not waiting for one is refused with a clear error", async ({ request }) => {
  const created = await request.post("/api/todos", {
    data: { title: "Split an array into chunks, twice" },
    headers: { "Idempotency-Key": `e2e-build-refused-${Date.now()}` },
  });
  const { todo } = (await created.json()) as { todo: { id: string } };
  const res = await request.post(`/build/${todo.id}/review`, { data: { action: "approve", revision: 1 } });
  expect(res.status()).toBe(404);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
});
