import { expect, test } from "@playwright/test";
import { GeneratePage } from "./pages/generatePage.ts";
import { resetProvider, setFaults } from "./pages/providerControl.ts";

// These run last (file order): they leave the router's breaker for image-primary open for a while.
test.afterEach(async ({ request }) => {
  await resetProvider(request);
});

test("with image-primary throttled, the image still comes, from the backup, with a failover badge", async ({
  page,
  request,
}) => {
  await setFaults(request, "image-primary", { errorRates: { "429": 1 }, retryAfterSeconds: 2 });
  const generate = new GeneratePage(page);
  await generate.goto();
  await generate.generate("a windmill in a tulip field");
  const card = (await generate.settled()).first();
  await expect(card).toHaveAttribute("data-status", "done");
  await expect(card.getByTestId("image-provider")).toHaveText("Local Image Backup");
  await expect(card.getByTestId("failover-badge")).toBeVisible();
});

test("with image-primary down, the image still comes from the backup", async ({ page, request }) => {
  await setFaults(request, "image-primary", { down: true });
  const generate = new GeneratePage(page);
  await generate.goto();
  await generate.generate("a lantern on a snowy path");
  const card = (await generate.settled()).first();
  await expect(card).toHaveAttribute("data-status", "done");
  await expect(card.getByTestId("image-provider")).toHaveText("Local Image Backup");
  await expect(card.getByTestId("failover-badge")).toBeVisible();
});
