// Accounts in the image app (issue 19). Two users in two browser contexts: the second never sees the
// first's images, gallery entries, similar-prompt results, image files or usage rows, by the UI or by
// URL and API. Without a session every app route answers 401 and every page sends you to sign in (and
// back); a cross-origin POST is refused and writes nothing.
import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { newUser, signedInContext, signedOutContext } from "@switchyard/tooling/e2eAuth";
import { appRoutes } from "./pages/appRoutes.ts";
import { GalleryPage } from "./pages/galleryPage.ts";
import { GeneratePage } from "./pages/generatePage.ts";
import { imageCalls } from "./pages/providerControl.ts";
import { SignInPage } from "./pages/signInPage.ts";

interface ImageJson {
  id: string;
  prompt: string;
  parameters: Record<string, unknown>;
}

async function galleryIds(request: APIRequestContext, query = ""): Promise<string[]> {
  const res = await request.get(`/api/images${query}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: ImageJson[] }).items.map((i) => i.id);
}

async function usageRequestIds(request: APIRequestContext): Promise<string[]> {
  const res = await request.get("/usage/api");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { log: { rows: { requestId: string }[] } }).log.rows.map((r) => r.requestId);
}

test("a second user never sees the first's images, gallery, similar prompts, files or usage rows", async ({
  browser,
}) => {
  const alice = await signedInContext(browser, "alice");
  const bob = await signedInContext(browser, "bob");
  try {
    const alicePage = await alice.context.newPage();
    const prompt = `a copper weathervane shaped like a fox ${randomUUID().slice(0, 8)}`;
    const aliceGenerate = new GeneratePage(alicePage);
    await aliceGenerate.goto();
    await aliceGenerate.generate(prompt);
    const card = (await aliceGenerate.settled()).first();
    await expect(card).toHaveAttribute("data-status", "done");
    const fileUrl = (await card.getByRole("img").getAttribute("src"))!;
    const imageId = fileUrl.split("/")[3]!;
    const aliceKey = await aliceGenerate.keyOf(card);
    // Alice herself sees it everywhere: the checks below are not empty by accident.
    const aliceGallery = new GalleryPage(alicePage);
    await aliceGallery.goto();
    await expect(aliceGallery.item(prompt)).toBeVisible();
    await aliceGallery.searchSimilar("a weathervane in the shape of a fox");
    await expect(aliceGallery.item(prompt)).toBeVisible();
    const aliceRequests = await usageRequestIds(alice.context.request);
    expect(aliceRequests.length).toBeGreaterThan(0);

    // Bob makes one image of his own, so his gallery and his search have something to show.
    const bobPage = await bob.context.newPage();
    const bobGenerate = new GeneratePage(bobPage);
    await bobGenerate.goto();
    await bobGenerate.generate("a blue bicycle leaning on a fence");
    await expect((await bobGenerate.settled()).first()).toHaveAttribute("data-status", "done");

    // By the UI: gallery, similar-prompt search, usage log, the file's URL typed in.
    const bobGallery = new GalleryPage(bobPage);
    await bobGallery.goto();
    await expect(bobGallery.items).toHaveCount(1);
    await expect(bobGallery.item(prompt)).toHaveCount(0);
    await bobGallery.searchSimilar(prompt);
    await expect(bobGallery.items).toHaveCount(1);
    await expect(bobGallery.item("a blue bicycle leaning on a fence")).toBeVisible();
    await bobPage.goto("/usage");
    await expect(bobPage.getByTestId("usage-log-row").first()).toBeVisible();
    for (const id of aliceRequests) {
      await expect(bobPage.locator(`[data-testid="usage-log-row"][data-request-id="${id}"]`)).toHaveCount(0);
    }
    expect((await bobPage.goto(fileUrl))?.status()).toBe(404);

    // By the API: lists and searches leave it out, and by id it does not exist.
    const api = bob.context.request;
    expect(await galleryIds(api)).not.toContain(imageId);
    expect(await galleryIds(api, `?similar=${encodeURIComponent(prompt)}`)).not.toContain(imageId);
    for (const path of [`/api/images/${imageId}`, fileUrl, `${fileUrl}?download=1`]) {
      const res = await api.get(path);
      expect(res.status(), path).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
    expect((await api.delete(`/api/images/${imageId}`)).status()).toBe(404);
    const bobRequests = await usageRequestIds(api);
    expect(bobRequests.filter((id) => aliceRequests.includes(id))).toEqual([]);
    for (const id of aliceRequests) {
      expect((await api.get(`/usage/api/requests/${id}`)).status(), id).toBe(404);
    }

    // Bob sends Alice's key with Alice's exact request: his own new image, not her stored one.
    const aliceRecord = (await (await alice.context.request.get(`/api/images/${imageId}`)).json()) as {
      image: ImageJson;
    };
    const { requestedModel, aspect, size, style, seed } = aliceRecord.image.parameters;
    const reuse = await api.post("/api/images/generate", {
      headers: { "idempotency-key": aliceKey },
      data: { prompt, aspect, size, style, seed, model: requestedModel },
    });
    expect(reuse.status()).toBe(200);
    const reused = (await reuse.json()) as { image: ImageJson; replay: boolean };
    expect(reused.image.id).not.toBe(imageId);
    expect(reused.replay).toBe(false);
    expect(await imageCalls(api, aliceKey)).toBe(2);

    // And Alice's image is still hers, whole.
    expect((await alice.context.request.get(fileUrl)).status()).toBe(200);
    expect(await galleryIds(alice.context.request)).toEqual([imageId]);
  } finally {
    await alice.context.close();
    await bob.context.close();
  }
});

test("without a session every app route answers 401 unauthenticated; health says only up", async ({
  browser,
}) => {
  const context = await signedOutContext(browser);
  try {
    const routes = appRoutes({ id: randomUUID(), requestId: "req-e2e-0001", all: "get-session" });
    // Signing in is what these are for; health is public.
    const guarded = routes.filter((r) => !/^\/api\/(auth|health|demo-sign-in)(\/|$)/.test(r.path));
    expect(guarded.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        "/api/images",
        "/api/images/generate",
        expect.stringMatching(/^\/api\/images\/[\w-]{36}$/),
        expect.stringMatching(/^\/api\/images\/[\w-]{36}\/file$/),
        "/usage/api",
        "/usage/api/budgets",
        "/usage/api/requests/req-e2e-0001",
      ]),
    );
    for (const route of guarded) {
      expect(route.methods.length, route.file).toBeGreaterThan(0);
      for (const method of route.methods) {
        const res = await context.request.fetch(route.path, {
          method,
          ...(method === "GET" ? {} : { data: {} }),
        });
        expect(res.status(), `${method} ${route.path}`).toBe(401);
        expect((await res.json()).error.code).toBe("unauthenticated");
      }
    }
    const health = await context.request.get("/api/health");
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: "up" });
  } finally {
    await context.close();
  }
});

test("a member may not read or edit users' budgets", async ({ request }) => {
  const list = await request.get("/usage/api/budgets");
  expect(list.status()).toBe(403);
  expect((await list.json()).error.code).toBe("forbidden");
  const edit = await request.put("/usage/api/budgets", { data: { userId: "someone", limitUsd: 100 } });
  expect(edit.status()).toBe(403);
});

test("a page without a session goes to sign-in, and signing up comes back to it", async ({ browser }) => {
  const context = await signedOutContext(browser);
  try {
    const page = await context.newPage();
    for (const path of ["/", "/usage"]) {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(path)}$`));
    }
    await page.goto("/gallery?q=harbour");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fgallery%3Fq%3Dharbour$/);
    const visitor = newUser("visitor");
    await new SignInPage(page).createAccount(visitor);
    await expect(page).toHaveURL(/\/gallery\?q=harbour$/);
    await expect(page.getByTestId("user-name")).toHaveText(visitor.name);
    await expect(page.getByLabel("Similar prompts")).toHaveValue("harbour");
    await expect(page.getByTestId("gallery-item")).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("a cross-origin POST is refused and writes nothing", async ({ page, request, baseURL }) => {
  const before = await galleryIds(request);
  const key = `e2e-csrf-${randomUUID()}`;
  const prompt = `a forged request ${key}`;

  // By API: a foreign Origin (403), then a form-encoded body with no Origin (415).
  const forged = await request.post("/api/images/generate", {
    headers: { origin: "https://evil.example", "idempotency-key": key },
    data: { prompt, size: "small" },
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe("cross_origin");
  const formEncoded = await request.post("/api/images/generate", {
    headers: { "idempotency-key": key },
    form: { prompt },
  });
  expect(formEncoded.status()).toBe(415);

  // By the browser: a page on another origin (same host, another port, so the session cookie goes
  // along) submits a form to the app, as a lured user would.
  await page.goto(`${process.env.E2E_PROVIDER_URL}/health`);
  const answered = page.waitForResponse((r) => r.url() === `${baseURL}/api/images/generate`);
  await page.evaluate((action) => {
    const form = document.createElement("form");
    form.method = "POST";
    form.action = action;
    form.enctype = "text/plain";
    const field = document.createElement("input");
    field.name = '{"prompt":"a forged image","size":"small","x":"';
    field.value = '"}';
    form.append(field);
    document.body.append(form);
    form.submit();
  }, `${baseURL}/api/images/generate`);
  const response = await answered;
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe("cross_origin");

  // A foreign DELETE of the member's own image is refused too, and the image stays.
  const own = await request.post("/api/images/generate", {
    headers: { "idempotency-key": `${key}-own` },
    data: { prompt: "a lighthouse nobody may delete from afar", size: "small" },
  });
  const ownId = ((await own.json()) as { image: ImageJson }).image.id;
  const foreignDelete = await request.delete(`/api/images/${ownId}`, {
    headers: { origin: "https://evil.example" },
  });
  expect(foreignDelete.status()).toBe(403);
  expect((await request.get(`/api/images/${ownId}`)).status()).toBe(200);

  const after = await galleryIds(request);
  expect(after.filter((id) => !before.includes(id))).toEqual([ownId]);
  expect(await imageCalls(request, key)).toBe(0);
});
