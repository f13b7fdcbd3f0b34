// The browser test both apps share: the header names the live database and provider, and /api/health
// says up or down to anyone, with the database's and the provider's details for admins only.
import { request as apiRequest, expect, test } from "@playwright/test";
import { SIGNED_OUT, signInAsDemo } from "./e2eAuth.ts";

export function liveStatusTests() {
  test("the page names the live database and provider", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("live-database")).toContainText("embedded PGlite");
    await expect(page.getByTestId("live-provider")).toContainText("local provider");
    await expect(page.getByText("Offline: chat answers are simulated")).toBeVisible();
  });

  test("the health route says up to anyone and checks both for an admin", async ({ baseURL }) => {
    const anyone = await apiRequest.newContext({ baseURL, storageState: SIGNED_OUT });
    const admin = await apiRequest.newContext({ baseURL, storageState: SIGNED_OUT });
    try {
      const open = await anyone.get("/api/health");
      expect(open.status()).toBe(200);
      expect(await open.json()).toEqual({ status: "up" });

      await signInAsDemo(admin);
      const res = await admin.get("/api/health");
      expect(res.status()).toBe(200);
      const body = await res.json();
      expect(body.database.ok).toBe(true);
      expect(body.provider.ok).toBe(true);
    } finally {
      await Promise.all([anyone.dispose(), admin.dispose()]);
    }
  });
}
