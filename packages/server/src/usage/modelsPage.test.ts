// The models page's data: the router's catalog rows, which models this app's requests used (a
// member's own only), and how the last catalog sync went.
import { createDb, type DbHandle, llmCalls, PgCatalogPriceStore } from "@switchyard/db";
import { createRouter, type Router, syncCatalog } from "@switchyard/router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NOW, SEED } from "../testing/ledgerSeed.ts";
import { modelsPage } from "./modelsPage.ts";

describe("modelsPage", () => {
  let h: DbHandle;
  let router: Router;
  beforeAll(async () => {
    h = await createDb({ dataDir: "memory://" });
    await h.db.insert(llmCalls).values(SEED);
    router = createRouter({ env: {}, accounts: ["local"], policy: { credits: { refreshMs: 0 } } });
  });
  afterAll(async () => {
    await router.close();
    await h.close();
  });

  it("lists the whole catalog with aliases, marks the models used, and says the last sync failed", async () => {
    const store = new PgCatalogPriceStore(h.db);
    const listing = {
      data: [
        {
          id: "openai/gpt-4o",
          context_length: 128000,
          pricing: { prompt: "0.000003", completion: "0.00001" },
        },
      ],
    };
    const ok = await syncCatalog({ store, fetch: async () => Response.json(listing), now: NOW });
    router.applyCatalogPrices(await store.current());
    await syncCatalog({
      store,
      fetch: async () => new Response("", { status: 500 }),
      now: new Date(NOW.getTime() + 1000),
    });

    const page = await modelsPage({ db: h.db, router, app: "todo", now: NOW });
    expect(page.models.length).toBeGreaterThan(500);
    const byId = new Map(page.models.map((m) => [m.id, m]));
    expect(byId.get("anthropic/claude-3-haiku")).toMatchObject({ aliases: ["fast", "auto"], routable: true });
    expect(byId.get("openai/gpt-4o")).toMatchObject({
      aliases: ["strong", "auto"],
      price: { inputPerMTokens: 3, outputPerMTokens: 10 },
      syncedAt: ok.run.at.toISOString(),
    });
    expect(byId.get("anthropic/claude-3-haiku")?.usedRequests).toBeGreaterThan(0);
    expect(page.models.filter((m) => m.usedRequests > 0).length).toBeLessThan(10);
    expect(page.sync.last).toMatchObject({ ok: false, error: "the listing answered HTTP 500" });
    expect(page.sync.lastGood).toMatchObject({ ok: true, changed: 1 });
  });

  it("counts only a member's own requests as used", async () => {
    const page = await modelsPage({ db: h.db, router, app: "todo", userId: "nobody", now: NOW });
    expect(page.scope).toBe("user");
    expect(page.models.every((m) => m.usedRequests === 0)).toBe(true);
  });
});
