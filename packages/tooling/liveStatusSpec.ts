// The browser test both apps share: the header names the live database and provider, and /api/health
// checks both.
import { expect, test } from "@playwright/test";

export function liveStatusTests() {
  test("the page names the live database and provider", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("live-database")).toContainText("embedded PGlite");
    await expect(page.getByTestId("live-provider")).toContainText("local provider");
    await expect(page.getByText("Offline: chat answers are simulated")).toBeVisible();
  });

  test("the health route checks both", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.database.ok).toBe(true);
    expect(body.provider.ok).toBe(true);
  });
}
