import { expect, test } from "@playwright/test";
import { GeneratePage } from "./pages/generatePage.ts";
import { imageCalls } from "./pages/providerControl.ts";

test("a double click submits once: one upstream generation per image", async ({ page, request }) => {
  const generate = new GeneratePage(page);
  await generate.goto();
  await generate.fill("two kites over a green hill", { count: 2 });
  await generate.submit.dblclick();
  const cards = await generate.settled();
  await expect(cards).toHaveCount(2);
  for (const card of await cards.all()) {
    await expect(card).toHaveAttribute("data-status", "done");
    expect(await imageCalls(request, await generate.keyOf(card))).toBe(1);
  }
});

test("a repeated request with the same key returns the same image without a second generation", async ({
  request,
}) => {
  const key = `e2e-repeat-${Date.now()}`;
  const send = () =>
    request.post("/api/images/generate", {
      headers: { "idempotency-key": key },
      data: { prompt: "a paper boat on a pond", size: "small", seed: 3 },
    });
  const [a, b] = await Promise.all([send(), send()]);
  const c = await send();
  const ids = await Promise.all(
    [a, b, c].map(async (r) => ((await r.json()) as { image: { id: string } }).image.id),
  );
  expect(new Set(ids).size).toBe(1);
  expect((await c.json()).replay).toBe(true);
  expect(await imageCalls(request, key)).toBe(1);
});
