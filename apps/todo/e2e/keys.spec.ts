// The gateway's keys page (/usage/keys): an admin makes a key, reads its secret once, sees it listed with
// its limits and revokes it, which a reload keeps; a member is told the page is for admins, and the API
// behind it refuses them.
import { expect, test } from "@playwright/test";
import { SIGNED_OUT, signedInContext, signInAsDemo, testClientIp } from "@switchyard/tooling/e2eAuth";

test("an admin makes a key, sees its secret once, and revokes it", async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    baseURL,
    storageState: SIGNED_OUT,
    extraHTTPHeaders: { "x-forwarded-for": testClientIp() },
  });
  await signInAsDemo(context.request);
  const page = await context.newPage();
  const name = `e2e notebook ${Date.now()}`;
  await page.goto("/usage/keys");

  const form = page.getByTestId("gateway-key-form");
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Requests a minute").fill("60");
  await form.getByLabel("USD a day").fill("0.5");
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-key-secret")).toContainText(/sk-sy-[\w-]{20,}/);

  const row = page.getByTestId("gateway-keys").getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("60 rpm");
  await expect(row).toContainText("active");
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");

  // Stored, not just drawn: after a reload the key is still revoked and its secret is not shown again.
  await page.reload();
  const listed = page.getByTestId("gateway-keys").getByRole("row").filter({ hasText: name });
  await expect(listed).toContainText("revoked");
  await expect(listed.getByRole("button", { name: "Revoke" })).toHaveCount(0);
  await expect(page.getByTestId("new-key-secret")).toHaveCount(0);
  await expect(page.getByText(/sk-sy-[\w-]{20,}/)).toHaveCount(0);
  await context.close();
});

test("a member is told the keys page is for admins, and cannot make a key", async ({ browser, baseURL }) => {
  const { context } = await signedInContext(browser, "keyless", { baseURL });
  const page = await context.newPage();
  await page.goto("/usage/keys");
  await expect(page.getByText("Only an admin can manage the gateway's keys.")).toBeVisible();
  await expect(page.getByTestId("gateway-key-form")).toHaveCount(0);
  const made = await context.request.post("/usage/api/keys", { data: { name: "not mine" } });
  expect(made.status()).toBe(403);
  expect(((await made.json()) as { error: { code: string } }).error.code).toBe("forbidden");
  await context.close();
});
