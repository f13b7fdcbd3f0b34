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

test("a repeated key gets the same image, 409 while the first runs, 422 for another body", async ({
  request,
}) => {
  const key = `e2e-repeat-${Date.now()}`;
  const send = (prompt = "a paper boat on a pond") =>
    request.post("/api/images/generate", {
      headers: { "idempotency-key": key },
      data: { prompt, size: "small", seed: 3 },
    });
  const [a, b] = await Promise.all([send(), send()]);
  // The second either arrived while the first ran (409, try again later) or after it (the same image).
  expect([a.status(), b.status()].sort()).toContainEqual(200);
  for (const r of [a, b].filter((r) => r.status() !== 200)) {
    expect(r.status()).toBe(409);
    expect(r.headers()["retry-after"]).toBeTruthy();
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe("idempotency_in_flight");
  }
  const c = await send();
  expect(c.status()).toBe(200);
  const ids = await Promise.all(
    [a, b, c]
      .filter((r) => r.status() === 200)
      .map(async (r) => ((await r.json()) as { image: { id: string } }).image.id),
  );
  expect(new Set(ids).size).toBe(1);
  expect((await c.json()).replay).toBe(true);
  const other = await send("a paper plane over a pond");
  expect(other.status()).toBe(422);
  expect(((await other.json()) as { error: { code: string } }).error.code).toBe("idempotency_mismatch");
  expect(await imageCalls(request, key)).toBe(1);
});
