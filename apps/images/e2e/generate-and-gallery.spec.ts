import { expect, test } from "@playwright/test";
import { GalleryPage } from "./pages/galleryPage.ts";
import { GeneratePage } from "./pages/generatePage.ts";

test("a generated image shows in the grid and the gallery, and similar-prompt search finds it", async ({
  page,
  request,
}) => {
  const generate = new GeneratePage(page);
  await generate.goto();
  await expect(page.getByTestId("image-simulation-note")).toBeVisible();
  const prompt = "a red lighthouse on a rocky coast at sunset";
  await generate.generate(prompt);
  const card = (await generate.settled()).first();
  await expect(card).toHaveAttribute("data-status", "done");
  await expect(card.getByRole("img", { name: prompt })).toBeVisible();
  await expect(card.getByTestId("image-provider")).toHaveText("Local Image Primary");
  await expect(card.getByTestId("image-cost")).toHaveText(/^\$0\.0\d{3}/);
  await expect(card.getByTestId("failover-badge")).toHaveCount(0);

  const download = await request.get(
    (await card.getByRole("link", { name: "Download" }).getAttribute("href"))!,
  );
  expect(download.headers()["content-type"]).toBe("image/png");
  expect(download.headers()["content-disposition"]).toContain("attachment");
  // Provider bytes are served so a browser can never run them as a page.
  const shown = await request.get((await card.getByRole("img", { name: prompt }).getAttribute("src"))!);
  expect(shown.headers()).toMatchObject({
    "content-type": "image/png",
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox",
  });
  expect(shown.headers()["content-disposition"]).toMatch(/^inline; filename="switchyard-[\w-]+\.png"$/);

  const gallery = new GalleryPage(page);
  await gallery.goto();
  await expect(gallery.item(prompt)).toBeVisible();
  await gallery.searchSimilar("lighthouse by the sea in the evening");
  await expect(gallery.items.first().getByTestId("gallery-prompt")).toHaveText(prompt);
});

test("a prompt the provider's moderation refuses says so and saves nothing", async ({ page }) => {
  const generate = new GeneratePage(page);
  await generate.goto();
  await generate.generate("blocked-by-moderation test image");
  const card = (await generate.settled()).first();
  await expect(card.getByTestId("image-error")).toContainText("moderation refused this prompt");
  const gallery = new GalleryPage(page);
  await gallery.goto();
  await expect(gallery.item("blocked-by-moderation test image")).toHaveCount(0);
});

test("deleting an image removes it from the gallery and its file", async ({ page, request }) => {
  const generate = new GeneratePage(page);
  await generate.goto();
  const prompt = "a small green teapot to be deleted";
  await generate.generate(prompt);
  await generate.settled();
  const gallery = new GalleryPage(page);
  await gallery.goto();
  const item = gallery.item(prompt);
  const fileUrl = (await item.getByRole("img").getAttribute("src"))!;
  page.once("dialog", (d) => d.accept());
  await item.getByRole("button", { name: "Delete" }).click();
  await expect(item).toHaveCount(0);
  expect((await request.get(fileUrl)).status()).toBe(404);
});
